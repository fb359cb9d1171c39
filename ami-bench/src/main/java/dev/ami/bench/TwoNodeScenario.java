package dev.ami.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * (n) Two nodes of one cluster (issue 16): the bench's server (node A) and a second WildFly (node
 * B). UserEvents are sent on A only; A routes each to its own sessions and relays it to B, which
 * routes it to its sessions. Throughput as scenario u (one sender pipelining, every listener
 * checking count and order), with the listeners split between the nodes; latency as sequential
 * probes read by one listener on each node, timed on the bench's clock from the send.
 */
final class TwoNodeScenario {

    private static final int OPEN_CONCURRENCY = 256;
    private static final Duration BURST_TIMEOUT = Duration.ofSeconds(120);
    /** how long a latency probe waits for its two arrivals before it counts them missing */
    private static final long PROBE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** how long the cluster check waits for each UserEvent to show on B before it sends the next */
    private static final Duration JOIN_ATTEMPT = Duration.ofSeconds(1);

    /** Cores used during a window by each node, by this client and by everything else. */
    record Cores(double a, double b, double client, double other) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "node A %.2f cores, node B %.2f, client %.2f, other processes %.2f",
                    a, b, client, other);
        }
    }

    /**
     * One node's listeners in a burst.
     *
     * @param seconds    from the first UserEvent sent until this node's last listener had read the last one
     * @param cpuSeconds the node's CPU time (user + system) over the whole burst
     */
    record NodeShare(int listeners, long delivered, double seconds, double cpuSeconds) {
        double perSecond() {
            return delivered / seconds;
        }

        /** @return the node's CPU per delivery to its own listeners, NaN without any */
        double cpuMicrosPerDelivery() {
            return delivered == 0 ? Double.NaN : cpuSeconds * 1e6 / delivered;
        }
    }

    /**
     * One sender's burst on A to listeners on both nodes.
     *
     * @param seconds  from the first UserEvent sent to the last read by the last listener of either node
     * @param complete every listener read every event before the bench stopped waiting
     */
    record Burst(int events, double seconds, NodeShare a, NodeShare b, Cores cores, FanOutScenario.Check check,
                 boolean complete) {
        long delivered() {
            return a.delivered() + b.delivered();
        }

        double perSecond() {
            return delivered() / seconds;
        }

        /** @return node B's CPU per UserEvent it received from A (its routing to its own listeners included) */
        double bCpuMicrosPerEvent() {
            return b.cpuSeconds() * 1e6 / events;
        }
    }

    /** The latency run: sequential probes, and the CPU each node used meanwhile. */
    record Latency(NodeLatencies.Summary summary, int warmup, double seconds, Cores cores) {
    }

    /** How long the nodes took to see each other, from the check's start. */
    record Join(double seconds, int attempts) {
    }

    private final NettyClient client;
    private final int portA;
    private final int portB;
    private final long pidA;
    private final long pidB;

    TwoNodeScenario(NettyClient client, int portA, int portB, long pidA, long pidB) {
        this.client = client;
        this.portA = portA;
        this.portB = portB;
        this.pidA = pidA;
        this.pidB = pidB;
    }

    /**
     * Sends UserEvents on A until one reaches a listener on B: B's server is up before it has joined
     * A's view, and A relays nothing while it is alone.
     */
    Join awaitCluster(Duration timeout) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        try (BlockingAmi sender = new BlockingAmi(null, portA, 10_000);
             BlockingAmi onB = new BlockingAmi(null, portB, 100)) {
            sender.login(BenchOptions.USER, BenchOptions.SECRET);
            onB.greeting();
            onB.login(BenchOptions.USER, BenchOptions.SECRET, "user");
            int attempt = 0;
            while (System.nanoTime() < deadline) {
                attempt++;
                sender.send("Action: UserEvent\r\nUserEvent: BenchJoin\r\nSrc: 0\r\nSeq: " + attempt + "\r\n\r\n");
                AmiMessage answer = sender.next();
                if (!answer.isResponse(AmiMessage.SUCCESS)) {
                    throw new IllegalStateException("node A answered a UserEvent with " + answer);
                }
                long until = System.nanoTime() + JOIN_ATTEMPT.toNanos();
                while (System.nanoTime() < until) {
                    try {
                        if (onB.next().isUserEvent()) {
                            return new Join((System.nanoTime() - t0) / 1e9, attempt);
                        }
                    } catch (SocketTimeoutException e) {
                        // nothing yet: read again until this attempt's second is over
                    }
                }
            }
            throw new IllegalStateException("no UserEvent sent on node A reached node B within " + timeout.toSeconds()
                    + " s (" + attempt + " sent): the nodes did not form a cluster");
        }
    }

    /**
     * One sender on A pipelines {@code events} UserEvents (window and lag bound as scenario u) to
     * {@code onA} listeners on A and {@code onB} on B; timed from the first sent until the last
     * listener of each node has read the last one.
     */
    Burst burst(int onA, int onB, int events) throws Exception {
        List<FanOutScenario.Listener> listenersA = List.of();
        List<FanOutScenario.Listener> listenersB = List.of();
        List<FanOutScenario.Producer> producers = List.of();
        try {
            listenersA = client.open(onA, i -> new FanOutScenario.Listener(1, false), OPEN_CONCURRENCY,
                    Duration.ofSeconds(120), portA);
            listenersB = client.open(onB, i -> new FanOutScenario.Listener(1, false), OPEN_CONCURRENCY,
                    Duration.ofSeconds(120), portB);
            List<FanOutScenario.Listener> all = new ArrayList<>(listenersA);
            all.addAll(listenersB);
            producers = client.open(1, i -> new FanOutScenario.Producer(i, all, 0), 1, Duration.ofSeconds(30), portA);
            FanOutScenario.Producer sender = producers.get(0);
            sender.limit = events;
            long[] target = {events};
            GroupCompletion done = new GroupCompletion(List.of(listenersA, listenersB));
            Meter meter = new Meter();
            long t0 = System.nanoTime();
            sender.start();
            long deadline = t0 + BURST_TIMEOUT.toNanos();
            long now = t0;
            boolean complete = false;
            while (!complete && now < deadline) {
                Thread.sleep(1);
                now = System.nanoTime();
                complete = done.poll(target, now);
            }
            double[] cpu = meter.cpuSeconds();
            Cores cores = meter.cores();
            NodeShare a = new NodeShare(onA, FanOutScenario.sumReceived(listenersA),
                    (done.doneAt(0, now) - t0) / 1e9, cpu[0]);
            NodeShare b = new NodeShare(onB, FanOutScenario.sumReceived(listenersB),
                    (done.doneAt(1, now) - t0) / 1e9, cpu[1]);
            FanOutScenario.Check check = FanOutScenario.check(producers, all);
            return new Burst(events, (now - t0) / 1e9, a, b, cores, check, complete);
        } finally {
            NettyClient.closeAll(producers);
            NettyClient.closeAll(listenersA);
            NettyClient.closeAll(listenersB);
        }
    }

    /**
     * {@code warmup} unmeasured probes, then {@code probes} measured: one UserEvent at a time sent on
     * A, its answer read, then waited for until a listener on A and one on B have both read it.
     * Each listener reads on a thread of its own and stamps the arrival as it parses it.
     */
    Latency latency(int warmup, int probes) throws IOException, InterruptedException {
        int total = warmup + probes;
        NodeLatencies latencies = new NodeLatencies();
        try (BlockingAmi sender = new BlockingAmi(null, portA, 10_000);
             ProbeReader onA = new ProbeReader(portA, total, "a");
             ProbeReader onB = new ProbeReader(portB, total, "b")) {
            sender.login(BenchOptions.USER, BenchOptions.SECRET);
            onA.start();
            onB.start();
            Meter meter = null;
            long t0 = 0;
            for (int seq = 1; seq <= total; seq++) {
                if (seq == warmup + 1) {
                    meter = new Meter();
                    t0 = System.nanoTime();
                }
                String request = "Action: UserEvent\r\nUserEvent: BenchProbe\r\nSrc: 0\r\nSeq: " + seq + "\r\n\r\n";
                long sentAt = System.nanoTime();
                sender.send(request);
                AmiMessage answer = sender.next();
                if (!answer.isResponse(AmiMessage.SUCCESS)) {
                    throw new IllegalStateException("node A answered a UserEvent with " + answer);
                }
                long until = sentAt + PROBE_WAIT_NANOS;
                long atA = onA.await(seq, until);
                long atB = onB.await(seq, until);
                if (seq > warmup) {
                    latencies.add(sentAt, atA, atB);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Latency(latencies.summary(), warmup, seconds, meter.cores());
        }
    }

    /** A listener on a blocking socket and a thread of its own, stamping when each probe arrives. */
    private static final class ProbeReader extends Thread implements AutoCloseable {
        private final BlockingAmi ami;
        private final AtomicLongArray arrivals;
        private volatile Thread waiter;
        private volatile IOException failure;

        ProbeReader(int port, int probes, String node) throws IOException {
            super("bench-probe-reader-" + node);
            setDaemon(true);
            ami = new BlockingAmi(null, port, (int) TimeUnit.MINUTES.toMillis(10));
            ami.login(BenchOptions.USER, BenchOptions.SECRET, "user");
            arrivals = new AtomicLongArray(probes + 1);
            for (int i = 0; i <= probes; i++) {
                arrivals.set(i, NodeLatencies.MISSING);
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    AmiMessage m = ami.next();
                    long at = System.nanoTime();
                    if (m.isUserEvent() && m.src == 0 && m.seq > 0 && m.seq < arrivals.length()) {
                        arrivals.set((int) m.seq, at);
                        Thread w = waiter;
                        if (w != null) {
                            LockSupport.unpark(w);
                        }
                    }
                }
            } catch (IOException e) {
                failure = e; // closed at the end of the run, or by the server
            }
        }

        /** @return when probe {@code seq} arrived, or MISSING if not by {@code until} */
        long await(int seq, long until) {
            waiter = Thread.currentThread();
            long at;
            while ((at = arrivals.get(seq)) == NodeLatencies.MISSING && System.nanoTime() < until && isAlive()) {
                // the reader unparks this thread: no spinning, which would take a core from the servers
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
            }
            return at;
        }

        @Override
        public void close() throws IOException {
            ami.close();
        }
    }

    /** CPU seconds of both nodes, this client and the machine since it was made. */
    private final class Meter {
        private final double a0 = ProcStat.cpuSeconds(pidA);
        private final double b0 = ProcStat.cpuSeconds(pidB);
        private final double self0 = ProcStat.cpuSeconds(ProcStat.self());
        private final double machine0 = ProcStat.machineCpuSeconds();
        private final long t0 = System.nanoTime();

        /** @return node A's and node B's CPU seconds so far */
        double[] cpuSeconds() {
            return new double[] {ProcStat.cpuSeconds(pidA) - a0, ProcStat.cpuSeconds(pidB) - b0};
        }

        Cores cores() {
            double wall = (System.nanoTime() - t0) / 1e9;
            double a = (ProcStat.cpuSeconds(pidA) - a0) / wall;
            double b = (ProcStat.cpuSeconds(pidB) - b0) / wall;
            double self = (ProcStat.cpuSeconds(ProcStat.self()) - self0) / wall;
            double machine = (ProcStat.machineCpuSeconds() - machine0) / wall;
            return new Cores(a, b, self, Math.max(0, machine - a - b - self));
        }
    }
}
