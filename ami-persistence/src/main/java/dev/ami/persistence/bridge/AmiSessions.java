package dev.ami.persistence.bridge;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.EventStatistics;
import dev.ami.api.connector.OtherNodes;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditChange;
import dev.ami.persistence.audit.AuditTarget;
import dev.ami.persistence.audit.AuditTrail;
import dev.ami.persistence.cluster.ClusterNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live AMI sessions and their delivery figures (events queued, delivered, dropped, pending,
 * largest lag), the connector's event statistics, and ending sessions, for administration; every
 * session ended is recorded in the audit trail. When the server is a node of a cluster, the other
 * nodes' logged-in sessions are listed too (without figures, which stay on their node) and ending one
 * asks its node ({@link ClusterNode#kickElsewhere}). Every method throws {@link ConnectorNotRunning}
 * while the connector has not started.
 */
@ApplicationScoped
public class AmiSessions {

    /** The audit trail's action for a session ended by the administration. */
    public static final String KICK = "kick";

    /** The audit trail's field naming the node asked to end a session of another node. */
    public static final String ASKED_NODE = "askedNode";

    private static final Logger LOG = Logger.getLogger(AmiSessions.class.getName());

    @Inject
    ConnectorLinks links;

    @Inject
    AuditTrail audit;

    @Inject
    ClusterNode cluster;

    /** @return this server's name in its cluster; empty when it runs alone (no connector needed) */
    public Optional<String> node() {
        return cluster.localNode();
    }

    /** @return one entry per live session of this server: TCP, TLS and HTTP */
    public List<SessionStatistics> list() {
        return link().sessions();
    }

    /**
     * @return this server's live sessions, in the connector's order, then those logged in on the other
     *         nodes of its cluster (none when alone), each with its node
     */
    public List<LiveSession> all() {
        List<SessionStatistics> here = link().sessions();
        String node = cluster.localNode().orElse(null);
        List<LiveSession> all = new ArrayList<>();
        here.forEach(s -> all.add(new LiveSession.Here(node, s)));
        cluster.otherSessions().forEach(s -> all.add(new LiveSession.Elsewhere(s)));
        return all;
    }

    /**
     * @param id a session id
     * @return the live session with that id, this server's first, else one of another node
     */
    public Optional<LiveSession> find(String id) {
        Optional<SessionStatistics> here = link().session(id);
        if (here.isPresent()) {
            return here.map(s -> new LiveSession.Here(cluster.localNode().orElse(null), s));
        }
        return elsewhere(id).map(LiveSession.Elsewhere::new);
    }

    /**
     * Ends one live session (see {@link ConnectorLink#kick}) and records it. A session of another
     * node is ended by that node, which is asked without waiting for it (a {@link LiveSession.Elsewhere}
     * comes back: the end is requested, not yet done); the entry names the node asked.
     *
     * @param id    a session id
     * @param actor who ends it
     * @return the session as it was, if there was one
     */
    public Optional<LiveSession> kick(String id, Actor actor) {
        ConnectorLink link = link();
        Optional<SessionStatistics> kicked = link.kick(id);
        if (kicked.isPresent()) {
            LiveSession here = new LiveSession.Here(cluster.localNode().orElse(null), kicked.get());
            record(here, actor);
            return Optional.of(here);
        }
        return elsewhere(id).map(s -> askToEnd(s, actor));
    }

    /**
     * Ends every live session logged in with an account (see {@link ConnectorLink#kickAccount}) and
     * records each; the other nodes' sessions of that account are ended by their nodes, as
     * {@link #kick} asks.
     *
     * @param username the account, matched without regard to case
     * @param actor    who ends them
     * @return the sessions ended here, as they were, then those whose nodes were asked
     */
    public List<LiveSession> kickAccount(String username, Actor actor) {
        List<SessionStatistics> here = link().kickAccount(username);
        String node = cluster.localNode().orElse(null);
        List<LiveSession> kicked = new ArrayList<>();
        for (SessionStatistics s : here) {
            LiveSession session = new LiveSession.Here(node, s);
            record(session, actor);
            kicked.add(session);
        }
        cluster.otherSessions().stream().filter(s -> s.username().equalsIgnoreCase(username))
                .forEach(s -> kicked.add(askToEnd(s, actor)));
        return kicked;
    }

    /** @return what the router has done per event name since the connector started */
    public EventStatistics events() {
        return link().eventStatistics();
    }

    private Optional<OtherNodes.RemoteSession> elsewhere(String id) {
        return cluster.otherSessions().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private LiveSession askToEnd(OtherNodes.RemoteSession session, Actor actor) {
        cluster.kickElsewhere(session);
        LiveSession asked = new LiveSession.Elsewhere(session);
        record(asked, actor);
        return asked;
    }

    /**
     * One entry per session, in a transaction of its own (the trail's), after the kick: a kick needs
     * no database and is not undone when the record fails; the log then keeps what the entry held.
     */
    private void record(LiveSession kicked, Actor actor) {
        String username = kicked.username().isEmpty() ? null : kicked.username();
        List<AuditChange> changes = new ArrayList<>(List.of(new AuditChange("username", username, null),
                new AuditChange("address", kicked.remoteAddress(), null),
                new AuditChange("transport", kicked.transport(), null)));
        boolean asked = kicked instanceof LiveSession.Elsewhere;
        if (asked) {
            changes.add(new AuditChange(ASKED_NODE, null, kicked.node()));
        }
        try {
            audit.record(actor, new AuditTarget(AuditTarget.SESSION, kicked.id()), KICK, changes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "AMI session " + kicked.id() + " (" + username + "@" + kicked.remoteAddress() + ", "
                    + kicked.transport() + ") was " + (asked ? "to be ended by node " + kicked.node() + ", as asked" : "ended")
                    + " by " + actor.name() + " via " + actor.via() + " from " + actor.address()
                    + ", but the audit trail could not record it", e);
        }
    }

    private ConnectorLink link() {
        return links.ifConnected().orElseThrow(ConnectorNotRunning::new);
    }
}
