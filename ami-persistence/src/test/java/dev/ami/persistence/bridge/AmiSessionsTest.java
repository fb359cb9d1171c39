package dev.ami.persistence.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.OtherNodes.RemoteSession;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditChange;
import dev.ami.persistence.audit.AuditEntry;
import dev.ami.persistence.audit.AuditTarget;
import dev.ami.persistence.audit.AuditTrail;
import dev.ami.persistence.cluster.ClusterNode;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Kicks through the connector, each recorded in the audit trail, and a kick the trail cannot record;
 * in a cluster, the other nodes' sessions listed with their node and ended by asking it.
 */
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

    private static final RemoteSession OPS_ON_B = new RemoteSession("node-b", "0x5", "Ops", "198.51.100.7:50001", "TLS", T);
    private static final RemoteSession ADMIN_ON_C = new RemoteSession("node-c", "0x6", "admin", "198.51.100.8:50002", "HTTP",
            T);

    /** A cluster node with fixed other sessions; asks to end them are recorded. */
    private static final class FixedCluster extends ClusterNode {
        final String node;
        final List<RemoteSession> others;
        final List<RemoteSession> asked = new ArrayList<>();

        FixedCluster(String node, List<RemoteSession> others) {
            this.node = node;
            this.others = others;
        }

        @Override
        public Optional<String> localNode() {
            return Optional.ofNullable(node);
        }

        @Override
        public List<RemoteSession> otherSessions() {
            return others;
        }

        @Override
        public void kickElsewhere(RemoteSession session) {
            asked.add(session);
        }
    }

    private final RecordingTrail trail = new RecordingTrail();
    private FixedCluster cluster = new FixedCluster(null, List.of());
    private final List<String> kicked = new ArrayList<>();
    private final AmiSessions sessions = sessions(Optional.of((ConnectorLink) Proxy.newProxyInstance(
            ConnectorLink.class.getClassLoader(), new Class<?>[] {ConnectorLink.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "sessions" -> List.of(OPS_TCP, OPS_HTTP);
                        case "session" -> List.of(OPS_TCP, OPS_HTTP).stream().filter(x -> x.id().equals(args[0])).findFirst();
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
        s.cluster = cluster;
        return s;
    }

    private AmiSessions joined() {
        cluster = new FixedCluster("node-a", List.of(OPS_ON_B, ADMIN_ON_C));
        return sessions(Optional.of(sessions.links.ifConnected().orElseThrow()));
    }

    private static List<AuditChange> changes(SessionStatistics s) {
        return List.of(new AuditChange("username", s.username(), null), new AuditChange("address", s.remoteAddress(), null),
                new AuditChange("transport", s.transport(), null));
    }

    @Test
    void eachSessionKickedIsOneEntryNamedByItsId() {
        assertEquals(Optional.of(new LiveSession.Here(null, OPS_TCP)), sessions.kick("0x1", ADMIN));
        assertEquals(Optional.empty(), sessions.kick("0x9", ADMIN));
        assertEquals(List.of(new LiveSession.Here(null, OPS_TCP), new LiveSession.Here(null, OPS_HTTP)),
                sessions.kickAccount("ops", ADMIN));
        assertEquals(List.of("0x1", "0x9", "account ops"), kicked);
        assertEquals(List.of(), cluster.asked);

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
        assertEquals(Optional.of(new LiveSession.Here(null, OPS_TCP)), sessions.kick("0x1", ADMIN));
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

    @Test
    void aloneTheSessionsAreThisServersWithoutANode() {
        assertEquals(List.of(new LiveSession.Here(null, OPS_TCP), new LiveSession.Here(null, OPS_HTTP)), sessions.all());
        assertEquals(Optional.empty(), sessions.find("0x5"));
    }

    @Test
    void joinedTheOtherNodesSessionsFollowThisNodesWithTheirNode() {
        AmiSessions joined = joined();
        List<LiveSession> all = joined.all();
        assertEquals(List.of(new LiveSession.Here("node-a", OPS_TCP), new LiveSession.Here("node-a", OPS_HTTP),
                new LiveSession.Elsewhere(OPS_ON_B), new LiveSession.Elsewhere(ADMIN_ON_C)), all);
        assertEquals("node-b", all.get(2).node());
        assertEquals(Optional.of(new LiveSession.Elsewhere(OPS_ON_B)), joined.find("0x5"));
        assertEquals(Optional.of(new LiveSession.Here("node-a", OPS_TCP)), joined.find("0x1"));
        assertEquals(Optional.empty(), joined.find("0x9"));
    }

    @Test
    void aSessionOfAnotherNodeIsEndedByAskingItsNodeAndAudited() {
        AmiSessions joined = joined();
        assertEquals(Optional.of(new LiveSession.Elsewhere(OPS_ON_B)), joined.kick("0x5", ADMIN));
        assertEquals(List.of(OPS_ON_B), cluster.asked);
        assertEquals(List.of("0x5"), kicked, "the connector here was tried first, and had no such session");

        assertEquals(1, trail.entries.size());
        AuditEntry entry = trail.entries.get(0);
        assertEquals(ADMIN, entry.actor());
        assertEquals(new AuditTarget(AuditTarget.SESSION, "0x5"), entry.target());
        assertEquals("kick", entry.action());
        assertEquals(List.of(new AuditChange("username", "Ops", null), new AuditChange("address", "198.51.100.7:50001", null),
                new AuditChange("transport", "TLS", null), new AuditChange("askedNode", null, "node-b")), entry.changes());

        assertEquals(Optional.of(new LiveSession.Here("node-a", OPS_TCP)), joined.kick("0x1", ADMIN));
        assertEquals(List.of(OPS_ON_B), cluster.asked, "a session here is not asked of another node");
        assertEquals(changes(OPS_TCP), trail.entries.get(1).changes());
    }

    @Test
    void anAccountIsEndedOnEveryNode() {
        AmiSessions joined = joined();
        assertEquals(List.of(new LiveSession.Here("node-a", OPS_TCP), new LiveSession.Here("node-a", OPS_HTTP),
                new LiveSession.Elsewhere(OPS_ON_B)), joined.kickAccount("OPS", ADMIN));
        assertEquals(List.of(OPS_ON_B), cluster.asked, "the other account's session stays");
        assertEquals(List.of("0x1", "0x2", "0x5"), trail.entries.stream().map(e -> e.target().name()).toList());
        assertEquals(new AuditChange("askedNode", null, "node-b"), trail.entries.get(2).changes().get(3));
    }

    @Test
    void anAskTheTrailCannotRecordStillWentOut() {
        AmiSessions joined = joined();
        trail.failing = true;
        assertEquals(Optional.of(new LiveSession.Elsewhere(ADMIN_ON_C)), joined.kick("0x6", ADMIN));
        assertEquals(List.of(ADMIN_ON_C), cluster.asked);
    }
}
