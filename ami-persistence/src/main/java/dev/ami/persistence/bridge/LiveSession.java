package dev.ami.persistence.bridge;

import dev.ami.api.connector.OtherNodes;
import dev.ami.api.connector.SessionStatistics;
import java.time.Instant;

/**
 * A live AMI session of the cluster: one of this server's, with its delivery figures, or, when the
 * server is a node of a cluster, one logged in on another node, as that node last told (its figures
 * live on its node, and are never copied across).
 */
public sealed interface LiveSession {

    /** @return the node holding the session; null when the server runs alone */
    String node();

    /**
     * @return the session id; each node draws its ids at random from 2^47 values, so two nodes giving
     *         one id to live sessions at once is unlikely but possible, and a lookup tries this node first
     */
    String id();

    /** @return the account as typed at login; empty before login */
    String username();

    /** @return the client's address and port */
    String remoteAddress();

    /** @return {@code TCP}, {@code TLS} or {@code HTTP} */
    String transport();

    /** @return when it logged in; null before login */
    Instant loggedInAt();

    /**
     * A session of this server.
     *
     * @param node       this node's name; null when the server runs alone
     * @param statistics the session and its figures, as the connector gives them
     */
    record Here(String node, SessionStatistics statistics) implements LiveSession {

        @Override
        public String id() {
            return statistics.id();
        }

        @Override
        public String username() {
            return statistics.username();
        }

        @Override
        public String remoteAddress() {
            return statistics.remoteAddress();
        }

        @Override
        public String transport() {
            return statistics.transport();
        }

        @Override
        public Instant loggedInAt() {
            return statistics.loggedInAt();
        }
    }

    /**
     * A session logged in on another node of the cluster.
     *
     * @param session the session, as its node last told
     */
    record Elsewhere(OtherNodes.RemoteSession session) implements LiveSession {

        @Override
        public String node() {
            return session.node();
        }

        @Override
        public String id() {
            return session.id();
        }

        @Override
        public String username() {
            return session.username();
        }

        @Override
        public String remoteAddress() {
            return session.remoteAddress();
        }

        @Override
        public String transport() {
            return session.transport();
        }

        @Override
        public Instant loggedInAt() {
            return session.loggedInAt();
        }
    }
}
