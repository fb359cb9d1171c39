package dev.ami.persistence.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.persistence.cluster.ClusterNode;
import dev.ami.persistence.cluster.ClusterStatistics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cluster's meters read the node's statistics when read, and 0 while the server runs alone. */
class ClusterMetersTest {

    /** A node whose statistics are set by the test. */
    private static final class SettableCluster extends ClusterNode {
        Optional<ClusterStatistics> statistics = Optional.empty();

        @Override
        public Optional<ClusterStatistics> statistics() {
            return statistics;
        }
    }

    private final SettableCluster cluster = new SettableCluster();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double counter(String name) {
        return registry.get(name).functionCounter().count();
    }

    @Test
    void aloneEveryMeterReadsZero() {
        AmiMetrics.cluster(registry, cluster);
        assertEquals(0, gauge("ami_cluster_members"));
        for (String name : List.of("ami_cluster_events_relayed", "ami_cluster_events_lost", "ami_cluster_events_received",
                "ami_cluster_events_missed", "ami_cluster_messages_malformed")) {
            assertEquals(0, counter(name), name);
        }
    }

    @Test
    void joinedTheMetersFollowTheNodesFigures() {
        AmiMetrics.cluster(registry, cluster);
        cluster.statistics = Optional.of(new ClusterStatistics("node-a", List.of("node-a", "node-b"), 120, 3, 80, 2, 1));
        assertEquals(2, gauge("ami_cluster_members"));
        assertEquals(120, counter("ami_cluster_events_relayed"));
        assertEquals(3, counter("ami_cluster_events_lost"));
        assertEquals(80, counter("ami_cluster_events_received"));
        assertEquals(2, counter("ami_cluster_events_missed"));
        assertEquals(1, counter("ami_cluster_messages_malformed"));
    }
}
