package dev.ami.persistence.cluster;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.OtherNodes;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.event.ManagerEvent;
import dev.ami.persistence.cluster.ClusterMessage.Events;
import dev.ami.persistence.cluster.ClusterMessage.Kick;
import dev.ami.persistence.cluster.ClusterMessage.NodeSession;
import dev.ami.persistence.cluster.ClusterMessage.Sessions;
import dev.ami.persistence.cluster.ClusterMessage.StoreChanged;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's part in the cluster: the events routed here go to the other nodes (through
 * {@link ClusterOutbox}, never holding up the producer or the local sessions), the events routed on
 * the other nodes are routed here, a committed change of the store makes every other node re-read
 * it, and the sessions logged in anywhere are known everywhere ({@link OtherNodes} for the
 * connector). Events that say something about this server alone (Shutdown, Reload) stay here, and
 * so do an upstream's events: every node keeps its own session with each upstream and receives them
 * itself.
 */
final class ClusterRelay implements ClusterTransport.Listener, OtherNodes, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClusterRelay.class.getName());

    /** Events about this server itself, which the other nodes' clients must not take for theirs. */
    static final Set<String> LOCAL_EVENTS = Set.of("Shutdown", "Reload");

    /** Set while this thread routes an event that came from another node, so it is not sent back. */
    private static final ThreadLocal<Boolean> FROM_CLUSTER = new ThreadLocal<>();

    private final ClusterTransport transport;
    private final ClusterOutbox outbox;
    private final Runnable storeChanged;
    private final SessionDirectory directory = new SessionDirectory();
    /** Per sending node, the number of the next event expected from it. */
    private final Map<String, Long> expected = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final Set<String> members = ConcurrentHashMap.newKeySet();
    private volatile boolean others;
    private volatile ConnectorLink link;
    private AutoCloseable subscription;

    /**
     * @param transport    the link to the other nodes
     * @param threads      makes the sender thread
     * @param capacity     events waiting for the link at most
     * @param storeChanged re-reads the store here (another node committed a change)
     */
    ClusterRelay(ClusterTransport transport, ThreadFactory threads, int capacity, Runnable storeChanged) {
        this.transport = transport;
        this.storeChanged = storeChanged;
        this.outbox = new ClusterOutbox(transport, this::localSessions, threads, capacity);
        transport.start(this);
    }

    /**
     * Joins a connector (each time it starts): its events go out, the other nodes' come in.
     *
     * @param connector the connector's link
     */
    synchronized void attach(ConnectorLink connector) {
        detach();
        this.link = connector;
        connector.otherNodes(this);
        subscription = connector.subscribe("the other nodes of the cluster", this::routedHere);
        outbox.sessionsChanged();
    }

    private synchronized void detach() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "subscription already closed", e);
            }
            subscription = null;
        }
        ConnectorLink old = link;
        link = null;
        if (old != null) {
            old.otherNodes(OtherNodes.NONE);
        }
    }

    /**
     * Asks the node holding a session to end it.
     *
     * @param session a session of another node, as {@link #sessions()} lists it
     */
    void kickElsewhere(RemoteSession session) {
        outbox.notice(new Kick(session.node(), session.id()));
    }

    /** A commit here changed the store: the other nodes re-read it. */
    void storeChangedHere() {
        outbox.storeChanged();
    }

    private void routedHere(ManagerEvent event) {
        if (others && FROM_CLUSTER.get() == null && event.upstream() == null && !LOCAL_EVENTS.contains(event.name())) {
            outbox.offer(event);
        }
    }

    @Override
    public void received(String node, byte[] bytes) {
        ClusterMessage message;
        try {
            message = ClusterCodec.decode(bytes);
        } catch (MalformedClusterMessage e) {
            malformed.incrementAndGet();
            LOG.warning(() -> "Ignored a message of " + bytes.length + " bytes from cluster node " + node + ": "
                    + e.getMessage());
            return;
        }
        if (message instanceof Events events) {
            route(node, events);
        } else if (message instanceof Sessions sessions) {
            directory.replace(node, sessions.sessions());
        } else if (message instanceof Kick kick) {
            ConnectorLink connector = link;
            if (kick.node().equals(transport.localNode()) && connector != null) {
                connector.kick(kick.id()).ifPresent(s -> LOG.info(() -> "AMI session " + s.id() + " (" + s.username()
                        + "@" + s.remoteAddress() + ") ended at the request of node " + node));
            }
        } else if (message instanceof StoreChanged) {
            LOG.fine(() -> "Node " + node + " changed the stored configuration; re-reading it");
            storeChanged.run();
        }
    }

    private void route(String node, Events events) {
        Long next = expected.put(node, events.sequence() + events.events().size());
        if (next != null && events.sequence() > next) {
            long gap = events.sequence() - next;
            missed.addAndGet(gap);
            LOG.warning(() -> gap + " AMI events routed on node " + node + " did not reach this node (its cluster link"
                    + " was behind)");
        }
        received.addAndGet(events.events().size());
        ConnectorLink connector = link;
        if (connector == null) {
            return; // no connector here now: nobody to route to
        }
        FROM_CLUSTER.set(Boolean.TRUE);
        try {
            for (ManagerEvent event : events.events()) {
                connector.publish(event);
            }
        } finally {
            FROM_CLUSTER.remove();
        }
    }

    @Override
    public synchronized void membersChanged(List<String> now) {
        if (members.equals(Set.copyOf(now))) {
            return; // the view the transport reports as it starts, again
        }
        Set<String> joined = new HashSet<>(now);
        joined.removeAll(members);
        joined.remove(transport.localNode());
        Set<String> left = new HashSet<>(members);
        left.removeAll(now);
        members.clear();
        members.addAll(now);
        others = now.size() > 1;
        directory.retain(now);
        expected.keySet().retainAll(now);
        LOG.info(() -> "AMI cluster members: " + now + (joined.isEmpty() ? "" : ", joined " + joined)
                + (left.isEmpty() ? "" : ", left " + left));
        if (!joined.isEmpty()) {
            // A node that joins (or a side of the cluster that comes back) learns the sessions here,
            // and this node re-reads the store, in case it changed while they were apart.
            outbox.sessionsChanged();
            storeChanged.run();
        }
    }

    @Override
    public String localNode() {
        return transport.localNode();
    }

    @Override
    public Optional<String> nodeWithLogin(String username) {
        return directory.nodeWith(username);
    }

    @Override
    public List<RemoteSession> sessions() {
        return directory.all().stream().map(r -> new RemoteSession(r.node(), r.session().id(), r.session().username(),
                r.session().remoteAddress(), r.session().transport(), r.session().loggedInAt())).toList();
    }

    @Override
    public void localSessionsChanged() {
        if (others) {
            outbox.sessionsChanged();
        }
    }

    private List<NodeSession> localSessions() {
        ConnectorLink connector = link;
        if (connector == null) {
            return List.of();
        }
        return connector.sessions().stream().filter(s -> s.loggedInAt() != null).map(ClusterRelay::nodeSession).toList();
    }

    private static NodeSession nodeSession(SessionStatistics s) {
        return new NodeSession(s.id(), s.username(), s.remoteAddress(), s.transport(), s.loggedInAt());
    }

    /** @return this node's figures */
    ClusterStatistics statistics() {
        return new ClusterStatistics(transport.localNode(), List.copyOf(members), outbox.relayed(), outbox.lost(),
                received.get(), missed.get(), malformed.get());
    }

    @Override
    public void close() {
        detach();
        outbox.close();
        transport.close();
    }
}
