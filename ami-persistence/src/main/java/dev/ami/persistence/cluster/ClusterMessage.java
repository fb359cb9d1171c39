package dev.ami.persistence.cluster;

import dev.ami.api.event.ManagerEvent;
import java.time.Instant;
import java.util.List;

/** What one node tells the others over the cluster channel ({@link ClusterCodec} writes it). */
public sealed interface ClusterMessage {

    /**
     * Manager events routed on the sending node, in its routing order.
     *
     * @param sequence number of the first event among all the sender ever relayed (its own count), so that
     *                 a receiver can tell a gap
     * @param events   the events
     */
    record Events(long sequence, List<ManagerEvent> events) implements ClusterMessage {

        public Events {
            events = List.copyOf(events);
        }
    }

    /** The stored configuration changed (a commit on the sending node): re-read it. */
    record StoreChanged() implements ClusterMessage {
    }

    /**
     * The administration ends a session of another node: the node holding it ends it.
     *
     * @param node the node that holds the session
     * @param id   the session id there
     */
    record Kick(String node, String id) implements ClusterMessage {
    }

    /**
     * Every session logged in on the sending node now (all of them, so that a lost or late message
     * is corrected by the next).
     *
     * @param sessions the sessions
     */
    record Sessions(List<NodeSession> sessions) implements ClusterMessage {

        public Sessions {
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * One session logged in on a node.
     *
     * @param id            the session id there
     * @param username      the account, as typed at login
     * @param remoteAddress the client's address and port
     * @param transport     TCP, TLS or HTTP
     * @param loggedInAt    when it logged in
     */
    record NodeSession(String id, String username, String remoteAddress, String transport, Instant loggedInAt) {
    }
}
