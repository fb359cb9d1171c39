package dev.ami.server.session;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerMessage;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The live sessions of one connector, and the delivery of events to them. */
public final class SessionRegistry {

    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();

    public void add(AmiSession session) {
        sessions.add(session);
    }

    public void remove(AmiSession session) {
        sessions.remove(session);
    }

    /** @return a live view of the sessions */
    public Collection<AmiSession> all() {
        return Collections.unmodifiableSet(sessions);
    }

    /** Closes every session, as when the listener stops. */
    public void closeAll() {
        sessions.forEach(AmiSession::close);
    }

    /**
     * Offers an event to every session; each takes it if its rights, mask and filters allow.
     *
     * @param event      the event
     * @param eventClass its classes
     */
    void deliver(ManagerMessage event, Authority eventClass) {
        for (AmiSession session : sessions) {
            session.deliver(event, eventClass);
        }
    }
}
