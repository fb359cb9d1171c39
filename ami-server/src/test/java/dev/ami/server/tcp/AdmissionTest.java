package dev.ami.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.AdmissionPolicy;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.OtherNodes;
import dev.ami.server.testing.StubOtherNodes;
import dev.ami.server.testing.TestConnector;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** allowmultiplelogin, ACLs, authlimit and authtimeout (main/manager.c, authenticate, session_do, purge_sessions). */
class AdmissionTest {

    private static Account solo() {
        return new Account("solo", "pw", Authority.parse("system"), Authority.parse("system"), AccessList.ALLOW_ALL,
                false, true, 100, List.of());
    }

    private static Account fenced() {
        List<AclRule> rules = new ArrayList<>(AclRule.parse(false, "0.0.0.0/0.0.0.0"));
        rules.addAll(AclRule.parse(true, "10.0.0.0/8"));
        return new Account("fenced", "pw", Authority.ALL, Authority.ALL, new AccessList(rules), true, true, 100, List.of());
    }

    private final TestConnector connector = new TestConnector(TestConnector.GENERAL, List.of(
            Account.of("admin", "s3cret", Authority.ALL, Authority.ALL), solo(), fenced()));

    private static void elapse(TestConnector.Connection c, long millis) {
        c.channel().advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        c.channel().runScheduledPendingTasks();
    }

    @Test
    void aLoginOfASingleSessionAccountHeldOnAnotherNodeOfTheClusterIsRefused() {
        connector.context.otherNodes(new StubOtherNodes(new OtherNodes.RemoteSession("node-b", "s1", "Solo",
                "192.0.2.1:40000", "TCP", Instant.EPOCH)));
        var watcher = connector.connect();
        watcher.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nEvents: security\r\n\r\n");

        var second = connector.connect();
        second.channel().freezeTime();
        assertEquals("", second.exchange("Action: Login\r\nUsername: solo\r\nSecret: pw\r\n\r\n"));
        assertTrue(watcher.read().startsWith("Event: SessionLimit\r\n"));
        elapse(second, 1000);
        assertEquals("Response: Error\r\nMessage: Login Already In Use\r\n\r\n", second.read());

        // an account that may hold several sessions logs in although another node has one
        connector.context.otherNodes(new StubOtherNodes(new OtherNodes.RemoteSession("node-b", "s2", "admin",
                "192.0.2.1:40001", "TCP", Instant.EPOCH)));
        assertTrue(connector.connect().exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n")
                .startsWith("Response: Success\r\n"));
    }

    @Test
    void theOtherNodesHearOfEveryLoginAndOfTheEndOfEveryLoggedInSession() {
        StubOtherNodes nodes = new StubOtherNodes();
        connector.context.otherNodes(nodes);
        var unauthenticated = connector.connect();
        unauthenticated.channel().close();
        assertEquals(0, nodes.told.get());

        var session = connector.connect();
        session.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n");
        assertEquals(1, nodes.told.get());
        session.exchange("Action: Logoff\r\n\r\n");
        session.channel().runPendingTasks();
        assertEquals(2, nodes.told.get());
    }

    @Test
    void aSecondLoginOfASingleSessionAccountIsRefusedBeforeItsSecretIsChecked() {
        var watcher = connector.connect();
        watcher.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nEvents: security\r\n\r\n");
        var first = connector.connect();
        assertTrue(first.exchange("Action: Login\r\nUsername: solo\r\nSecret: pw\r\n\r\n")
                .startsWith("Response: Success\r\nMessage: Authentication accepted\r\n"));
        watcher.read();

        var second = connector.connect();
        second.channel().freezeTime();
        assertEquals("", second.exchange("Action: Login\r\nUsername: SOLO\r\nSecret: anything\r\n\r\n"));
        String event = watcher.read();
        assertTrue(event.startsWith("Event: SessionLimit\r\nPrivilege: security,all\r\n"), event);
        assertTrue(event.contains("EventVersion: 1\r\nAccountID: \r\nSessionID: ")
                && event.endsWith("SessionTV: 1970-01-01T00:00:00.000+0000\r\n\r\n"), event);
        elapse(second, 1000);
        assertEquals("Response: Error\r\nMessage: Login Already In Use\r\n\r\n", second.read());
        assertFalse(second.channel().isActive());

        var third = connector.connect();
        third.channel().freezeTime();
        third.send("Action: Challenge\r\nAuthType: MD5\r\nUsername: solo\r\n\r\n");
        elapse(third, 1000);
        assertEquals("Response: Error\r\nMessage: Login Already In Use\r\n\r\n", third.read());

        // other accounts are not affected, and a Challenge without Username is not checked
        var fourth = connector.connect();
        assertTrue(fourth.exchange("Action: Challenge\r\nAuthType: MD5\r\n\r\n").startsWith("Response: Success\r\n"));
    }

    @Test
    void theAclIsCheckedAtLoginAndLooksLikeABadSecret() {
        var c = connector.connect();
        c.channel().freezeTime();
        c.send("Action: Login\r\nUsername: fenced\r\nSecret: pw\r\n\r\n");
        elapse(c, 1000);
        assertEquals("Response: Error\r\nMessage: Authentication failed\r\n\r\n", c.read());
        assertFalse(c.channel().isActive());
    }

    @Test
    void authlimitClosesTheExtraConnectionWithoutAGreeting() {
        GeneralSettings two = TestConnector.GENERAL.toBuilder().authLimit(2).build();
        TestConnector limited = new TestConnector(two, TestConnector.ACCOUNTS);
        var a = limited.connect();
        limited.connect();
        var refused = limited.open();
        assertEquals("", refused.read());
        assertFalse(refused.channel().isActive());
        // once one logs in, there is room again
        a.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n");
        var b = limited.connect();
        assertEquals(2, limited.context.sessions().unauthenticatedCount());
        // a logged-in session that goes away frees no room; an unauthenticated one does
        a.channel().close();
        assertEquals(2, limited.context.sessions().unauthenticatedCount());
        b.channel().close();
        assertEquals(1, limited.context.sessions().unauthenticatedCount());
        limited.connect();
        assertFalse(limited.open().channel().isActive(), "the limit holds again");
    }

    @Test
    void oneAddressOrNetworkCannotFillAuthlimitForEverybodyElse() {
        GeneralSettings general = TestConnector.GENERAL.toBuilder().authLimit(50)
                .admission(new AdmissionPolicy(3, 5)).build();
        TestConnector limited = new TestConnector(general, TestConnector.ACCOUNTS);
        InetSocketAddress flooder = new InetSocketAddress("10.0.0.5", 40000);
        List<TestConnector.Connection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestConnector.Connection c = limited.open(flooder);
            assertEquals("Asterisk Call Manager/11.0.0\r\n", c.read());
            held.add(c);
        }
        TestConnector.Connection fourth = limited.open(flooder);
        assertEquals("", fourth.read(), "closed at once, without a greeting, as over authlimit");
        assertFalse(fourth.channel().isActive());
        // another address of the same /24 has room until the network's 5
        TestConnector.Connection neighbour = limited.open(new InetSocketAddress("10.0.0.6", 40000));
        assertTrue(neighbour.read().startsWith("Asterisk Call Manager"));
        limited.open(new InetSocketAddress("10.0.0.7", 40000)).read();
        assertFalse(limited.open(new InetSocketAddress("10.0.0.8", 40000)).channel().isActive(), "the /24 is full");
        assertTrue(limited.open(new InetSocketAddress("10.0.1.8", 40000)).read().startsWith("Asterisk Call Manager"),
                "another network is served");
        // a login frees the flooder's room, as it does authlimit's
        held.get(0).exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n");
        assertEquals(2, limited.context.sessions().unauthenticatedFrom(flooder.getAddress()));
        assertTrue(limited.open(flooder).read().startsWith("Asterisk Call Manager"));
        // IPv6: the /64 is the network
        GeneralSettings v6 = general.toBuilder().admission(new AdmissionPolicy(0, 2)).build();
        TestConnector six = new TestConnector(v6, TestConnector.ACCOUNTS);
        six.open(new InetSocketAddress("2001:db8:0:1::a", 40000)).read();
        six.open(new InetSocketAddress("2001:db8:0:1::b", 40000)).read();
        assertFalse(six.open(new InetSocketAddress("2001:db8:0:1::c", 40000)).channel().isActive());
        assertTrue(six.open(new InetSocketAddress("2001:db8:0:2::a", 40000)).read().startsWith("Asterisk Call Manager"));
    }

    @Test
    void authtimeoutClosesAnIdleUnauthenticatedConnectionSilently() {
        var idle = connector.open();
        // the timer was set when the connection opened, a moment before the clock could be frozen:
        // leave that moment a second of room on either side of the 30 s
        idle.channel().freezeTime();
        idle.read();
        elapse(idle, 29_000);
        assertTrue(idle.channel().isActive());
        elapse(idle, 1_000);
        assertEquals("", idle.read());
        assertFalse(idle.channel().isActive());
    }

    @Test
    void theAuthtimeoutTimerEndsAtLoginAndAtCloseSoNoFinishedConnectionWaitsForIt() {
        var loggedIn = connector.connect();
        assertTrue(loggedIn.channel().runScheduledPendingTasks() > 0, "the authtimeout timer is set at connect");
        loggedIn.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n");
        assertEquals(-1, loggedIn.channel().runScheduledPendingTasks(), "nothing is scheduled once logged in");

        var gone = connector.connect();
        gone.channel().close();
        assertEquals(-1, gone.channel().runScheduledPendingTasks(), "nothing is scheduled once closed");
    }
}
