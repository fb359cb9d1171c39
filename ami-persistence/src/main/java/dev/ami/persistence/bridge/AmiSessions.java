package dev.ami.persistence.bridge;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.EventStatistics;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditChange;
import dev.ami.persistence.audit.AuditTarget;
import dev.ami.persistence.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live AMI sessions and their delivery figures (events queued, delivered, dropped, pending,
 * largest lag), the connector's event statistics, and ending sessions, for administration; every
 * session ended is recorded in the audit trail. Every method throws {@link ConnectorNotRunning}
 * while the connector has not started.
 */
@ApplicationScoped
public class AmiSessions {

    /** The audit trail's action for a session ended by the administration. */
    public static final String KICK = "kick";

    private static final Logger LOG = Logger.getLogger(AmiSessions.class.getName());

    @Inject
    ConnectorLinks links;

    @Inject
    AuditTrail audit;

    /** @return one entry per live session: TCP, TLS and HTTP */
    public List<SessionStatistics> list() {
        return link().sessions();
    }

    /**
     * @param id a session id
     * @return that live session, if any
     */
    public Optional<SessionStatistics> find(String id) {
        return link().session(id);
    }

    /**
     * Ends one live session (see {@link ConnectorLink#kick}) and records it.
     *
     * @param id    a session id
     * @param actor who ends it
     * @return the session as it was, if there was one
     */
    public Optional<SessionStatistics> kick(String id, Actor actor) {
        Optional<SessionStatistics> kicked = link().kick(id);
        kicked.ifPresent(session -> record(session, actor));
        return kicked;
    }

    /**
     * Ends every live session logged in with an account (see {@link ConnectorLink#kickAccount}) and
     * records each.
     *
     * @param username the account, matched without regard to case
     * @param actor    who ends them
     * @return the sessions ended, as they were
     */
    public List<SessionStatistics> kickAccount(String username, Actor actor) {
        List<SessionStatistics> kicked = link().kickAccount(username);
        kicked.forEach(session -> record(session, actor));
        return kicked;
    }

    /** @return what the router has done per event name since the connector started */
    public EventStatistics events() {
        return link().eventStatistics();
    }

    /**
     * One entry per session, in a transaction of its own (the trail's), after the kick: a kick needs
     * no database and is not undone when the record fails; the log then keeps what the entry held.
     */
    private void record(SessionStatistics kicked, Actor actor) {
        String username = kicked.username().isEmpty() ? null : kicked.username();
        List<AuditChange> changes = List.of(new AuditChange("username", username, null),
                new AuditChange("address", kicked.remoteAddress(), null), new AuditChange("transport", kicked.transport(), null));
        try {
            audit.record(actor, new AuditTarget(AuditTarget.SESSION, kicked.id()), KICK, changes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "AMI session " + kicked.id() + " (" + username + "@" + kicked.remoteAddress() + ", "
                    + kicked.transport() + ") was ended by " + actor.name() + " via " + actor.via() + " from "
                    + actor.address() + ", but the audit trail could not record it", e);
        }
    }

    private ConnectorLink link() {
        return links.ifConnected().orElseThrow(ConnectorNotRunning::new);
    }
}
