package dev.ami.bench;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * (b) Login+Logoff on fresh connections: connect, wait for the greeting, Login (no Events header,
 * as most clients send it), wait for its response, Logoff, wait for Goodbye and the server's close.
 * A fixed number of such cycles run at once; each one that ends starts the next.
 */
final class LoginScenario {

    record Result(long cycles, double seconds, double perSecond, long failures, String firstFailure,
                  double p50Millis, double p99Millis, ProcStat.Cpu cpu) {
    }

    private static final byte[] LOGOFF = "Action: Logoff\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** a refusing server must end the run, not spin it */
    private static final long FAILURES_TO_GIVE_UP = 1000;

    private final NettyClient client;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long[] latencies = new long[1 << 21];
    private final AtomicInteger recorded = new AtomicInteger();
    private volatile boolean running = true;
    private volatile boolean measuring;

    LoginScenario(NettyClient client) {
        this.client = client;
    }

    Result run(long serverPid, int concurrency, Duration warmup, Duration measure) throws InterruptedException {
        for (int i = 0; i < concurrency; i++) {
            startCycle();
        }
        Thread.sleep(warmup.toMillis());
        long c0 = completed.get();
        long f0 = failures.get();
        ProcStat.Window cpu = new ProcStat.Window(serverPid);
        long t0 = System.nanoTime();
        measuring = true;
        Thread.sleep(measure.toMillis());
        measuring = false;
        long c1 = completed.get();
        long f1 = failures.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        ProcStat.Cpu used = cpu.end();
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int n = Math.min(recorded.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(c1 - c0, seconds, (c1 - c0) / seconds, f1 - f0, firstFailure.get(),
                n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(0.50 * n) - 1)] / 1e6,
                n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)] / 1e6,
                used);
    }

    private void startCycle() {
        if (!running || failures.get() >= FAILURES_TO_GIVE_UP) {
            return;
        }
        inFlight.incrementAndGet();
        Cycle cycle = new Cycle(System.nanoTime());
        client.connect(cycle);
        cycle.closed.whenComplete((v, e) -> {
            if (cycle.goodbye) {
                completed.incrementAndGet();
                if (measuring) {
                    int i = recorded.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = System.nanoTime() - cycle.started;
                    }
                }
            } else {
                failures.incrementAndGet();
                Throwable cause = cycle.loggedIn.isCompletedExceptionally()
                        ? cycle.loggedIn.handle((x, t) -> t).join() : null;
                firstFailure.compareAndSet(null, cycle.goodbye ? null
                        : "no Goodbye before the close" + (cause == null ? "" : ": " + cause));
            }
            inFlight.decrementAndGet();
            startCycle();
        });
    }

    private static final class Cycle extends ClientSession {
        final long started;
        volatile boolean goodbye;

        Cycle(long started) {
            this.started = started;
        }

        @Override
        protected String loginEvents() {
            return null;
        }

        @Override
        protected void onLoggedIn() {
            channel.writeAndFlush(Unpooled.wrappedBuffer(LOGOFF));
        }

        @Override
        protected void onMessage(AmiMessage message) {
            // FullyBooted and SuccessfulAuth follow the login response; only Goodbye matters
            if (message.isResponse(AmiMessage.GOODBYE)) {
                goodbye = true;
            }
        }
    }
}
