package dev.ami.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (d) Idle sessions: the server's live heap (after a full GC) and resident size before and after
 * opening N logged-in sessions that then do nothing, and the server's CPU while they sit idle.
 * The sessions log in with {@code Events: user}: subscribed like a typical listener, but without
 * the SuccessfulAuth of every later login, which with read=all would be N²/2 events.
 */
final class IdleScenario {

    record Result(int sessions, double openSeconds, long heapBeforeKib, long heapAfterKib, long rssBeforeKib,
                  long rssAfterKib, ProcStat.Cpu idleBefore, ProcStat.Cpu idleAfter, double idleSeconds,
                  long unexpectedMessages, int dropped) {

        double heapPerSessionBytes() {
            return (heapAfterKib - heapBeforeKib) * 1024.0 / sessions;
        }

        double heapDeltaMib() {
            return (heapAfterKib - heapBeforeKib) / 1024.0;
        }
    }

    private static final int OPEN_CONCURRENCY = 256;

    private final NettyClient client;
    private final WildFlyServer server;

    IdleScenario(NettyClient client, WildFlyServer server) {
        this.client = client;
        this.server = server;
    }

    Result run(int count, Duration idle, Path histogramFile) throws InterruptedException, IOException {
        long pid = server.pid();
        long heapBefore = server.liveHeapKib();
        long rssBefore = ProcStat.rssKib(pid);
        // the server alone, for comparison: WildFly has timers of its own
        Duration baseline = idle.dividedBy(2);
        ProcStat.Window before = new ProcStat.Window(pid);
        Thread.sleep(baseline.toMillis());
        ProcStat.Cpu coresBefore = before.end();

        AtomicLong unexpected = new AtomicLong();
        long t0 = System.nanoTime();
        List<Idle> sessions = client.open(count, i -> new Idle(unexpected), OPEN_CONCURRENCY, Duration.ofSeconds(300));
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        try {
            // let the logins' garbage and timers settle before measuring
            Thread.sleep(2000);
            long heapAfter = server.liveHeapKib();
            long rssAfter = ProcStat.rssKib(pid);
            Files.writeString(histogramFile, "Server heap histogram with " + count + " idle sessions (jcmd GC.class_histogram)\n"
                    + String.join("\n", server.jcmd("GC.class_histogram").lines().limit(45).toList()) + "\n");
            Thread.sleep(1000);
            ProcStat.Window after = new ProcStat.Window(pid);
            long t1 = System.nanoTime();
            Thread.sleep(idle.toMillis());
            ProcStat.Cpu coresAfter = after.end();
            double idleSeconds = (System.nanoTime() - t1) / 1e9;
            int dropped = (int) sessions.stream().filter(s -> !s.isOpen()).count();
            return new Result(count, openSeconds, heapBefore, heapAfter, rssBefore, rssAfter, coresBefore, coresAfter,
                    idleSeconds, unexpected.get(), dropped);
        } finally {
            NettyClient.closeAll(sessions);
        }
    }

    /** A logged-in session that sends nothing more. */
    private static final class Idle extends ClientSession {
        private final AtomicLong unexpected;

        Idle(AtomicLong unexpected) {
            this.unexpected = unexpected;
        }

        @Override
        protected String loginEvents() {
            return "user";
        }

        @Override
        protected void onMessage(AmiMessage message) {
            // nothing is published meanwhile: anything arriving is worth reporting
            unexpected.incrementAndGet();
        }
    }
}
