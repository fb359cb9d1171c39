package dev.ami.bench;

import java.io.IOException;
import java.time.Duration;

/**
 * (l) Login+Logoff on a new connection, one cycle at a time, as Asterisk's figure was taken:
 * connect, read the greeting, {@code Login} with {@code Events: off}, its answer, {@code Logoff},
 * its Goodbye, the server's close, then the client's. A blocking socket on the calling thread.
 * Besides the rate it reports the server's CPU per cycle, which the shared cores move less.
 */
final class SequentialLoginScenario {

    /**
     * @param cpuMillisPerCycle the server's CPU time (user + system, /proc) over the run, per cycle
     */
    record Result(int cycles, double seconds, double perSecond, Latencies.Quantiles latency, double cpuMillisPerCycle,
                  ProcStat.Cpu cpu) {
    }

    private static final int TIMEOUT_MILLIS = 10_000;

    private final int port;

    SequentialLoginScenario(int port) {
        this.port = port;
    }

    /**
     * @param warmup how long to run cycles before the measured ones (zero: the first {@code cycles}
     *               logins after start, the cold figure)
     */
    Result run(long serverPid, Duration warmup, int cycles) throws IOException {
        long end = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < end) {
            cycle();
        }
        Latencies latencies = new Latencies();
        double cpu0 = ProcStat.cpuSeconds(serverPid);
        ProcStat.Window window = new ProcStat.Window(serverPid);
        long start = System.nanoTime();
        long now = start;
        for (int i = 0; i < cycles; i++) {
            long began = now;
            cycle();
            now = System.nanoTime();
            latencies.add(now - began);
        }
        double seconds = (now - start) / 1e9;
        double cpu = ProcStat.cpuSeconds(serverPid) - cpu0;
        return new Result(cycles, seconds, cycles / seconds, latencies.quantiles(), cpu * 1000 / cycles, window.end());
    }

    private void cycle() throws IOException {
        try (BlockingAmi ami = new BlockingAmi(null, port, TIMEOUT_MILLIS)) {
            ami.login(BenchOptions.USER, BenchOptions.SECRET);
            ami.send("Action: Logoff\r\n\r\n");
            AmiMessage goodbye = ami.next();
            if (!goodbye.isResponse(AmiMessage.GOODBYE)) {
                throw new IOException("Logoff answered " + goodbye);
            }
            ami.awaitClose();
        }
    }
}
