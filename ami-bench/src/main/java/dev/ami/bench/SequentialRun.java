package dev.ami.bench;

import java.io.IOException;
import java.time.Duration;

/**
 * One step at a time: a warm-up, then a measured window that times each step and reads the
 * server's CPU, for the sequential HTTP scenarios (f, g, h).
 */
final class SequentialRun {

    /** One request or cycle, done and checked by the scenario. */
    interface Step {
        void run() throws IOException;
    }

    /**
     * @param count     steps in the measured window
     * @param seconds   its length
     * @param perSecond steps per second
     * @param latency   each step's time
     * @param cpu       the server's CPU meanwhile
     */
    record Measured(long count, double seconds, double perSecond, Latencies.Quantiles latency, ProcStat.Cpu cpu) {
    }

    private SequentialRun() {
    }

    static Measured run(long serverPid, Duration warmup, Duration measure, Step step) throws IOException {
        long end = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < end) {
            step.run();
        }
        Latencies latencies = new Latencies();
        ProcStat.Window cpu = new ProcStat.Window(serverPid);
        long start = System.nanoTime();
        end = start + measure.toNanos();
        long now = start;
        while (now < end) {
            long began = now;
            step.run();
            now = System.nanoTime();
            latencies.add(now - began);
        }
        double seconds = (now - start) / 1e9;
        ProcStat.Cpu used = cpu.end();
        return new Measured(latencies.count(), seconds, latencies.count() / seconds, latencies.quantiles(), used);
    }
}
