package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.persistence.cluster.ClusterNode;
import dev.ami.persistence.cluster.ClusterStatistics;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /v1/cluster} of a server alone and of a node with two others. */
class ClusterResourceTest {

    /** A node whose view of the cluster is given. */
    private static final class FixedCluster extends ClusterNode {
        final Optional<ClusterStatistics> statistics;

        FixedCluster(Optional<ClusterStatistics> statistics) {
            this.statistics = statistics;
        }

        @Override
        public Optional<ClusterStatistics> statistics() {
            return statistics;
        }
    }

    private static ClusterResource resource(Optional<ClusterStatistics> statistics) {
        ClusterResource r = new ClusterResource();
        r.cluster = new FixedCluster(statistics);
        return r;
    }

    @Test
    void aloneNoNodeNoMembersNoCounters() {
        assertEquals("{\"node\":null,\"members\":[]}", resource(Optional.empty()).view().toString());
    }

    @Test
    void joinedTheNodeItsMembersAndTheLinksCounters() {
        ClusterStatistics s = new ClusterStatistics("node-a", List.of("node-a", "node-b", "node-c"), 120, 3, 80, 2, 1);
        assertEquals("{\"node\":\"node-a\",\"members\":[\"node-a\",\"node-b\",\"node-c\"],\"relayed\":120,\"lost\":3,"
                + "\"received\":80,\"missed\":2,\"malformed\":1}", resource(Optional.of(s)).view().toString());
    }
}
