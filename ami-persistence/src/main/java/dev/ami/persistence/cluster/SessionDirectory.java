package dev.ami.persistence.cluster;

import dev.ami.persistence.cluster.ClusterMessage.NodeSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions logged in on the other nodes, as each node last told: every node sends all of its
 * sessions whenever they change and whenever the members change, and a node that leaves takes its
 * sessions with it.
 */
final class SessionDirectory {

    private final Map<String, List<NodeSession>> byNode = new ConcurrentHashMap<>();

    /**
     * @param node     a node
     * @param sessions all of its sessions now
     */
    void replace(String node, List<NodeSession> sessions) {
        byNode.put(node, List.copyOf(sessions));
    }

    /** @param members the nodes in the cluster now: every other node is forgotten */
    void retain(Collection<String> members) {
        byNode.keySet().retainAll(members);
    }

    /**
     * @param username an account name, compared without regard to case as a login compares it
     * @return the node holding a session logged in with it, if another node does
     */
    java.util.Optional<String> nodeWith(String username) {
        String wanted = username.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<NodeSession>> node : byNode.entrySet()) {
            for (NodeSession s : node.getValue()) {
                if (s.username().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return java.util.Optional.of(node.getKey());
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** @return every session of the other nodes, with its node */
    List<RemoteSession> all() {
        List<RemoteSession> all = new ArrayList<>();
        byNode.forEach((node, sessions) -> sessions.forEach(s -> all.add(new RemoteSession(node, s))));
        return all;
    }

    /**
     * A session of another node.
     *
     * @param node    the node
     * @param session the session there
     */
    record RemoteSession(String node, NodeSession session) {
    }
}
