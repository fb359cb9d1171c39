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
 * Connections that send bad input as fast as the server takes it, without logging in: the same
 * chunk (random bytes, a line over 1,024 bytes, a message of a thousand headers) again and again,
 * written whenever the connection can take more, so that the server's reading pace, not the
 * client, sets the rate. Answers are read and tallied by their Message; a connection the server
 * closes is opened again shortly after.
 */
final class BadInputStream implements Attack {

    private static final long RECONNECT_MILLIS = 200;
    private static final long MIN_BYTES = 1 << 20;

    /** One connection: writes while writable, counts what comes back. */
    private final class Conn extends ChannelInboundHandlerAdapter implements AmiParser.Sink {
        private final AmiParser parser = new AmiParser(this);
        private ChannelHandlerContext context;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (!running) {
                ctx.close();
                return;
            }
            context = ctx;
            open.add(this);
            pump(ctx);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            pump(ctx);
        }

        private void pump(ChannelHandlerContext ctx) {
            while (running && ctx.channel().isWritable()) {
                ctx.write(Unpooled.wrappedBuffer(chunk)).addListener(f -> {
                    if (f.isSuccess()) {
                        bytesSent.add(chunk.length);
                    }
                });
            }
            ctx.flush();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                bytesReceived.add(buf.readableBytes());
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                parser.feed(bytes, 0, bytes.length);
            } finally {
                buf.release();
            }
        }

        @Override
        public void greeting(String line) {
            greetings.increment();
        }

        @Override
        public void message(AmiMessage message) {
            String kind = message.response + ": " + message.message;
            answers.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.remove(this);
            if (running) {
                closedByServer.incrementAndGet();
                ctx.channel().eventLoop().schedule(BadInputStream.this::connect, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private final AttackClient client;
    private final String what;
    private final String from;
    private final int connections;
    private final int port;
    private final byte[] chunk;
    private final Set<Conn> open = ConcurrentHashMap.newKeySet();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder greetings = new LongAdder();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private volatile boolean running;
    private long startedAt;
    private double seconds;

    /**
     * @param what        what the chunk is, for the report
     * @param from        the local address of every connection
     * @param connections connections sending at once
     * @param port        the server's AMI port
     * @param chunk       the bytes sent again and again
     */
    BadInputStream(AttackClient client, String what, String from, int connections, int port, byte[] chunk) {
        this.client = client;
        this.what = what;
        this.from = from;
        this.connections = connections;
        this.port = port;
        this.chunk = chunk.clone();
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

    @Override
    public String summary() {
        StringBuilder kinds = new StringBuilder();
        new TreeMap<>(answers).forEach((kind, n) -> kinds.append(kinds.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d × %s", n.sum(), kind)));
        return String.format(Locale.ROOT, "%d connections from %s, none logged in, sending %s as fast as the server read it:"
                        + " %.1f MB in %.0f s (%.1f MB/s); %,d connects (%,d failed), %,d closed by the server;"
                        + " answers: %s",
                connections, from, what, bytesSent.sum() / 1e6, seconds, seconds == 0 ? 0 : bytesSent.sum() / 1e6 / seconds,
                connects.get(), connectFailures.get(), closedByServer.get(), kinds.length() == 0 ? "none" : kinds);
    }

    @Override
    public String shortfall() {
        if (bytesSent.sum() < MIN_BYTES) {
            return String.format(Locale.ROOT, "only %,d bytes sent (%,d connects, %,d failed)", bytesSent.sum(),
                    connects.get(), connectFailures.get());
        }
        return null;
    }
}
