package dev.ami.server.http;

import dev.ami.api.connector.SessionThread;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.server.session.AmiSession;
import dev.ami.server.session.ConnectorContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live HTTP manager sessions: the cookie sessions by the id their cookie carries, and the
 * sessions of the digest forms by their user and nonce (main/manager.c, find_session_by_nonce),
 * which no cookie can name. An id is a random non-zero 32-bit
 * value, as Asterisk's (main/manager.c, generic_http_callback); a session is found only while it
 * lives, so an unknown, ended or expired id starts a new session. Each session is also one of the
 * connector's sessions: events are routed to it and {@code manager show connected} lists it.
 */
final class HttpSessions {

    private static final SecureRandom IDS = new SecureRandom();

    /** Cookie sessions one client address may hold before they log in; the oldest ends to make room. */
    static final int MAX_STRANGERS_PER_ADDRESS = 100;

    private final ConnectorContext connector;
    private final Clock clock;
    private final Map<Integer, HttpTransport> byId = new ConcurrentHashMap<>();
    private final Map<HttpTransport, DigestState> digests = new ConcurrentHashMap<>();
    private final DigestNonces nonces = new DigestNonces();
    /** Cookie sessions not logged in, per client address, oldest first (ami's bound; Asterisk has none). */
    private final Map<InetAddress, Deque<HttpTransport>> strangers = new HashMap<>();

    HttpSessions(ConnectorContext connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    /** @return the live session the cookie names, if any */
    Optional<HttpTransport> find(OptionalInt cookieId) {
        if (cookieId.isEmpty()) {
            return Optional.empty();
        }
        HttpTransport found = byId.get(cookieId.getAsInt());
        return found == null || found.isDestroyed() || found.expired(clock.instant()) ? Optional.empty()
                : Optional.of(found);
    }

    /**
     * Starts a session for a request that named none (or none that lives).
     *
     * @param request the request
     * @param thread  the thread the session lives on
     * @return its transport, registered
     */
    HttpTransport create(HttpManagerRequest request, SessionThread thread) {
        makeRoomFor(request.remote().getAddress());
        while (true) {
            int id = IDS.nextInt();
            if (id == 0 || byId.containsKey(id)) {
                continue;
            }
            HttpTransport transport = newTransport(id, request, thread);
            if (byId.putIfAbsent(id, transport) == null) {
                connector.sessions().add(transport.session());
                synchronized (strangers) {
                    strangers.computeIfAbsent(request.remote().getAddress(), a -> new ArrayDeque<>()).addLast(transport);
                }
                return transport;
            }
        }
    }

    private HttpTransport newTransport(int id, HttpManagerRequest request, SessionThread thread) {
        InetSocketAddress local = request.local();
        HttpTransport transport = new HttpTransport(id, thread, local, request.remote(),
                local.getAddress() instanceof Inet6Address, request.secure(), clock, this::ended);
        transport.attach(new AmiSession(transport, clock.instant()));
        if (connector.isShuttingDown()) {
            transport.endAfterItsRequest(); // the stop has begun: nothing would end this session otherwise
        }
        return transport;
    }

    /**
     * Every request without a live cookie makes a session, which lives five seconds unless it logs
     * in: Asterisk keeps every one of them, so a flood of cookie-less requests grows its sessions
     * without bound. Here one address keeps at most {@link #MAX_STRANGERS_PER_ADDRESS} such sessions
     * and its oldest ends to make room: the flooder churns only its own, nobody is refused, and
     * sessions that logged in are never touched.
     */
    private void makeRoomFor(InetAddress client) {
        HttpTransport oldest = null;
        synchronized (strangers) {
            Deque<HttpTransport> mine = strangers.get(client);
            if (mine == null) {
                return;
            }
            prune(mine);
            if (mine.size() >= MAX_STRANGERS_PER_ADDRESS) {
                oldest = mine.pollFirst();
            }
            if (mine.isEmpty()) {
                strangers.remove(client);
            }
        }
        if (oldest != null) {
            oldest.expireUnlessLoggedIn();
        }
    }

    /** Drops the sessions that have ended or logged in: they are no client's strangers any more. */
    private static void prune(Deque<HttpTransport> strangersOfOneAddress) {
        strangersOfOneAddress.removeIf(t -> t.isDestroyed() || t.session().isAuthenticated());
    }

    /** @return a new nonce for a 401, which a digest session may start from */
    long issueNonce() {
        return nonces.issue(clock.instant());
    }

    /**
     * Takes an issued nonce for a new digest session.
     *
     * @return true, once, if this server issued it and it is not too old
     */
    boolean redeemNonce(long nonce) {
        return nonces.redeem(nonce, clock.instant());
    }

    /** A live digest session with its nonce state. */
    record DigestSession(HttpTransport transport, DigestState state) {
    }

    /** @return the live digest session of this user that has the nonce as its current or previous one */
    Optional<DigestSession> findDigest(String username, long nonce) {
        return digests.entrySet().stream()
                .filter(e -> !e.getKey().isDestroyed() && !e.getKey().expired(clock.instant()))
                .filter(e -> e.getValue().owns(username, nonce))
                .findFirst().map(e -> new DigestSession(e.getKey(), e.getValue()));
    }

    /**
     * Starts a digest session; it is the connector's session like the others, but no cookie finds it.
     *
     * @param request the request
     * @param thread  the thread the session lives on
     * @param state   its user and nonce
     * @return its transport, registered; the caller authenticates its session on its thread
     */
    HttpTransport createDigest(HttpManagerRequest request, SessionThread thread, DigestState state) {
        HttpTransport transport = newTransport(IDS.nextInt(), request, thread);
        digests.put(transport, state);
        connector.sessions().add(transport.session());
        return transport;
    }

    private void ended(HttpTransport transport) {
        byId.remove(transport.id(), transport);
        digests.remove(transport);
        connector.sessions().remove(transport.session());
    }

    /** Ends every session whose lifetime has passed (Asterisk's purge_sessions, run every few seconds). */
    void purge() {
        synchronized (strangers) {
            strangers.values().forEach(HttpSessions::prune);
            strangers.values().removeIf(Deque::isEmpty);
        }
        byId.values().stream().filter(t -> t.expired(clock.instant())).forEach(HttpTransport::expire);
        digests.keySet().stream().filter(t -> t.expired(clock.instant())).forEach(HttpTransport::expire);
        nonces.purge(clock.instant());
    }

    /** Ends every session, as when the listener stops. */
    void closeAll() {
        byId.values().forEach(HttpTransport::expire);
        digests.keySet().forEach(HttpTransport::expire);
    }

    /** @return how many sessions live */
    int count() {
        return byId.size() + digests.size();
    }
}
