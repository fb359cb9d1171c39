package dev.ami.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * What one kind of probe saw in one phase of a reliability case: how often it tried, how often it
 * was served, the slowest and the median time, and why the first refusal happened. Written from
 * the probe's thread, read once the phase is over.
 */
final class ProbeLog {

    /**
     * @param tries        probes made
     * @param failures     probes not served (refused, closed, timed out, wrong answer)
     * @param p50Millis    median time of the served ones
     * @param worstMillis  the slowest probe, served or not
     * @param firstFailure why the first one failed, or null
     */
    record Summary(int tries, int failures, double p50Millis, double worstMillis, String firstFailure) {

        /** @return true if it tried, every try was served, and the slowest within the aim */
        boolean passes(Duration aim) {
            return tries > 0 && failures == 0 && worstMillis <= aim.toMillis();
        }

        /** @return why it does not pass, or null */
        String shortfall(String what, Duration aim) {
            if (tries == 0) {
                return what + ": no probe ran";
            }
            if (failures > 0) {
                return String.format(Locale.ROOT, "%s: %d of %d not served (first: %s)", what, failures, tries, firstFailure);
            }
            if (worstMillis > aim.toMillis()) {
                return String.format(Locale.ROOT, "%s: slowest %.0f ms, over the %d ms aim", what, worstMillis, aim.toMillis());
            }
            return null;
        }

        /** "60/60 ≤ 12 ms": served of tried, and the slowest */
        String cell() {
            if (tries == 0) {
                return "not run";
            }
            return String.format(Locale.ROOT, "%d/%d ≤ %s ms", tries - failures, tries, millis(worstMillis));
        }

        /** "60/60 served, p50 3.1 ms, slowest 12 ms" (and the first failure) */
        String detail() {
            if (tries == 0) {
                return "not run";
            }
            return String.format(Locale.ROOT, "%d/%d served, p50 %s ms, slowest %s ms%s", tries - failures, tries,
                    millis(p50Millis), millis(worstMillis), firstFailure == null ? "" : " (first failure: " + firstFailure + ")");
        }

        private static String millis(double ms) {
            return ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
        }
    }

    private static final int MAX_REASON = 240;

    private final Latencies served = new Latencies();
    private int tries;
    private int failures;
    private long worstNanos;
    private String firstFailure;

    synchronized void served(long nanos) {
        tries++;
        served.add(nanos);
        worstNanos = Math.max(worstNanos, nanos);
    }

    synchronized void failed(String why, long nanos) {
        tries++;
        failures++;
        worstNanos = Math.max(worstNanos, nanos);
        if (firstFailure == null) {
            // one line, so that it fits a Markdown list item (an HTTP answer's body has line breaks)
            String line = why.replaceAll("\\s+", " ").trim();
            firstFailure = line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "…" : line;
        }
    }

    synchronized Summary summary() {
        double p50 = served.count() == 0 ? 0 : served.quantiles().p50Micros() / 1000;
        return new Summary(tries, failures, p50, worstNanos / 1e6, firstFailure);
    }
}
