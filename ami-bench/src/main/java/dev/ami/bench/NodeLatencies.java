package dev.ami.bench;

/**
 * Scenario n's latency probes: for each UserEvent sent on node A, when a listener on A (local) and
 * one on B (cross-node) read it, all on the bench's clock, from the send. The cross-node delivery's
 * cost over a local one is taken per probe (B's arrival minus A's), not as the difference of two
 * quantiles, which need not belong to the same probes.
 */
final class NodeLatencies {

    /** an arrival that did not happen within the probe's wait */
    static final long MISSING = -1;

    private final Latencies local = new Latencies();
    private final Latencies cross = new Latencies();
    private final Latencies added = new Latencies();
    private long missingLocal;
    private long missingCross;

    /**
     * @param sentAt the clock just before the UserEvent was written
     * @param atA    when A's listener read it, or {@link #MISSING}
     * @param atB    when B's listener read it, or {@link #MISSING}
     */
    void add(long sentAt, long atA, long atB) {
        if (atA == MISSING) {
            missingLocal++;
        } else {
            local.add(atA - sentAt);
        }
        if (atB == MISSING) {
            missingCross++;
        } else {
            cross.add(atB - sentAt);
        }
        if (atA != MISSING && atB != MISSING) {
            added.add(atB - atA);
        }
    }

    /** What the probes measured; quantiles in microseconds. */
    record Summary(int probes, Latencies.Quantiles local, Latencies.Quantiles cross, Latencies.Quantiles added,
                   long missingLocal, long missingCross) {
    }

    Summary summary() {
        return new Summary(Math.max(local.count() + (int) missingLocal, cross.count() + (int) missingCross),
                local.quantiles(), cross.quantiles(), added.quantiles(), missingLocal, missingCross);
    }
}
