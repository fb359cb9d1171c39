package dev.ami.persistence.cluster;

import dev.ami.api.connector.OtherNodes;
import dev.ami.persistence.bridge.ConnectorConnected;
import dev.ami.persistence.bridge.ReloadOnChange;
import dev.ami.persistence.store.ConfigurationChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.JChannel;

/**
 * Makes this server a node of an ami cluster on the server's JGroups channel (the {@code jgroups}
 * subsystem, which the build's server has; ARCHITECTURE.md "Several nodes"): the relay starts with
 * the module, joins each connector as it starts, and announces each committed change of the store.
 * The channel is injected, not looked up: WildFly connects it only for a deployment that depends on
 * it. A node whose channel has no other member works as a server alone, and relays nothing.
 */
@ApplicationScoped
public class ClusterNode {

    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

    /** The server's default channel ({@code ee}), which Infinispan shares. */
    @Resource(lookup = "java:jboss/jgroups/channel/default")
    JChannel channel;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ReloadOnChange reload;

    private ClusterRelay relay;

    /** Joins when the module starts, so that the node's view and counters are there before the connector. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object module) {
        relay();
    }

    synchronized void connected(@Observes ConnectorConnected connected) {
        relay().ifPresent(r -> r.attach(connected.link()));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfigurationChanged change) {
        relayIfJoined().ifPresent(ClusterRelay::storeChangedHere);
    }

    /** @return this node's view of the cluster and its counters; empty until it has joined */
    public synchronized Optional<ClusterStatistics> statistics() {
        return Optional.ofNullable(relay).map(ClusterRelay::statistics);
    }

    /** @return this node's name in the cluster; empty until it has joined */
    public synchronized Optional<String> localNode() {
        return relayIfJoined().map(ClusterRelay::localNode);
    }

    /** @return the sessions logged in on the other nodes, as they last told; empty alone */
    public List<OtherNodes.RemoteSession> otherSessions() {
        return relayIfJoined().map(ClusterRelay::sessions).orElse(List.of());
    }

    /**
     * Asks the node holding a session to end it (it does, without waiting for this node).
     *
     * @param session a session of another node, as {@link #otherSessions()} lists it
     */
    public void kickElsewhere(OtherNodes.RemoteSession session) {
        relayIfJoined().ifPresent(r -> r.kickElsewhere(session));
    }

    private synchronized Optional<ClusterRelay> relayIfJoined() {
        return Optional.ofNullable(relay);
    }

    private synchronized Optional<ClusterRelay> relay() {
        if (relay == null && channel != null) {
            try {
                relay = new ClusterRelay(new JGroupsTransport(channel), threads, ClusterOutbox.CAPACITY,
                        reload::storeChanged);
                String node = relay.localNode();
                LOG.info(() -> "AMI joined cluster " + channel.getClusterName() + " as " + node);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "AMI could not join cluster " + channel.getClusterName()
                        + "; it runs on this node alone", e);
                channel = null;
            }
        }
        return Optional.ofNullable(relay);
    }

    @PreDestroy
    synchronized void leave() {
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }
}
