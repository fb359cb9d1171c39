package dev.ami.server.action.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.server.testing.TestConnector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The security events of failed logins and refused requests, as Asterisk's manager raises them. */
class SecurityEventsTest {

    private static final String TV = "2026-11-28T03:33:42.208+0000";
    private static final String EPOCH = "1970-01-01T00:00:00.000+0000";

    private final TestConnector connector = new TestConnector(TestConnector.GENERAL, List.of(
            Account.of("admin", "s3cret", Authority.ALL, Authority.ALL),
            Account.of("callonly", "pw", Authority.parse("call,security"), Authority.parse("call")),
            new Account("fenced", "pw", Authority.ALL, Authority.ALL, new AccessList(AclRule.parse(false, "0.0.0.0/0")),
                    true, true, 100, List.of())));
    private TestConnector.Connection watcher;

    @BeforeEach
    void watch() {
        watcher = connector.securityWatcher();
    }

    private static String head(String name, String version, String account) {
        return "Event: " + name + "\r\nPrivilege: security,all\r\nEventTV: " + TV + "\r\nSeverity: Error\r\nService: AMI\r\n"
                + "EventVersion: " + version + "\r\nAccountID: " + account + "\r\nSessionID: %s\r\n"
                + "LocalAddress: IPV4/TCP/127.0.0.1/5038\r\nRemoteAddress: IPV4/TCP/127.0.0.1/40000\r\n";
    }

    private String failLogin(String headers) {
        var c = connector.connect();
        c.channel().freezeTime();
        c.send("Action: Login\r\n" + headers + "\r\n");
        String id = connector.context.sessions().all().stream().filter(s -> !s.isAuthenticated()).findFirst()
                .orElseThrow().id();
        c.channel().advanceTimeBy(1, TimeUnit.SECONDS);
        c.channel().runScheduledPendingTasks();
        return watcher.read().replace(id, "%s");
    }

    @Test
    void unknownAccount() {
        assertEquals(head("InvalidAccountID", "1", "nobody") + "SessionTV: " + EPOCH + "\r\n\r\n",
                failLogin("Username: nobody\r\nSecret: x\r\n"));
    }

    @Test
    void wrongSecretNamesTheAccountAsTyped() {
        assertEquals(head("InvalidPassword", "2", "ADMIN") + "SessionTV: " + EPOCH + "\r\n\r\n",
                failLogin("Username: ADMIN\r\nSecret: wrong\r\n"));
    }

    @Test
    void refusedByTheAcl() {
        assertEquals(head("FailedACL", "1", "fenced") + "SessionTV: " + EPOCH + "\r\n\r\n",
                failLogin("Username: fenced\r\nSecret: pw\r\n"));
    }

    @Test
    void wrongMd5KeyReportsChallengeResponseAndExpectedKey() {
        var c = connector.connect();
        c.channel().freezeTime();
        String challenge = c.exchange("Action: Challenge\r\nAuthType: MD5\r\n\r\n").replaceAll("(?s).*Challenge: (\\d+).*", "$1");
        String id = connector.context.sessions().all().stream().filter(s -> !s.isAuthenticated()).findFirst()
                .orElseThrow().id();
        c.send("Action: Login\r\nAuthType: MD5\r\nUsername: admin\r\nKey: 00000000000000000000000000000000\r\n\r\n");
        String expected = TestConnector.md5Hex(challenge + "s3cret");
        assertEquals(head("ChallengeResponseFailed", "1", "").formatted(id) + "Challenge: " + challenge + "\r\n"
                + "Response: 00000000000000000000000000000000\r\nExpectedResponse: " + expected + "\r\n"
                + "SessionTV: " + EPOCH + "\r\n\r\n", watcher.read());
        // no key at all: MD5 is not attempted and nothing is reported
        var d = connector.connect();
        d.send("Action: Login\r\nAuthType: MD5\r\nUsername: admin\r\n\r\n");
        assertEquals("", watcher.read());
    }

    @Test
    void aRequestTheAccountMayNotRunIsReportedAfterTheRefusal() {
        var limited = connector.login("callonly", "pw");
        limited.read();
        watcher.read();
        String id = connector.context.sessions().all().stream()
                .filter(s -> s.isAuthenticated() && s.loginName().equals("callonly")).findFirst().orElseThrow().id();
        String out = limited.exchange("Action: CoreSettings\r\n\r\n");
        assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n" + head("RequestNotAllowed", "1", "callonly")
                .formatted(id) + "RequestType: Action: CoreSettings\r\nSessionTV: " + TV + "\r\n\r\n", out);
    }

    @Test
    void anyActionBeforeLoginButLoginLogoffChallengeIsReportedKnownOrNot() {
        var c = connector.connect();
        String id = connector.context.sessions().all().stream().filter(s -> !s.isAuthenticated()).findFirst()
                .orElseThrow().id();
        assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n", c.exchange("Action: Ping\r\n\r\n"));
        assertEquals(head("RequestNotAllowed", "1", "").formatted(id) + "RequestType: Action: Ping\r\nSessionTV: "
                + EPOCH + "\r\n\r\n", watcher.read());
        c.exchange("Action: NoSuchThing\r\n\r\n");
        assertEquals(head("RequestNotAllowed", "1", "").formatted(id) + "RequestType: Action: NoSuchThing\r\nSessionTV: "
                + EPOCH + "\r\n\r\n", watcher.read());
    }

    @Test
    void aMissingActionBeforeLoginIsABadFormat() {
        var c = connector.connect();
        String id = connector.context.sessions().all().stream().filter(s -> !s.isAuthenticated()).findFirst()
                .orElseThrow().id();
        assertEquals("Response: Error\r\nMessage: Missing action in request\r\n\r\n", c.exchange("Foo: bar\r\n\r\n"));
        assertEquals(("Event: RequestBadFormat\r\nPrivilege: security,all\r\nEventTV: " + TV + "\r\nSeverity: Error\r\n"
                + "Service: AMI\r\nEventVersion: 1\r\nSessionID: %s\r\nLocalAddress: IPV4/TCP/127.0.0.1/5038\r\n"
                + "RemoteAddress: IPV4/TCP/127.0.0.1/40000\r\nRequestType: Action: NONE\r\nSessionTV: " + EPOCH
                + "\r\nAccountID: \r\n\r\n").formatted(id), watcher.read());
    }

    @Test
    void theRequestTypeIsCutAt63Characters() {
        var limited = connector.login("callonly", "pw");
        limited.read();
        watcher.read();
        String name = "X".repeat(80);
        limited.exchange("Action: " + name + "\r\n\r\n");
        String event = watcher.read();
        assertEquals("RequestType: Action: " + "X".repeat(55), event.lines().filter(l -> l.startsWith("RequestType:"))
                .findFirst().orElseThrow());
    }

    @Test
    void anIpv6ClientIsPrintedInShortestForm() {
        var c = connector.open(new java.net.InetSocketAddress("::1", 40001));
        c.read();
        c.send("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nEvents: off\r\n\r\n");
        String event = watcher.read();
        assertTrue(event.contains("LocalAddress: IPV6/TCP/::1/5038\r\nRemoteAddress: IPV6/TCP/::1/40001\r\n"), event);
        String connected = c.exchange("Action: Command\r\nCommand: manager show connected\r\n\r\n");
        assertTrue(connected.contains(" ::1 "), connected);
        assertFalse(connected.contains("0:0:0:0"), connected);
    }
}
