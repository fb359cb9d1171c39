package dev.ami.persistence.bridge;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.EventStatistics;
import dev.ami.api.connector.SessionStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The live AMI sessions and their delivery figures (events queued, delivered, dropped, pending,
 * largest lag), the connector's event statistics, and ending sessions, for administration. Every
 * method throws {@link ConnectorNotRunning} while the connector has not started.
 */
@ApplicationScoped
public class AmiSessions {

    @Inject
    ConnectorLinks links;

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
     * Ends one live session (see {@link ConnectorLink#kick}).
     *
     * @param id a session id
     * @return the session as it was, if there was one
     */
    public Optional<SessionStatistics> kick(String id) {
        return link().kick(id);
    }

    /**
     * Ends every live session logged in with an account (see {@link ConnectorLink#kickAccount}).
     *
     * @param username the account, matched without regard to case
     * @return the sessions ended, as they were
     */
    public List<SessionStatistics> kickAccount(String username) {
        return link().kickAccount(username);
    }

    /** @return what the router has done per event name since the connector started */
    public EventStatistics events() {
        return link().eventStatistics();
    }

    private ConnectorLink link() {
        return links.ifConnected().orElseThrow(ConnectorNotRunning::new);
    }
}
