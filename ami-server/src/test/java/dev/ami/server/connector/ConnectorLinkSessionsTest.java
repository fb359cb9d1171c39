package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.EventStatistics;
import dev.ami.api.connector.EventStatistics.EventCount;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.event.ManagerEvent;
import dev.ami.server.testing.TestConnector;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The live sessions as the administration sees them through the connector's link: listed, found, kicked, counted. */
class ConnectorLinkSessionsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:33:42.208Z"); // TestConnector's clock

    private final TestConnector connector = new TestConnector(TestConnector.GENERAL.toBuilder()
            .disabledEvents(List.of("Hidden")).build(), TestConnector.ACCOUNTS);
    private final AmiConnectorLink link = new AmiConnectorLink(connector.context, connector.actions, () -> null,
            () -> true, Map::of);

    private TestConnector.Connection loggedIn(String user, String secret, int port) {
        TestConnector.Connection c = connector.open(new InetSocketAddress("127.0.0.1", port));
        c.read();
        c.send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\n\r\n");
        c.read();
        return c;
    }

    @Test
    void aSessionIsListedWithItsClientAndItsLoginTimeOnceLoggedIn() {
        TestConnector.Connection c = connector.connect();
        String id = c.session().id();
        SessionStatistics before = link.session(id).orElseThrow();
        assertEquals("", before.username());
        assertNull(before.loggedInAt(), "null before login");
        assertEquals("TCP", before.transport());
        assertEquals("127.0.0.1:40000", before.remoteAddress());
        assertEquals(NOW, before.connectedAt());

        c.exchange("Action: Login\r\nUsername: Admin\r\nSecret: s3cret\r\n\r\n");
        SessionStatistics after = link.session(id).orElseThrow();
        assertEquals("Admin", after.username(), "as typed");
        assertEquals(NOW, after.loggedInAt());
        assertEquals(List.of(after), link.sessions());
        assertTrue(link.session("0x1").isEmpty());
        TestConnector.Connection v6 = connector.open(new InetSocketAddress("::1", 40005));
        assertEquals("[::1]:40005", link.session(v6.session().id()).orElseThrow().remoteAddress(), "the port stays apart");
    }

    @Test
    void aKickClosesTheConnectionAndTheSessionLeavesTheList() {
        TestConnector.Connection kicked = loggedIn("admin", "s3cret", 40001);
        TestConnector.Connection other = loggedIn("admin", "s3cret", 40002);
        String id = kicked.session().id();

        SessionStatistics told = link.kick(id).orElseThrow();
        assertEquals(id, told.id());
        assertEquals("admin", told.username());
        assertEquals("127.0.0.1:40001", told.remoteAddress());
        kicked.channel().runPendingTasks(); // the close runs on the session's own thread
        assertFalse(kicked.channel().isActive(), "the connection is closed");
        assertEquals("", kicked.read(), "without a message");
        assertTrue(link.session(id).isEmpty());
        assertEquals(List.of(other.session().id()), link.sessions().stream().map(SessionStatistics::id).toList());
        assertTrue(other.channel().isActive());

        assertTrue(link.kick(id).isEmpty(), "a session that has gone cannot be kicked again");
        assertTrue(link.kick("0x1").isEmpty());
    }

    @Test
    void kickingAnAccountEndsItsSessionsOnlyWhateverTheCaseOfTheName() {
        TestConnector.Connection a = loggedIn("admin", "s3cret", 40001);
        TestConnector.Connection b = loggedIn("ADMIN", "s3cret", 40002);
        TestConnector.Connection call = loggedIn("callonly", "pw", 40003);
        TestConnector.Connection stranger = connector.connect(); // not logged in: never an account's

        List<SessionStatistics> told = link.kickAccount("Admin");
        assertEquals(Set.of(a.session().id(), b.session().id()),
                told.stream().map(SessionStatistics::id).collect(Collectors.toSet()));
        List.of(a, b, call, stranger).forEach(c -> c.channel().runPendingTasks());
        assertFalse(a.channel().isActive());
        assertFalse(b.channel().isActive());
        assertTrue(call.channel().isActive());
        assertTrue(stranger.channel().isActive());
        assertEquals(2, link.sessions().size());

        assertEquals(List.of(), link.kickAccount("nobody"));
        assertEquals(List.of(), link.kickAccount(""), "the empty name of sessions not logged in matches none");
        stranger.channel().runPendingTasks();
        assertTrue(stranger.channel().isActive());
    }

    @Test
    void eventStatisticsCountEachNameFiredAndTheSessionsThatTookIt() {
        TestConnector.Connection a = loggedIn("admin", "s3cret", 40001);
        TestConnector.Connection b = loggedIn("admin", "s3cret", 40002);
        loggedIn("callonly", "pw", 40003); // reads no user events
        connector.connect(); // not logged in: takes none
        b.exchange("Action: Events\r\nEventMask: off\r\n\r\n");

        for (int i = 0; i < 3; i++) {
            connector.context.publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "T").build());
        }
        connector.context.publish(ManagerEvent.of("Hidden", AuthorityClass.USER).build()); // disabledevents

        EventStatistics statistics = link.eventStatistics();
        assertEquals(NOW, statistics.since());
        Map<String, EventCount> byName = statistics.events().stream()
                .collect(Collectors.toMap(EventCount::name, e -> e));
        assertEquals(new EventCount("UserEvent", 3, 3), byName.get("UserEvent"), "only a's session took them");
        assertEquals(new EventCount("Hidden", 1, 0), byName.get("Hidden"));
        assertEquals(3, a.read().split("Event: UserEvent\r\n", -1).length - 1);
        SessionStatistics counted = link.session(a.session().id()).orElseThrow();
        assertTrue(counted.queued() >= 3 && counted.delivered() >= 3, counted.toString());
    }
}
