package dev.ami.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * (c) and (e): UserEvent fan-out. N listeners log in with {@code Events: user} and check every
 * UserEvent; P producers (logged in with {@code Events: off}) pipeline
 * {@code Action: UserEvent / UserEvent: Bench / Src: p / Seq: n}. Each listener must see, per
 * producer, Seq 1, 2, 3... with no gap and no step back.
 *
 * <p>Flow control is the client's, end to end: a producer keeps at most {@link #WINDOW} requests
 * unanswered and stays at most {@link #LAG} events ahead of the slowest reading listener. So the
 * figure is the rate the server sustains without making anyone fall behind; without the lag bound
 * a producer faster than delivery would only fill the server's outbound buffers until its
 * writetimeout cut the listeners, which measures the buffers, not the fan-out.
 */
final class FanOutScenario {

    /** unanswered UserEvent requests per producer */
    static final int WINDOW = 256;
    /** how far (events) a producer may run ahead of the slowest reading listener, for unpadded events */
    static final int LAG = 2000;
    /** about the bytes of an unpadded UserEvent as delivered (Event, Privilege, UserEvent, Src, Seq) */
    private static final int PLAIN_EVENT_BYTES = 80;
    private static final int OPEN_CONCURRENCY = 256;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);
    /** how long scenario u waits for a burst to reach every listener */
    private static final Duration BURST_TIMEOUT = Duration.ofSeconds(120);
    /** SO_RCVBUF of listener 0 in scenario e */
    static final int FIXED_RECEIVE_BUFFER = 256 * 1024;

    /** Deliveries counted over one measured window. */
    record Window(long delivered, double seconds, ProcStat.Cpu cpu) {
        double perSecond() {
            return delivered / seconds;
        }
    }

    /**
     * What the listeners saw over the whole run, after the producers stopped and the listeners
     * caught up.
     *
     * @param sent           UserEvents the producers sent (warm-up included)
     * @param lost           events missing at counted listeners (gaps plus a missing tail)
     * @param outOfOrder     events whose Seq did not follow the previous one of their producer
     * @param malformed      UserEvents without a readable Src/Seq
     * @param disconnected   counted listeners the server closed
     * @param producerErrors UserEvent requests not answered Success
     */
    record Check(long sent, long lost, long outOfOrder, long malformed, int disconnected, long producerErrors,
                 String firstError) {
        boolean clean() {
            return lost == 0 && outOfOrder == 0 && malformed == 0 && disconnected == 0 && producerErrors == 0;
        }
    }

    /**
     * @return how far a producer may run ahead of the slowest reading listener: {@link #LAG} events
     *         of the plain size, so the same bytes whatever the padding (scenario e's 1 KiB events
     *         would otherwise let 8 MiB queue per listener, which the server's writetimeout rightly cuts)
     */
    static long lag(int padBytes) {
        return Math.max(1, (long) LAG * PLAIN_EVENT_BYTES / (PLAIN_EVENT_BYTES + padBytes));
    }

    /** Scenario c: one window, all listeners counted. */
    record Result(int listeners, Window window, Check check) {
    }

    /**
     * Scenario u: one sender's burst of {@code events} UserEvents to every listener.
     *
     * @param seconds          from the first UserEvent sent to the last one read by the last listener
     * @param delivered        UserEvents the listeners read in that time, all of them together
     * @param serverCpuSeconds the server's CPU time (user + system) meanwhile
     * @param complete         every listener read every event before the bench stopped waiting
     */
    record Burst(int listeners, int events, double seconds, long delivered, double serverCpuSeconds, ProcStat.Cpu cpu,
                 Check check, boolean complete) {
        double perSecond() {
            return delivered / seconds;
        }

        double cpuMicrosPerDelivery() {
            return serverCpuSeconds * 1e6 / delivered;
        }
    }

    /**
     * Scenario e, in one run so that the same connections on the same server are compared:
     * {@code before} all read, {@code stalled} starts as listener 0 stops reading, {@code after}
     * follows; listener 0 is never counted.
     */
    record StallResult(int listeners, Window before, Window stalled, Window after, Check check, String listenerZero,
                       boolean cutInWindow, double cutAfterSeconds) {
        /** @return the rate with all reading: the mean of before and after if the server had cut listener 0 by then */
        double baselinePerSecond() {
            return cutInWindow ? (before.perSecond() + after.perSecond()) / 2 : before.perSecond();
        }
    }

    private final NettyClient client;
    private final long serverPid;

    FanOutScenario(NettyClient client, long serverPid) {
        this.client = client;
        this.serverPid = serverPid;
    }

    /** Scenario c: {@code listenerCount} listeners, every one counted. */
    Result run(int listenerCount, int producerCount, Duration warmup, Duration measure) throws InterruptedException {
        try (Run run = new Run(listenerCount, producerCount, false, 0)) {
            run.start();
            Thread.sleep(warmup.toMillis());
            Window window = run.measure(measure);
            return new Result(listenerCount, window, run.check());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("fan-out to " + listenerCount + " listeners failed: " + e, e);
        }
    }

    /**
     * Scenario u, as Asterisk's fan-out figures were taken: {@code listenerCount} listeners, ONE
     * sender pipelining {@code events} UserEvents (its window of unanswered requests and its lag bound
     * as in scenario c), and every listener checking count and order. Timed from the first event sent
     * until the last listener has read the last one.
     */
    Burst runBurst(int listenerCount, int events) throws InterruptedException {
        try (Run run = new Run(listenerCount, 1, false, 0)) {
            Producer sender = run.producers.get(0);
            sender.limit = events;
            long[] all = {events};
            double cpu0 = ProcStat.cpuSeconds(serverPid);
            ProcStat.Window cpu = new ProcStat.Window(serverPid);
            long t0 = System.nanoTime();
            run.start();
            long deadline = t0 + BURST_TIMEOUT.toNanos();
            boolean complete = false;
            while (!complete && System.nanoTime() < deadline) {
                complete = true;
                for (EventReader l : run.counted) {
                    if (l.isOpen() && !l.sequence().hasAll(all)) {
                        complete = false;
                        break;
                    }
                }
                if (!complete) {
                    Thread.sleep(1);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double serverCpu = ProcStat.cpuSeconds(serverPid) - cpu0;
            ProcStat.Cpu used = cpu.end();
            long delivered = sumReceived(run.counted);
            return new Burst(listenerCount, events, seconds, delivered, serverCpu, used, run.check(), complete);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("one sender's burst to " + listenerCount + " listeners failed: " + e, e);
        }
    }

    /**
     * Scenario e: a window with every listener reading, a window that starts as listener 0 stops
     * reading, and a window after it.
     *
     * @param padBytes length of a {@code Pad:} header added to every UserEvent
     */
    StallResult runStall(int listenerCount, int producerCount, int padBytes, Duration warmup, Duration measure,
                         Duration stallWindow) throws InterruptedException {
        try (Run run = new Run(listenerCount, producerCount, true, padBytes)) {
            Listener zero = (Listener) run.listeners.get(0);
            // watched from the first window on, so that every window pays the same for the watching
            StallWatch watch = new StallWatch(zero.channel());
            watch.start();
            run.start();
            Thread.sleep(warmup.toMillis());
            Window before = run.measure(measure);
            zero.channel().eventLoop().submit(() -> zero.channel().config().setAutoRead(false)).sync();
            watch.markStall();
            Window stalled = run.measure(stallWindow);
            boolean cut = watch.closed();
            Window after = run.measure(measure);
            Check check = run.check();
            String zeroText = watch.finish();
            return new StallResult(listenerCount, before, stalled, after, check, zeroText, cut, watch.cutAfterSeconds());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("fan-out with a stalled listener failed: " + e, e);
        }
    }

    /**
     * Scenario i: UserEvents to readers the caller has opened (HTTP sessions collecting through
     * WaitEvent), every one counted; {@code closeReaders} ends them after the check.
     */
    Result run(List<? extends EventReader> readers, Runnable closeReaders, int producerCount, Duration warmup,
            Duration measure) throws InterruptedException {
        try (Run run = new Run(readers, readers, closeReaders, producerCount, 0)) {
            run.start();
            Thread.sleep(warmup.toMillis());
            Window window = run.measure(measure);
            return new Result(readers.size(), window, run.check());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("fan-out to " + readers.size() + " readers failed: " + e, e);
        }
    }

    /** One set of reader and producer sessions, from login to close. */
    private final class Run implements AutoCloseable {
        final List<? extends EventReader> listeners;
        final List<? extends EventReader> counted;
        private final Runnable closeListeners;
        private List<Producer> producers = List.of();

        /**
         * @param skipFirst leave listener 0 out of the figures and of the producers' flow control
         */
        Run(int listenerCount, int producerCount, boolean skipFirst, int padBytes) throws InterruptedException {
            this(openListeners(listenerCount, producerCount, skipFirst), skipFirst, producerCount, padBytes);
        }

        private Run(List<Listener> opened, boolean skipFirst, int producerCount, int padBytes)
                throws InterruptedException {
            this(opened, skipFirst ? opened.subList(1, opened.size()) : opened, () -> NettyClient.closeAll(opened),
                    producerCount, padBytes);
        }

        Run(List<? extends EventReader> listeners, List<? extends EventReader> counted, Runnable closeListeners,
                int producerCount, int padBytes) throws InterruptedException {
            this.listeners = listeners;
            this.counted = counted;
            this.closeListeners = closeListeners;
            try {
                producers = client.open(producerCount, i -> new Producer(i, counted, padBytes), producerCount,
                        Duration.ofSeconds(30));
            } catch (RuntimeException | InterruptedException e) {
                closeListeners.run();
                throw e;
            }
        }

        void start() {
            producers.forEach(Producer::start);
        }

        Window measure(Duration length) throws InterruptedException {
            ProcStat.Window cpu = new ProcStat.Window(serverPid);
            long sum0 = sumReceived(counted);
            long t0 = System.nanoTime();
            Thread.sleep(length.toMillis());
            long sum1 = sumReceived(counted);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Window(sum1 - sum0, seconds, cpu.end());
        }

        /** Stops the producers, lets the listeners catch up, and checks what every counted one received. */
        Check check() throws Exception {
            return FanOutScenario.check(producers, counted);
        }

        @Override
        public void close() {
            NettyClient.closeAll(producers);
            closeListeners.run();
        }
    }

    /**
     * Stops the producers, lets the readers catch up (a bounded time), and checks what every one of
     * them received: per producer, everything it sent, in order.
     */
    static Check check(List<Producer> producers, List<? extends EventReader> counted) throws Exception {
        long[] sent = new long[producers.size()];
        long producerErrors = 0;
        String firstError = null;
        for (Producer p : producers) {
            sent[p.id] = p.stop().get(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            producerErrors += p.errors;
            firstError = firstError == null ? p.firstError : firstError;
        }
        awaitDrain(counted, sent);
        long lost = 0;
        long outOfOrder = 0;
        long malformed = 0;
        int disconnected = 0;
        for (EventReader l : counted) {
            SequenceTally.Tally t = l.sequence().tally();
            lost += t.gaps();
            for (int p = 0; p < sent.length; p++) {
                lost += Math.max(0, sent[p] - t.last()[p]);
            }
            outOfOrder += t.outOfOrder();
            malformed += t.malformed();
            disconnected += l.isOpen() ? 0 : 1;
        }
        long total = 0;
        for (long s : sent) {
            total += s;
        }
        return new Check(total, lost, outOfOrder, malformed, disconnected, producerErrors, firstError);
    }

    private List<Listener> openListeners(int listenerCount, int producerCount, boolean skipFirst)
            throws InterruptedException {
        return client.open(listenerCount, i -> new Listener(producerCount, skipFirst && i == 0),
                OPEN_CONCURRENCY, Duration.ofSeconds(120));
    }

    private static void awaitDrain(List<? extends EventReader> listeners, long[] sent) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        for (EventReader l : listeners) {
            while (l.isOpen() && !l.sequence().hasAll(sent) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
    }

    static long sumReceived(List<? extends EventReader> listeners) {
        long sum = 0;
        for (EventReader l : listeners) {
            sum += l.sequence().received();
        }
        return sum;
    }

    /**
     * Watches, from the kernel's connection table, the server's end of the stalled listener's
     * connection: when it leaves ESTABLISHED the server has closed the session.
     */
    private static final class StallWatch extends Thread {
        /** /proc/net/tcp costs the kernel about a microsecond per socket listed: look only now and then */
        private static final long PERIOD_MILLIS = 100;
        private final int serverPort;
        private final int clientPort;
        private volatile long stalledAt = -1;
        private volatile long closedAt = -1;
        private volatile boolean running = true;
        private volatile long maxSendQueue;
        private volatile String lastState = "ESTABLISHED";

        StallWatch(io.netty.channel.Channel channel) {
            super("bench-stall-watch");
            setDaemon(true);
            this.serverPort = ((java.net.InetSocketAddress) channel.remoteAddress()).getPort();
            this.clientPort = ((java.net.InetSocketAddress) channel.localAddress()).getPort();
        }

        void markStall() {
            stalledAt = System.nanoTime();
        }

        boolean closed() {
            return closedAt >= 0;
        }

        /** @return seconds from the stall to the server's close, or NaN if it had not closed it after the stall */
        double cutAfterSeconds() {
            return closedAt < 0 || stalledAt < 0 || closedAt < stalledAt ? Double.NaN : (closedAt - stalledAt) / 1e9;
        }

        @Override
        public void run() {
            while (running && closedAt < 0) {
                TcpTable.Entry e = TcpTable.serverEnd(serverPort, clientPort);
                if (e == null || !e.established()) {
                    closedAt = System.nanoTime();
                    lastState = e == null ? "gone" : e.stateName();
                    return;
                }
                maxSendQueue = Math.max(maxSendQueue, e.sendQueueBytes());
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }

        String finish() throws InterruptedException {
            running = false;
            join();
            String queue = String.format(java.util.Locale.ROOT, "the server's kernel send queue to it peaked at %,d bytes",
                    maxSendQueue);
            if (closedAt < 0) {
                return "the server had not closed it by the end of the run; " + queue;
            }
            if (stalledAt < 0 || closedAt < stalledAt) {
                return "the server closed it while it was still reading (its end then " + lastState + "); " + queue;
            }
            return String.format(java.util.Locale.ROOT,
                    "the server closed it %.1f s after it stopped reading (its end then %s); %s",
                    (closedAt - stalledAt) / 1e9, lastState, queue);
        }
    }

    /** Receives UserEvents over TCP and checks their order per producer. */
    static final class Listener extends ClientSession implements EventReader {

        private final boolean smallWindow;
        private final SequenceTally sequence;

        Listener(int producers, boolean smallWindow) {
            this.smallWindow = smallWindow;
            this.sequence = new SequenceTally(producers);
        }

        @Override
        protected String loginEvents() {
            return "user";
        }

        /**
         * Listener 0 of scenario e: a fixed receive buffer, so that once it stops reading the
         * server's own buffering is reached within the window instead of after several auto-tuned
         * MiB of client kernel buffer. Not smaller: below loopback's 64 KiB segment size the
         * receiver stops opening its window (silly-window avoidance) and even a reading client
         * would crawl.
         */
        @Override
        int receiveBufferBytes() {
            return smallWindow ? FIXED_RECEIVE_BUFFER : 0;
        }

        @Override
        protected void onMessage(AmiMessage m) {
            sequence.onMessage(m);
        }

        @Override
        public boolean isOpen() {
            return super.isOpen();
        }

        @Override
        public SequenceTally sequence() {
            return sequence;
        }
    }

    /** Pipelines UserEvents within its window and its lag bound. */
    static final class Producer extends ClientSession {

        private static final byte[] HEAD = "Action: UserEvent\r\nUserEvent: Bench\r\nSrc: ".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] SEQ = "\r\nSeq: ".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        final int id;
        private final List<? extends EventReader> listeners;
        private final byte[] src;
        private final byte[] pad;
        private final CompletableFuture<Long> drained = new CompletableFuture<>();
        private long sent;
        private long acked;
        /** UserEvents to send in all (scenario u); set before {@link #start()} */
        long limit = Long.MAX_VALUE;
        private long slowest;
        private final long lag;
        private boolean running;
        private boolean retryScheduled;
        volatile long errors;
        volatile String firstError;

        Producer(int id, List<? extends EventReader> listeners, int padBytes) {
            this.id = id;
            this.listeners = listeners;
            this.src = Integer.toString(id).getBytes(StandardCharsets.US_ASCII);
            this.pad = padBytes == 0 ? new byte[0]
                    : ("\r\nPad: " + "x".repeat(padBytes)).getBytes(StandardCharsets.US_ASCII);
            this.lag = lag(padBytes);
        }

        @Override
        protected String loginEvents() {
            // the sender gets its own events too; it would only take CPU from the measurement
            return "off";
        }

        void start() {
            channel.eventLoop().execute(() -> {
                running = true;
                pump();
            });
        }

        /** Stops sending; the future gives the number sent once every request is answered. */
        CompletableFuture<Long> stop() {
            channel.eventLoop().execute(() -> {
                running = false;
                if (acked == sent) {
                    drained.complete(sent);
                }
            });
            return drained;
        }

        @Override
        protected void onMessage(AmiMessage m) {
            if (m.response == null) {
                return;
            }
            acked++;
            if (!m.isResponse(AmiMessage.SUCCESS)) {
                errors++;
                if (firstError == null) {
                    firstError = m.toString();
                }
            }
            if (!running && acked == sent) {
                drained.complete(sent);
            }
        }

        @Override
        protected void onReadComplete() {
            pump();
        }

        @Override
        protected void onClosed() {
            drained.completeExceptionally(new IllegalStateException("the server closed producer " + id));
        }

        private void pump() {
            if (!running) {
                return;
            }
            long room = WINDOW - (sent - acked);
            if (room <= 0) {
                return;
            }
            long allowed = slowest + lag - sent;
            if (allowed < room) {
                slowest = slowestListener();
                allowed = slowest + lag - sent;
            }
            long n = Math.min(Math.min(room, allowed), limit - sent);
            if (sent == limit) {
                return;
            }
            if (n <= 0) {
                // a listener is behind: look again shortly (it cannot wake us)
                if (!retryScheduled) {
                    retryScheduled = true;
                    channel.eventLoop().schedule(() -> {
                        retryScheduled = false;
                        pump();
                    }, 200, TimeUnit.MICROSECONDS);
                }
                return;
            }
            ByteBuf out = channel.alloc().buffer((int) n * (64 + pad.length));
            for (long i = 0; i < n; i++) {
                out.writeBytes(HEAD).writeBytes(src).writeBytes(SEQ);
                writeDecimal(out, ++sent);
                out.writeBytes(pad).writeBytes(END);
            }
            channel.writeAndFlush(out, channel.voidPromise());
        }

        private long slowestListener() {
            long min = Long.MAX_VALUE;
            for (EventReader l : listeners) {
                if (l.isOpen()) {
                    min = Math.min(min, l.sequence().seen(id));
                }
            }
            return min == Long.MAX_VALUE ? sent : min;
        }

        private static void writeDecimal(ByteBuf out, long value) {
            if (value >= 10) {
                writeDecimal(out, value / 10);
            }
            out.writeByte('0' + (int) (value % 10));
        }
    }
}
