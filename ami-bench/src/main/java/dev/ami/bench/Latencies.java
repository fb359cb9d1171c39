package dev.ami.bench;

import java.util.Arrays;

/** Round-trip times of one sequential run, in nanoseconds, and their quantiles. */
final class Latencies {

    private long[] samples = new long[1 << 18];
    private int n;

    void add(long nanos) {
        if (n == samples.length) {
            samples = Arrays.copyOf(samples, n * 2);
        }
        samples[n++] = nanos;
    }

    int count() {
        return n;
    }

    /** @return quantiles in microseconds (0.5, 0.99, 0.999, 1.0), sorting the samples once */
    Quantiles quantiles() {
        Arrays.sort(samples, 0, n);
        return new Quantiles(micros(0.50), micros(0.99), micros(0.999), n == 0 ? 0 : samples[n - 1] / 1e3);
    }

    private double micros(double quantile) {
        return n == 0 ? 0 : samples[Math.max(0, Math.min(n - 1, (int) Math.ceil(quantile * n) - 1))] / 1e3;
    }

    record Quantiles(double p50Micros, double p99Micros, double p999Micros, double maxMicros) {
    }
}
