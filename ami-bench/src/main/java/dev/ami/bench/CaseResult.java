package dev.ami.bench;

import java.util.List;

/**
 * What one reliability case saw: what the attack did, how the legitimate client and the old
 * sessions were served during and after it, the server's footprint before and after, and every
 * reason it failed (none: it passed).
 *
 * @param during          the probes while the attack ran
 * @param after           the probes once it had stopped
 * @param before          the server's footprint with the old sessions logged in, before the attack
 * @param settled         its footprint after the attack, once its descriptors were back (or the settle time was over)
 * @param settleSeconds   how long after the attack {@code settled} was read
 * @param httpReconnects  how often the old HTTP session's keep-alive connection had to be opened again
 * @param cpu             the cores the server, the harness and everything else used while the attack ran
 * @param failures        why the case failed; empty if it passed
 */
record CaseResult(ReliabilityCase reliabilityCase, String attackSummary, Probes during, Probes after,
                  ServerFootprint before, ServerFootprint settled, double settleSeconds, int httpReconnects,
                  ProcStat.Cpu cpu, List<String> failures) {

    /**
     * The four probes of one phase.
     *
     * @param ami    the legitimate client's AMI visits (connect, Login, Ping)
     * @param http   its HTTP manager visits (connect, login, ping)
     * @param oldAmi pings on the AMI session logged in before the attack
     * @param oldHttp pings on the HTTP session logged in before the attack
     */
    record Probes(ProbeLog.Summary ami, ProbeLog.Summary http, ProbeLog.Summary oldAmi, ProbeLog.Summary oldHttp) {

        static final Probes NONE = new Probes(empty(), empty(), empty(), empty());

        private static ProbeLog.Summary empty() {
            return new ProbeLog().summary();
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }
}
