package dev.ami.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (d) Idle sessions: the server's live heap (after a full GC), resident size and threads before
 * and after opening N logged-in sessions that then do nothing, and the server's CPU while they sit
 * idle. The sessions log in with {@code Events: user}: subscribed like a typical listener, but
 * without the SuccessfulAuth of every later login, which with read=all would be N²/2 events.
 * They connect from loopback addresses 127.0.0.2 and up ({@link LoopbackSources}), so that 100,000
 * of them fit in the ephemeral port ranges, and the server's and this client's open-files limits
 * are raised first when N sessions need it ({@link FileLimits}).
 */
final class IdleScenario {

    /**
     * @param sources           the source addresses used
     * @param limits            what was done about the open-files limits
     * @param threadsBefore     the server's threads before the sessions were opened
     * @param threadsAfter      and with them open
     */
    record Result(int sessions, double openSeconds, long heapBeforeKib, long heapAfterKib, long rssBeforeKib,
                  long rssAfterKib, long threadsBefore, long threadsAfter, ProcStat.Cpu idleBefore,
                  ProcStat.Cpu idleAfter, double idleSeconds, long unexpectedMessages, int dropped, String sources,
                  String limits) {

        double heapPerSessionBytes() {
            return (heapAfterKib - heapBeforeKib) * 1024.0 / sessions;
        }

        double rssPerSessionBytes() {
            return (rssAfterKib - rssBeforeKib) * 1024.0 / sessions;
        }

        double heapDeltaMib() {
            return (heapAfterKib - heapBeforeKib) / 1024.0;
        }
    }

    private static final int OPEN_CONCURRENCY = 256;

    private final NettyClient client;
    private final WildFlyServer server;
    private final int perAddress;

    IdleScenario(NettyClient client, WildFlyServer server, int perAddress) {
        this.client = client;
        this.server = server;
        this.perAddress = perAddress;
    }

    Result run(int count, Duration idle, Path histogramFile) throws InterruptedException, IOException {
        long pid = server.pid();
        LoopbackSources sources = new LoopbackSources(count, perAddress);
        String limits = FileLimits.ensure(pid, "the server (pid " + pid + ")", ProcStat.descriptors(pid) + count
                + FileLimits.SLACK) + "; " + FileLimits.ensure(ProcStat.self(), "the load client",
                ProcStat.descriptors(ProcStat.self()) + count + FileLimits.SLACK);
        long heapBefore = server.liveHeapKib();
        long rssBefore = ProcStat.rssKib(pid);
        long threadsBefore = ProcStat.threads(pid);
        // the server alone, for comparison: WildFly has timers of its own
        Duration baseline = idle.dividedBy(2);
        ProcStat.Window before = new ProcStat.Window(pid);
        Thread.sleep(baseline.toMillis());
        ProcStat.Cpu coresBefore = before.end();

        AtomicLong unexpected = new AtomicLong();
        long t0 = System.nanoTime();
        List<Idle> sessions = client.open(count, i -> new Idle(unexpected, sources.addressOf(i)), OPEN_CONCURRENCY,
                Duration.ofSeconds(Math.max(300, count / 100)));
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        try {
            // let the logins' garbage and timers settle before measuring
            Thread.sleep(2000);
            long heapAfter = server.liveHeapKib();
            long rssAfter = ProcStat.rssKib(pid);
            long threadsAfter = ProcStat.threads(pid);
            Files.writeString(histogramFile, "Server heap histogram with " + count + " idle sessions (jcmd GC.class_histogram)\n"
                    + String.join("\n", server.jcmd("GC.class_histogram").lines().limit(45).toList()) + "\n");
            Thread.sleep(1000);
            ProcStat.Window after = new ProcStat.Window(pid);
            long t1 = System.nanoTime();
            Thread.sleep(idle.toMillis());
            ProcStat.Cpu coresAfter = after.end();
            double idleSeconds = (System.nanoTime() - t1) / 1e9;
            int dropped = (int) sessions.stream().filter(s -> !s.isOpen()).count();
            return new Result(count, openSeconds, heapBefore, heapAfter, rssBefore, rssAfter, threadsBefore, threadsAfter,
                    coresBefore, coresAfter, idleSeconds, unexpected.get(), dropped,
                    sources.addressCount() + " source address" + (sources.addressCount() == 1 ? "" : "es") + " ("
                            + sources.describe() + ", at most " + perAddress + " sessions each)", limits);
        } finally {
            NettyClient.closeAll(sessions);
        }
    }

    /** A logged-in session that sends nothing more. */
    private static final class Idle extends ClientSession {
        private final AtomicLong unexpected;
        private final InetSocketAddress from;

        Idle(AtomicLong unexpected, String from) {
            this.unexpected = unexpected;
            this.from = new InetSocketAddress(from, 0);
        }

        @Override
        protected String loginEvents() {
            return "user";
        }

        @Override
        InetSocketAddress localAddress() {
            return from;
        }

        @Override
        protected void onMessage(AmiMessage message) {
            // nothing is published meanwhile: anything arriving is worth reporting
            unexpected.incrementAndGet();
        }
    }
}
