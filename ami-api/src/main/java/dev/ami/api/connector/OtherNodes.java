package dev.ami.api.connector;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the connector knows of the other nodes when several servers run ami as one cluster: the
 * sessions logged in there (for {@code allowmultiplelogin = no} across nodes and for listing the
 * whole cluster's sessions), and whom to tell when the sessions here change. The application side
 * hands it over with {@link ConnectorLink#otherNodes}; a server alone uses {@link #NONE}.
 * Every method is called on connector threads (a session's event loop among them) and must not block.
 */
public interface OtherNodes {

    /** A server alone: no other node, nobody to tell. */
    OtherNodes NONE = new OtherNodes() {
        @Override
        public String localNode() {
            return "";
        }

        @Override
        public Optional<String> nodeWithLogin(String username) {
            return Optional.empty();
        }

        @Override
        public List<RemoteSession> sessions() {
            return List.of();
        }

        @Override
        public void localSessionsChanged() {
            // alone: nobody to tell
        }
    };

    /** @return this node's name in the cluster; empty when alone */
    String localNode();

    /**
     * @param username an account name, compared without regard to case as a login compares it
     * @return the node where a session is logged in with that account, if another node has one
     */
    Optional<String> nodeWithLogin(String username);

    /** @return the sessions logged in on the other nodes, as they last told */
    List<RemoteSession> sessions();

    /** A session here logged in or ended: the other nodes are told soon after, without waiting. */
    void localSessionsChanged();

    /**
     * A session logged in on another node.
     *
     * @param node          the node
     * @param id            the session id there
     * @param username      the account, as typed at login
     * @param remoteAddress the client's address and port
     * @param transport     {@code TCP}, {@code TLS} or {@code HTTP}
     * @param loggedInAt    when it logged in
     */
    record RemoteSession(String node, String id, String username, String remoteAddress, String transport,
            Instant loggedInAt) {
    }
}
