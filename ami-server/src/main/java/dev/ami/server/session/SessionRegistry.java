package dev.ami.server.session;

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

    /** @return true if the session was registered */
    public boolean remove(AmiSession session) {
        return sessions.remove(session);
    }

    /** @return a live view of the sessions */
    public Collection<AmiSession> all() {
        return Collections.unmodifiableSet(sessions);
    }

    /**
     * @param username an account name, matched without regard to case
     * @return true if a session is logged in with that account
     */
    public boolean isLoggedIn(String username) {
        return sessions.stream().anyMatch(s -> s.isAuthenticated() && s.account().username().equalsIgnoreCase(username));
    }

    /** @return how many connections have not logged in yet (authlimit counts them) */
    public long unauthenticatedCount() {
        return sessions.stream().filter(s -> !s.isAuthenticated()).count();
    }

    /** Closes every session, as when the listener stops. */
    public void closeAll() {
        sessions.forEach(AmiSession::close);
    }
}
