package dev.ami.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.server.testing.TestConnector;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Whole exchanges on one embedded connection, byte for byte as recorded from Asterisk 22.10.1. */
class SessionExchangeTest {

    private static final String SUCCESSFUL_AUTH_ADMIN = "Event: SuccessfulAuth\r\nPrivilege: security,all\r\n"
            + "EventTV: 2026-11-28T03:33:42.208+0000\r\nSeverity: Informational\r\nService: AMI\r\n"
            + "EventVersion: 1\r\nAccountID: admin\r\nSessionID: %s\r\n"
            + "LocalAddress: IPV4/TCP/127.0.0.1/5038\r\nRemoteAddress: IPV4/TCP/127.0.0.1/40000\r\n"
            + "UsingPassword: 0\r\nSessionTV: 2026-11-28T03:33:42.208+0000\r\n\r\n";
    private static final String FULLY_BOOTED = "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 0\r\n"
            + "LastReload: 0\r\nStatus: Fully Booted\r\n\r\n";

    private final TestConnector connector = new TestConnector();

    private String sessionId() {
        return connector.context.sessions().all().iterator().next().id();
    }

    @Test
    void actionsBeforeLoginArePermissionDeniedAndTheConnectionStays() {
        var c = connector.connect();
        assertEquals("Response: Error\r\nActionID: 1\r\nMessage: Permission denied\r\n\r\n",
                c.exchange("Action: Ping\r\nActionID: 1\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n", c.exchange("Action: NoSuchThing\r\n\r\n"));
        assertTrue(c.channel().isActive());
    }

    @Test
    void aBlankMessageIsMissingAction() {
        var c = connector.connect();
        assertEquals("Response: Error\r\nMessage: Missing action in request\r\n\r\n", c.exchange("\r\n"));
        assertEquals("Response: Error\r\nActionID: pre-4\r\nMessage: Missing action in request\r\n\r\n",
                c.exchange("ActionID: pre-4\r\n\r\n"));
    }

    @Test
    void plainLoginAnswersThenFullyBootedThenSuccessfulAuth() {
        var c = connector.connect();
        String out = c.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n");
        assertEquals("Response: Success\r\nMessage: Authentication accepted\r\n\r\n" + FULLY_BOOTED
                + SUCCESSFUL_AUTH_ADMIN.formatted(sessionId()), out);
    }

    @Test
    void eventsOffSuppressesTheLoginEvents() {
        var c = connector.connect();
        assertEquals("Response: Success\r\nActionID: evoff\r\nMessage: Authentication accepted\r\n\r\n",
                c.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nEvents: off\r\nActionID: evoff\r\n\r\n"));
    }

    @Test
    void anAccountWithoutSystemReadGetsNoFullyBooted() {
        var c = connector.connect();
        assertEquals("Response: Success\r\nMessage: Authentication accepted\r\n\r\n",
                c.exchange("Action: Login\r\nUsername: CALLONLY\r\nSecret: pw\r\n\r\n"));
    }

    @Test
    void challengeIsFixedPerSessionAndMd5LoginWorks() {
        var c = connector.connect();
        assertEquals("Response: Error\r\nMessage: Must specify AuthType\r\n\r\n",
                c.exchange("Action: Challenge\r\nAuthType: plain\r\n\r\n"));
        String first = c.exchange("Action: Challenge\r\nAuthType: md5\r\nActionID: c2\r\n\r\n");
        assertTrue(first.matches("Response: Success\r\nActionID: c2\r\nChallenge: \\d{1,9}\r\n\r\n"), first);
        String challenge = first.replaceAll("(?s).*Challenge: (\\d+).*", "$1");
        assertEquals("Response: Success\r\nChallenge: " + challenge + "\r\n\r\n",
                c.exchange("Action: Challenge\r\nAuthType: MD5\r\n\r\n"));
        String key = TestConnector.md5Hex(challenge + "s3cret");
        String out = c.exchange("Action: Login\r\nAuthType: MD5\r\nUsername: admin\r\nKey: " + key
                + "\r\nActionID: l1\r\n\r\n");
        assertTrue(out.startsWith("Response: Success\r\nActionID: l1\r\nMessage: Authentication accepted\r\n\r\n"
                + FULLY_BOOTED), out);
    }

    @Test
    void theMd5TestVectorFromTheFacts() {
        assertEquals("d32b5714dd0e3ae70d4a845d5e524f3f",
                TestConnector.md5Hex("123456789s3cret"));
    }

    @Test
    void aFailedLoginAnswersOneSecondLaterThenCloses() {
        var c = connector.connect();
        c.channel().freezeTime();
        assertEquals("", c.exchange("Action: Login\r\nUsername: admin\r\nSecret: wrong\r\nActionID: 3\r\n\r\n"));
        assertTrue(c.channel().isActive());
        // input arriving during the pause is not run
        c.send("Action: Ping\r\n\r\n");
        c.channel().advanceTimeBy(999, TimeUnit.MILLISECONDS);
        c.channel().runScheduledPendingTasks();
        assertEquals("", c.read());
        c.channel().advanceTimeBy(1, TimeUnit.MILLISECONDS);
        c.channel().runScheduledPendingTasks();
        assertEquals("Response: Error\r\nActionID: 3\r\nMessage: Authentication failed\r\n\r\n", c.read());
        assertFalse(c.channel().isActive());
    }

    @Test
    void unknownUsersMissingUsernamesAndSecretlessAccountsFailAlike() {
        for (String login : new String[] {"Username: nosuchuser\r\nSecret: x", "Secret: s3cret",
                "Username: nosecret\r\nSecret: ", "Username: nosecret\r\nAuthType: MD5\r\nKey: abc"}) {
            var c = connector.connect();
            c.channel().freezeTime();
            c.send("Action: Login\r\n" + login + "\r\n\r\n");
            c.channel().advanceTimeBy(1, TimeUnit.SECONDS);
            c.channel().runScheduledPendingTasks();
            assertEquals("Response: Error\r\nMessage: Authentication failed\r\n\r\n", c.read(), login);
            assertFalse(c.channel().isActive());
        }
    }

    @Test
    void md5LoginWithoutAChallengeOrWithUppercaseKeyFails() {
        var c = connector.connect();
        c.channel().freezeTime();
        c.send("Action: Login\r\nAuthType: MD5\r\nUsername: admin\r\nKey: "
                + TestConnector.md5Hex("1s3cret") + "\r\n\r\n");
        c.channel().advanceTimeBy(1, TimeUnit.SECONDS);
        c.channel().runScheduledPendingTasks();
        assertEquals("Response: Error\r\nMessage: Authentication failed\r\n\r\n", c.read());
    }

    @Test
    void pingAfterLoginInEveryHeaderStyle() {
        var c = loggedIn();
        assertEquals("Response: Success\r\nActionID: 7\r\nPing: Pong\r\nTimestamp: 1795836822.208000\r\n\r\n",
                c.exchange("action:ping\nactionid:7\n\n"));
        assertEquals("Response: Success\r\nPing: Pong\r\nTimestamp: 1795836822.208000\r\n\r\n"
                        + "Response: Success\r\nActionID: p2\r\nPing: Pong\r\nTimestamp: 1795836822.208000\r\n\r\n",
                c.exchange("Action: Ping\r\n\r\nAction: Ping\r\nActionID: p2\r\n\r\n"));
    }

    @Test
    void unknownActionsAreReportedWithTheirTrailingBlanks() {
        var c = loggedIn();
        String out = c.exchange("Action:    Ping   \r\nActionID:   spaced   \r\n\r\n");
        assertTrue(out.startsWith("Response: Error\r\nActionID: spaced   \r\nMessage: Invalid/unknown command: Ping   . "
                + "Use Action: ListCommands to show available commands.\r\n\r\nEvent: RequestBadFormat\r\n"), out);
        assertTrue(out.contains("RequestType: Action: Ping   \r\nSessionTV: 2026-11-28T03:33:42.208+0000\r\n"
                + "AccountID: admin\r\n\r\n"), out);
    }

    @Test
    void loginAgainIsAlreadyAuthenticated() {
        var c = loggedIn();
        assertEquals("Response: Success\r\nActionID: again\r\nMessage: Already authenticated\r\n\r\n",
                c.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nActionID: again\r\n\r\n"));
    }

    @Test
    void writeClassesAreEnforcedBeforeTheHandler() {
        var c = connector.connect();
        c.exchange("Action: Login\r\nUsername: callonly\r\nSecret: pw\r\n\r\n");
        assertEquals("Response: Error\r\nActionID: 6\r\nMessage: Permission denied\r\n\r\n",
                c.exchange("Action: CoreSettings\r\nActionID: 6\r\n\r\n"));
        var admin = loggedIn();
        assertTrue(admin.exchange("Action: CoreSettings\r\nActionID: cs\r\n\r\n")
                .startsWith("Response: Success\r\nActionID: cs\r\nAMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\n"));
    }

    @Test
    void badFramesAreAnsweredAndTheSessionGoesOn() {
        var c = loggedIn();
        assertEquals("Response: Error\r\nActionID: long\r\nMessage: Failed to parse message: line too long\r\n\r\n",
                c.exchange("Action: Ping\r\nActionID: long\r\nX: " + "x".repeat(3000) + "\r\n\r\n"));
        assertTrue(c.exchange("Action: Ping\r\n\r\n").startsWith("Response: Success\r\nPing: Pong\r\n"));
    }

    @Test
    void logoffSaysGoodbyeAndCloses() {
        var c = connector.connect();
        assertEquals("Response: Goodbye\r\nActionID: pre-5\r\nMessage: Thanks for all the fish.\r\n\r\n",
                c.exchange("Action: Logoff\r\nActionID: pre-5\r\n\r\n"));
        assertFalse(c.channel().isActive());
        assertTrue(connector.context.sessions().all().isEmpty());
    }

    @Test
    void successfulAuthReachesOtherSecurityReadersButNotOthers() {
        var watcher = loggedIn();
        var limited = connector.connect();
        limited.exchange("Action: Login\r\nUsername: callonly\r\nSecret: pw\r\n\r\n");
        String seen = watcher.read();
        assertTrue(seen.startsWith("Event: SuccessfulAuth\r\n") && seen.contains("AccountID: callonly\r\n"), seen);
        loggedIn();
        assertEquals("", limited.read());
    }

    private TestConnector.Connection loggedIn() {
        var c = connector.connect();
        c.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n");
        return c;
    }

    @Test
    void whileTheConnectorStopsEveryRequestButABlankOneIsRefused() {
        var logged = connector.login("admin", "s3cret");
        logged.read();
        var fresh = connector.connect();
        connector.context.beginShutdown();
        assertEquals("Response: Error\r\nActionID: p\r\nMessage: Asterisk is shutting down\r\n\r\n",
                logged.exchange("Action: Ping\r\nActionID: p\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: Asterisk is shutting down\r\n\r\n",
                fresh.exchange("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: Missing action in request\r\n\r\n", fresh.exchange("\r\n"));
        connector.context.endShutdown();
        assertTrue(logged.exchange("Action: Ping\r\n\r\n").startsWith("Response: Success\r\nPing: Pong\r\n"));
    }
}
