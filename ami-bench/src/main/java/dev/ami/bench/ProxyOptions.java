package dev.ami.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Scenario x's knobs (issue 17): the upstream server's WildFly port offset and AMI offset (its AMI
 * port is the bench server's plus this), the listener counts of its bursts and its action probes.
 *
 * @param portOffset  the upstream's WildFly port offset
 * @param amiOffset   added to the bench server's AMI port for the upstream's
 * @param listeners   the listener counts, one pair of bursts (through ami, direct) per count
 * @param probes      sequential CoreSettings measured through ami, and as many directly
 */
record ProxyOptions(int portOffset, int amiOffset, int[] listeners, int probes) {

    static ProxyOptions fromSystemProperties() {
        return new ProxyOptions(
                Integer.parseInt(System.getProperty("bench.proxy.port.offset", "800")),
                Integer.parseInt(System.getProperty("bench.proxy.ami.offset", "200")),
                Arrays.stream(System.getProperty("bench.proxy.listeners", "100,1000").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray(),
                Integer.parseInt(System.getProperty("bench.proxy.probes", "2000")));
    }

    /** @throws IllegalArgumentException if the upstream would take the bench server's WildFly ports */
    void checkAgainst(BenchOptions a) {
        if (a.portOffset() == portOffset) {
            throw new IllegalArgumentException("bench.proxy.port.offset must differ from bench.port.offset ("
                    + portOffset + ")");
        }
    }

    /** @return the upstream: its own folders, WildFly offset, AMI port; no HTTP manager; a cluster of its own */
    WildFlyServer.Node upstream(BenchOptions a) {
        return new WildFlyServer.Node("-up", portOffset, a.amiPort() + amiOffset, 0, List.of(
                "-Djboss.node.name=bench-up", "-Dami.cluster.name=ami-bench-up", "-Dami.port.offset=" + amiOffset));
    }
}
