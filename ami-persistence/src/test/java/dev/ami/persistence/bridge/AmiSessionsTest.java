package dev.ami.persistence.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditChange;
import dev.ami.persistence.audit.AuditEntry;
import dev.ami.persistence.audit.AuditTarget;
import dev.ami.persistence.audit.AuditTrail;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Kicks through the connector, each recorded in the audit trail, and a kick the trail cannot record. */
class AmiSessionsTest {

    private static final Instant T = Instant.parse("2026-12-06T18:00:00Z");
    private static final Actor ADMIN = new Actor("admin", "192.0.2.9", Actor.CONSOLE);
    private static final SessionStatistics OPS_TCP = new SessionStatistics("0x1", "ops", "127.0.0.1:40001", "TCP", T, T,
            0, 0, 0, 0, 0);
    private static final SessionStatistics OPS_HTTP = new SessionStatistics("0x2", "OPS", "[::1]:40002", "HTTP", T, T,
            0, 0, 0, 0, 0);

    /** Records instead of writing; fails when told to, as a database that went away. */
    private static final class RecordingTrail extends AuditTrail {
        final List<AuditEntry> entries = new ArrayList<>();
        boolean failing;

        @Override
        public void record(Actor actor, AuditTarget target, String action, List<AuditChange> changes) {
            if (failing) {
                throw new IllegalStateException("the database went away");
            }
            entries.add(new AuditEntry(entries.size() + 1, T, actor, target, action, changes));
        }
    }

    private final RecordingTrail trail = new RecordingTrail();
    private final List<String> kicked = new ArrayList<>();
    private final AmiSessions sessions = sessions(Optional.of((ConnectorLink) Proxy.newProxyInstance(
            ConnectorLink.class.getClassLoader(), new Class<?>[] {ConnectorLink.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "kick" -> {
                            kicked.add((String) args[0]);
                            yield args[0].equals("0x1") ? Optional.of(OPS_TCP) : Optional.empty();
                        }
                        case "kickAccount" -> {
                            kicked.add("account " + args[0]);
                            yield List.of(OPS_TCP, OPS_HTTP);
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    })));

    private AmiSessions sessions(Optional<ConnectorLink> link) {
        AmiSessions s = new AmiSessions();
        s.links = new ConnectorLinks();
        link.ifPresent(s.links::connected);
        s.audit = trail;
        return s;
    }

    private static List<AuditChange> changes(SessionStatistics s) {
        return List.of(new AuditChange("username", s.username(), null), new AuditChange("address", s.remoteAddress(), null),
                new AuditChange("transport", s.transport(), null));
    }

    @Test
    void eachSessionKickedIsOneEntryNamedByItsId() {
        assertEquals(Optional.of(OPS_TCP), sessions.kick("0x1", ADMIN));
        assertEquals(Optional.empty(), sessions.kick("0x9", ADMIN));
        assertEquals(List.of(OPS_TCP, OPS_HTTP), sessions.kickAccount("ops", ADMIN));
        assertEquals(List.of("0x1", "0x9", "account ops"), kicked);

        assertEquals(3, trail.entries.size(), "nothing for a session that was not there");
        AuditEntry first = trail.entries.get(0);
        assertEquals(ADMIN, first.actor());
        assertEquals(new AuditTarget(AuditTarget.SESSION, "0x1"), first.target());
        assertEquals("kick", first.action());
        assertEquals(changes(OPS_TCP), first.changes());
        assertEquals(new AuditTarget(AuditTarget.SESSION, "0x2"), trail.entries.get(2).target());
        assertEquals(changes(OPS_HTTP), trail.entries.get(2).changes());
    }

    @Test
    void aKickTheTrailCannotRecordStillHappened() {
        trail.failing = true;
        assertEquals(Optional.of(OPS_TCP), sessions.kick("0x1", ADMIN));
        assertEquals(2, sessions.kickAccount("ops", ADMIN).size());
        assertEquals(List.of("0x1", "account ops"), kicked);
    }

    @Test
    void nothingWhileTheConnectorIsNotRunning() {
        AmiSessions stopped = sessions(Optional.empty());
        assertThrows(ConnectorNotRunning.class, stopped::list);
        assertThrows(ConnectorNotRunning.class, () -> stopped.kick("0x1", ADMIN));
        assertThrows(ConnectorNotRunning.class, stopped::events);
        assertEquals(List.of(), trail.entries);
    }
}
