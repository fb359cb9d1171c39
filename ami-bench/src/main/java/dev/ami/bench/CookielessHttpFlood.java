package dev.ami.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP manager requests without a session cookie, as fast as they are answered: every one of them
 * makes the server start a session (Asterisk keeps each for 5 s). {@code connections} keep-alive
 * connections from one address, one request in flight on each, the next sent as soon as the
 * answer is in.
 */
final class CookielessHttpFlood implements Attack {

    private static final long MIN_ANSWERS = 100;

    /** One keep-alive connection sending the same request again and again. */
    private final class Conn extends ChannelInboundHandlerAdapter implements HttpResponseParser.Sink {
        private final HttpResponseParser parser = new HttpResponseParser(this);
        private ChannelHandlerContext context;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (!running) {
                ctx.close();
                return;
            }
            context = ctx;
            open.add(this);
            send();
        }

        private void send() {
            if (running) {
                context.writeAndFlush(Unpooled.wrappedBuffer(request));
                sent.increment();
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                parser.feed(bytes, 0, bytes.length);
            } catch (IllegalStateException e) {
                error(e.getMessage());
                ctx.close();
            } finally {
                buf.release();
            }
        }

        @Override
        public void response(int status, String cookie, boolean close, byte[] body, int offset, int length) {
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (cookie != null) {
                cookies.increment();
            }
            if (close) {
                context.close();
            } else {
                send();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.remove(this);
            if (running) {
                closedByServer.incrementAndGet();
                ctx.channel().eventLoop().schedule(CookielessHttpFlood.this::connect, 100, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            error(cause.toString());
            ctx.close();
        }
    }

    private final AttackClient client;
    private final String from;
    private final int connections;
    private final int port;
    private final byte[] request;
    private final Set<Conn> open = ConcurrentHashMap.newKeySet();
    private final LongAdder sent = new LongAdder();
    private final LongAdder cookies = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String firstError;
    private volatile boolean running;
    private long startedAt;
    private double seconds;

    /**
     * @param from        the local address of every connection
     * @param connections keep-alive connections at once
     * @param port        the HTTP manager's port
     */
    CookielessHttpFlood(AttackClient client, String from, int connections, int port) {
        this.client = client;
        this.from = from;
        this.connections = connections;
        this.port = port;
        this.request = new RawmanRequests(port).ping(null, false);
    }

    @Override
    public void start() {
        running = true;
        startedAt = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            connect();
        }
    }

    private void connect() {
        client.keepConnecting(() -> running, from, port, Conn::new, connects, connectFailures);
    }

    private void error(String what) {
        errors.incrementAndGet();
        if (firstError == null) {
            firstError = what;
        }
    }

    @Override
    public void stop() {
        running = false;
        seconds = (System.nanoTime() - startedAt) / 1e9;
        List<ChannelFuture> closing = new ArrayList<>();
        for (Conn c : open) {
            closing.add(c.context.close());
        }
        for (ChannelFuture f : closing) {
            f.awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private long answered() {
        return statuses.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public String summary() {
        StringBuilder byStatus = new StringBuilder();
        new TreeMap<>(statuses).forEach((status, n) -> byStatus.append(byStatus.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d × %d", n.sum(), status)));
        return String.format(Locale.ROOT, "%d keep-alive connections from %s sending GET /rawman?action=ping without a cookie,"
                        + " one in flight each: %,d answered in %.0f s (%,.0f/s; %s), %,d of them starting a session"
                        + " (Set-Cookie); %,d connects (%,d failed), %,d closed by the server, %,d errors%s",
                connections, from, answered(), seconds, seconds == 0 ? 0 : answered() / seconds,
                byStatus.length() == 0 ? "none" : byStatus, cookies.sum(), connects.get(), connectFailures.get(),
                closedByServer.get(), errors.get(), firstError == null ? "" : " (first: " + firstError + ")");
    }

    @Override
    public String shortfall() {
        if (answered() < MIN_ANSWERS) {
            return String.format(Locale.ROOT, "only %,d requests answered (%,d connects, %,d failed, first error %s)",
                    answered(), connects.get(), connectFailures.get(), firstError);
        }
        return null;
    }
}
