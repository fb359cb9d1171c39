package dev.ami.persistence.cluster;

import java.util.List;

/**
 * One node's view of the cluster and what crossed its link.
 *
 * @param node     this node's name
 * @param members  every node in the cluster now, this one among them
 * @param relayed  events routed here and handed to the link
 * @param lost     events routed here that the other nodes never got (the link was behind or refused them)
 * @param received events routed on other nodes and received here
 * @param missed   events routed on other nodes that never arrived here (gaps in their numbering)
 * @param malformed messages from other nodes that could not be read
 */
public record ClusterStatistics(String node, List<String> members, long relayed, long lost, long received,
        long missed, long malformed) {
}
