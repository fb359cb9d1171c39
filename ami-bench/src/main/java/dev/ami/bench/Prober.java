package dev.ami.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reliability harness's probes: while an attack runs, each probe on a thread of its own,
 * again and again with a pause between (so that one stuck probe delays no other); afterwards, a
 * few times in turn. Every try goes into the probe's {@link ProbeLog}, served or not.
 */
final class Prober {

    /** One probe: a visit or a ping that returns its own time, or throws if it was not served. */
    interface Probe {
        long run() throws IOException;
    }

    private final Duration pause;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Prober(Duration pause) {
        this.pause = pause;
    }

    /** Starts {@code probe} on a thread of its own until {@link #stop()}. */
    void repeat(String name, Probe probe, ProbeLog log) {
        Thread t = new Thread(() -> {
            while (running) {
                once(probe, log);
                sleep(pause);
            }
        }, "reliability-probe-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Stops the probes; a probe in progress finishes (bounded by its own timeout). */
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(2));
        }
    }

    /** Runs {@code probe} {@code times} times in turn, with the pause between. */
    void times(Probe probe, ProbeLog log, int times) {
        for (int i = 0; i < times; i++) {
            once(probe, log);
            sleep(pause);
        }
    }

    static void once(Probe probe, ProbeLog log) {
        long t0 = System.nanoTime();
        try {
            log.served(probe.run());
        } catch (IOException | RuntimeException e) {
            log.failed(e.toString(), System.nanoTime() - t0);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
