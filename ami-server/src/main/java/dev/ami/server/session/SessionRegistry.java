package dev.ami.server.session;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The live sessions of one connector, and the delivery of events to them. */
public final class SessionRegistry {

    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    /** Kept, not counted, because authlimit is checked on every connect. */
    private final AtomicInteger unauthenticated = new AtomicInteger();

    /** Registers a new connection, not yet logged in. */
    public void add(AmiSession session) {
        if (sessions.add(session) && countsForAuthLimit(session)) {
            unauthenticated.incrementAndGet();
        }
    }

    /**
     * authlimit counts TCP and TLS connections that have not logged in; Asterisk counts them in the
     * thread of a TCP session only (main/manager.c, session_do), never HTTP sessions.
     */
    private static boolean countsForAuthLimit(AmiSession session) {
        return !session.isAuthenticated() && !SessionTransport.HTTP.equals(session.transportName());
    }

    /**
     * Marks a registered session logged in (it no longer counts towards authlimit). Called on the
     * session's event loop, as {@link #remove} is.
     */
    public void loggedIn(AmiSession session) {
        if (sessions.contains(session) && !SessionTransport.HTTP.equals(session.transportName())) {
            unauthenticated.decrementAndGet();
        }
    }

    /** @return true if the session was registered */
    public boolean remove(AmiSession session) {
        boolean removed = sessions.remove(session);
        if (removed && countsForAuthLimit(session)) {
            unauthenticated.decrementAndGet();
        }
        return removed;
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
        return unauthenticated.get();
    }

    /** Closes every session, as when the listener stops. */
    public void closeAll() {
        sessions.forEach(AmiSession::close);
    }
}
