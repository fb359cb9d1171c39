package dev.ami.bench;

import java.util.List;
import java.util.Locale;

/**
 * Scenario n (issue 16): the bench's server (node A) and a second WildFly beside it (node B) form a
 * cluster over ami-cluster.cli's TCP stack. Read from {@code bench.nodes.*} system properties like
 * {@link BenchOptions}; node A's ports are BenchOptions'.
 *
 * @param portOffsetB WildFly's port offset of node B (A has the bench's): its jgroups-tcp is 7600
 *                    plus it, its HTTP and management ports move with it
 * @param amiOffsetB  node B's {@code -Dami.port.offset}: its AMI port is A's plus this (its HTTP
 *                    manager is off: the scenario does not use it)
 * @param listeners   listeners of the throughput run, split between the nodes (A gets the odd one)
 * @param events      UserEvents the one sender on A pipelines per throughput run
 * @param probes      sequential UserEvents of the latency run (after as many unmeasured ones)
 */
record TwoNodeOptions(int portOffsetB, int amiOffsetB, int listeners, int events, int probes) {

    /** ami-cluster.cli: jgroups-tcp is this plus the port offset */
    static final int JGROUPS_TCP = 7600;
    /** ami-cluster.cli: jgroups-tcp-fd (FD_SOCK2) is this plus the port offset, the highest port a node takes */
    static final int JGROUPS_TCP_FD = 57600;
    /** the cluster's name, so that the bench's nodes never merge with another cluster of this machine */
    static final String CLUSTER_NAME = "ami-bench";
    static final String NODE_A = "bench-a";
    static final String NODE_B = "bench-b";

    TwoNodeOptions {
        if (amiOffsetB <= 0) {
            throw new IllegalArgumentException("bench.nodes.ami.offset must be above 0 (node B's AMI port must differ"
                    + " from node A's), not " + amiOffsetB);
        }
        if (portOffsetB < 0 || JGROUPS_TCP_FD + portOffsetB > 65_535) {
            throw new IllegalArgumentException("bench.nodes.port.offset " + portOffsetB + " puts jgroups-tcp-fd beyond"
                    + " port 65535");
        }
        if (listeners < 2 || events < 1 || probes < 1) {
            throw new IllegalArgumentException("scenario n needs at least 2 listeners (one per node), 1 event and"
                    + " 1 probe");
        }
    }

    static TwoNodeOptions fromSystemProperties() {
        return new TwoNodeOptions(
                Integer.parseInt(property("bench.nodes.port.offset", "900")),
                Integer.parseInt(property("bench.nodes.ami.offset", "100")),
                Integer.parseInt(property("bench.nodes.listeners", "100")),
                Integer.parseInt(property("bench.nodes.events", "20000")),
                Integer.parseInt(property("bench.nodes.probes", "2000")));
    }

    /** @throws IllegalArgumentException if node B would take node A's WildFly ports */
    void checkAgainst(BenchOptions a) {
        if (a.portOffset() == portOffsetB) {
            throw new IllegalArgumentException("bench.nodes.port.offset must differ from bench.port.offset ("
                    + portOffsetB + ")");
        }
    }

    /** @return TCPPING's initial_hosts naming both nodes' jgroups-tcp ports ({@code 127.0.0.1[8100],127.0.0.1[8400]}) */
    String members(int portOffsetA) {
        return String.format(Locale.ROOT, "%s[%d],%s[%d]", BenchOptions.HOST, JGROUPS_TCP + portOffsetA,
                BenchOptions.HOST, JGROUPS_TCP + portOffsetB);
    }

    /** @return the system properties that make a node of the bench's cluster named {@code name} */
    List<String> nodeProperties(String name, int portOffsetA) {
        return List.of("-Djboss.node.name=" + name, "-Dami.cluster.members=" + members(portOffsetA),
                "-Dami.cluster.name=" + CLUSTER_NAME);
    }

    /** @return node B: its own folders, WildFly offset and AMI port (A's plus the AMI offset); no HTTP manager */
    WildFlyServer.Node nodeB(BenchOptions a) {
        return new WildFlyServer.Node("-b", portOffsetB, a.amiPort() + amiOffsetB, 0,
                nodeProperties(NODE_B, a.portOffset())).withProperties(List.of("-Dami.port.offset=" + amiOffsetB));
    }

    /** @return node A: the bench's own server, made a member of the bench's cluster */
    WildFlyServer.Node nodeA(BenchOptions a) {
        return WildFlyServer.Node.of(a).withProperties(nodeProperties(NODE_A, a.portOffset()));
    }

    int listenersOnA() {
        return listeners - listenersOnB();
    }

    int listenersOnB() {
        return listeners / 2;
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
