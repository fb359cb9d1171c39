package dev.ami.server.http;

import dev.ami.server.session.AmiSession;
import dev.ami.server.session.ConnectorContext;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live HTTP manager sessions, by the id their cookie carries. An id is a random non-zero 32-bit
 * value, as Asterisk's (main/manager.c, generic_http_callback); a session is found only while it
 * lives, so an unknown, ended or expired id starts a new session. Each session is also one of the
 * connector's sessions: events are routed to it and {@code manager show connected} lists it.
 */
final class HttpSessions {

    private static final SecureRandom IDS = new SecureRandom();

    private final ConnectorContext connector;
    private final EventExecutorGroup loops;
    private final Clock clock;
    private final Map<Integer, HttpTransport> byId = new ConcurrentHashMap<>();

    HttpSessions(ConnectorContext connector, EventExecutorGroup loops, Clock clock) {
        this.connector = connector;
        this.loops = loops;
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
     * @param local  the server's end of the request
     * @param remote the client's end
     * @return its transport, registered
     */
    HttpTransport create(InetSocketAddress local, InetSocketAddress remote) {
        while (true) {
            int id = IDS.nextInt();
            if (id == 0 || byId.containsKey(id)) {
                continue;
            }
            HttpTransport transport = new HttpTransport(id, loops.next(), local, remote,
                    local.getAddress() instanceof Inet6Address, clock, this::ended);
            AmiSession session = new AmiSession(transport, clock.instant());
            transport.attach(session);
            if (byId.putIfAbsent(id, transport) == null) {
                connector.sessions().add(session);
                return transport;
            }
        }
    }

    private void ended(HttpTransport transport) {
        byId.remove(transport.id(), transport);
        connector.sessions().remove(transport.session());
    }

    /** Ends every session whose lifetime has passed (Asterisk's purge_sessions, run every few seconds). */
    void purge() {
        byId.values().stream().filter(t -> t.expired(clock.instant())).forEach(HttpTransport::expire);
    }

    /** Ends every session, as when the listener stops. */
    void closeAll() {
        byId.values().forEach(HttpTransport::expire);
    }

    /** @return how many sessions live */
    int count() {
        return byId.size();
    }
}
