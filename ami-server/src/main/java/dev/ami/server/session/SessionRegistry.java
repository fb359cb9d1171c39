package dev.ami.server.session;

import dev.ami.api.metrics.ServerCounters;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The live sessions of one connector, and the delivery of events to them. */
public final class SessionRegistry {

    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    private final ServerCounters counters;
    /** Kept, not counted, because authlimit is checked on every connect. */
    private final AtomicInteger unauthenticated = new AtomicInteger();
    /** The same, per client address and per network (ami's admission limits); entries at zero are removed. */
    private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();
    private final Map<Network, Integer> byNetwork = new ConcurrentHashMap<>();
    /** Counts only rise under it (ends and logins lower them freely, which only makes a check stricter). */
    private final Object admissionLock = new Object();
    /** Told when the last session has gone (a stop waits for it). */
    private final Queue<CompletableFuture<Void>> emptyWatchers = new ConcurrentLinkedQueue<>();

    /** Told when a session logs in or a logged-in one ends (the other nodes of a cluster hear of it). */
    private final Runnable loginsChanged;

    /** @param counters the totals that ended sessions add to */
    public SessionRegistry(ServerCounters counters) {
        this(counters, () -> { });
    }

    /**
     * @param counters      the totals that ended sessions add to
     * @param loginsChanged told on the session's thread when a session logs in or a logged-in one
     *                      ends; must not block
     */
    public SessionRegistry(ServerCounters counters, Runnable loginsChanged) {
        this.counters = counters;
        this.loginsChanged = loginsChanged;
    }

    /**
     * Runs an admission: a check of the limits and, if they admit the connection, its counting
     * ({@link #add}, {@link #handshaking}), as one step for all connections, so that connections
     * accepted on different event loops at the same moment cannot pass a limit together.
     *
     * @param admission checks and counts; returns why the connection is refused, or null
     * @return what the admission returned
     */
    public String admitting(Supplier<String> admission) {
        synchronized (admissionLock) {
            return admission.get();
        }
    }

    /** Registers a new connection, not yet logged in. */
    public void add(AmiSession session) {
        if (sessions.add(session) && countsForAuthLimit(session)) {
            unauthenticated.incrementAndGet();
            count(session, 1);
        }
    }

    private void count(AmiSession session, int delta) {
        count(clientAddress(session), delta);
    }

    private void count(InetAddress address, int delta) {
        if (address != null) {
            byAddress.compute(address, (a, n) -> zeroless((n == null ? 0 : n) + delta));
            byNetwork.compute(Network.of(address), (a, n) -> zeroless((n == null ? 0 : n) + delta));
        }
    }

    private static Integer zeroless(int n) {
        return n <= 0 ? null : n;
    }

    private static InetAddress clientAddress(AmiSession session) {
        InetSocketAddress remote = session.remoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    /**
     * Counts a TLS connection whose handshake is under way towards its address's and network's
     * admission shares; not towards authlimit, which Asterisk counts from the session's start.
     *
     * @param address the client's address
     * @return what ends the count once the handshake has ended either way (it acts once)
     */
    public Runnable handshaking(InetAddress address) {
        count(address, 1);
        AtomicBoolean counted = new AtomicBoolean(true);
        return () -> {
            if (counted.getAndSet(false)) {
                count(address, -1);
            }
        };
    }

    /**
     * @param address a client address
     * @return how many connections from it have not logged in yet (or are still in their TLS handshake)
     */
    public int unauthenticatedFrom(InetAddress address) {
        return byAddress.getOrDefault(address, 0);
    }

    /**
     * @param address a client address
     * @return how many connections from its IPv4 /24 or IPv6 /64 have not logged in yet
     */
    public int unauthenticatedFromNetwork(InetAddress address) {
        return byNetwork.getOrDefault(Network.of(address), 0);
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
        if (!sessions.contains(session)) {
            return;
        }
        if (!SessionTransport.HTTP.equals(session.transportName())) {
            unauthenticated.decrementAndGet();
            count(session, -1);
        }
        loginsChanged.run();
    }

    /** @return true if the session was registered */
    public boolean remove(AmiSession session) {
        boolean removed = sessions.remove(session);
        if (removed && countsForAuthLimit(session)) {
            unauthenticated.decrementAndGet();
            count(session, -1);
        }
        if (removed) {
            if (session.isAuthenticated()) {
                loginsChanged.run();
            }
            counters.sessionEnded(session.statistics());
            if (session.wasOverflowed()) {
                counters.slowConsumerClosed();
            }
            if (!emptyWatchers.isEmpty()) {
                tellIfEmpty();
            }
        }
        return removed;
    }

    /** @return completed once no session is left: at once if none is */
    public CompletableFuture<Void> whenEmpty() {
        CompletableFuture<Void> empty = new CompletableFuture<>();
        emptyWatchers.add(empty);
        tellIfEmpty(); // a session removed before the watcher was added did not see it
        return empty;
    }

    private void tellIfEmpty() {
        if (sessions.isEmpty()) {
            CompletableFuture<Void> watcher;
            while ((watcher = emptyWatchers.poll()) != null) {
                watcher.complete(null);
            }
        }
    }

    /**
     * @param id a session id
     * @return the live session with that id (a walk over the sessions: an administration's call, never a hot path)
     */
    public Optional<AmiSession> find(String id) {
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * @param username an account name, matched without regard to case
     * @return the live sessions logged in with that account
     */
    public List<AmiSession> loggedInAs(String username) {
        return sessions.stream().filter(s -> s.isAuthenticated() && s.account().username().equalsIgnoreCase(username))
                .toList();
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

    /**
     * An IPv4 /24 or IPv6 /64 (an IPv4-mapped IPv6 address counts as its IPv4 address): the block
     * one site or one cloud host typically holds, so that its many addresses count as one client.
     */
    record Network(String prefix) {
        static Network of(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length == 16 && isV4Mapped(bytes)) {
                bytes = Arrays.copyOfRange(bytes, 12, 16);
            }
            int keep = bytes.length == 4 ? 3 : 8;
            return new Network(HexFormat.of().formatHex(bytes, 0, keep));
        }

        private static boolean isV4Mapped(byte[] b) {
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        }
    }

    /** Closes every session at once, without a further message (a stop that ran out of time). */
    public void closeAll() {
        sessions.forEach(AmiSession::close);
    }
}
