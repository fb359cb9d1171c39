package dev.ami.bench;

import java.io.IOException;
import java.time.Duration;

/**
 * (a) Sequential Ping round trips on one logged-in connection, as Asterisk's figure was taken: a
 * fixed number of Pings with an ActionID each, one in flight (send, wait for the whole response,
 * send the next). A plain blocking socket on the calling thread ({@link BlockingAmi}), so that the client adds no
 * hand-off between threads to the round trip it measures.
 */
final class PingScenario {

    record Result(long pings, double seconds, double perSecond, double p50Micros, double p99Micros,
                  double p999Micros, double maxMicros, ProcStat.Cpu cpu) {
    }

    private final int port;

    PingScenario(int port) {
        this.port = port;
    }

    /**
     * @param warmup how long to ping before the measured ones (zero: the first {@code count} Pings of
     *               the connection are measured, the cold figure on a just-started server)
     * @param count  Pings measured
     */
    Result run(long serverPid, Duration warmup, int count) throws IOException {
        try (BlockingAmi ami = new BlockingAmi(null, port, 10_000)) {
            // Events: off, so that no event can come between a Ping and its response
            ami.login(BenchOptions.USER, BenchOptions.SECRET);
            long seq = 0;
            long end = System.nanoTime() + warmup.toNanos();
            while (System.nanoTime() < end) {
                ami.ping(Long.toString(++seq));
            }
            Latencies latencies = new Latencies();
            ProcStat.Window cpu = new ProcStat.Window(serverPid);
            long start = System.nanoTime();
            long now = start;
            for (int i = 0; i < count; i++) {
                long sent = now;
                ami.ping(Long.toString(++seq));
                now = System.nanoTime();
                latencies.add(now - sent);
            }
            double seconds = (now - start) / 1e9;
            ProcStat.Cpu used = cpu.end();
            Latencies.Quantiles q = latencies.quantiles();
            return new Result(count, seconds, count / seconds, q.p50Micros(), q.p99Micros(), q.p999Micros(), q.maxMicros(),
                    used);
        }
    }
}
