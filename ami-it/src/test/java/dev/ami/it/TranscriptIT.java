package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static dev.ami.it.Wire.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exchanges recorded from Asterisk 22.10.1 (shared/asterisk-transcripts.md §1–§12, §16 and §20),
 * replayed against the deployed EAR over a real socket and compared byte for byte, masking only
 * times, session ids, challenge digits and ports.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TranscriptIT {

    private static final String FULLY_BOOTED = """
            Event: FullyBooted
            Privilege: system,all
            Uptime: 92
            LastReload: 92
            Status: Fully Booted

            """;

    private static final String GOODBYE = """
            Response: Goodbye
            Message: Thanks for all the fish.

            """;

    private static final String FAILED = "Response: Error\nMessage: Authentication failed\n\n";

    /** @return Asterisk's SuccessfulAuth for a login of this account, as recorded (§2) */
    static String successfulAuth(String account) {
        return """
                Event: SuccessfulAuth
                Privilege: security,all
                EventTV: 2026-11-28T03:33:42.208+0000
                Severity: Informational
                Service: AMI
                EventVersion: 1
                AccountID: %s
                SessionID: 0x7fee10000f10
                LocalAddress: IPV4/TCP/127.0.0.1/15038
                RemoteAddress: IPV4/TCP/127.0.0.1/34166
                UsingPassword: 0
                SessionTV: 2026-11-28T03:33:42.208+0000

                """.formatted(account);
    }

    private static String requestBadFormat(String requestType) {
        return """
                Event: RequestBadFormat
                Privilege: security,all
                EventTV: 2026-11-28T03:33:53.942+0000
                Severity: Error
                Service: AMI
                EventVersion: 1
                SessionID: 0x7fedf40033f0
                LocalAddress: IPV4/TCP/127.0.0.1/15038
                RemoteAddress: IPV4/TCP/127.0.0.1/43758
                RequestType: %s
                SessionTV: 2026-11-28T03:33:53.541+0000
                AccountID: admin

                """.formatted(requestType);
    }

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Test
    void s01_greetingIsOneLineWithNothingAfterIt() throws IOException {
        try (AmiTestClient c = AmiTestClient.open(AmiEar.PORT)) {
            assertEquals("Asterisk Call Manager/11.0.0\r\n", c.readLine());
            assertTrue(c.isQuietFor(500));
        }
    }

    @Test
    void s02_loginSuccessThenLogoff() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(c, "Action: Login\nUsername: admin\nSecret: s3cret\n\n",
                    "Response: Success\nMessage: Authentication accepted\n\n" + FULLY_BOOTED + successfulAuth("admin"));
            c.send(crlf("Action: Logoff\n\n"));
            assertEquals(crlf(GOODBYE), c.readUntilClosed());
        }
    }

    @Test
    void s03_s04_wrongSecretAndUnknownUserLookTheSameAndClose() throws IOException {
        for (String login : new String[] {"Username: admin\nSecret: wrong\n", "Username: nosuchuser\nSecret: x\n"}) {
            try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
                long start = System.nanoTime();
                c.send(crlf("Action: Login\n" + login + "\n"));
                assertEquals(crlf(FAILED), c.readUntilClosed());
                // Asterisk pauses about one second before refusing; so do we.
                assertTrue(System.nanoTime() - start >= 900_000_000L, login);
            }
        }
    }

    @Test
    void s05_challengeAndMd5Login() throws Exception {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            c.send(crlf("Action: Challenge\nAuthType: MD5\nActionID: ch1\n\n"));
            String response = c.readMessage();
            assertEquals(crlf("Response: Success\nActionID: ch1\nChallenge: <digits>\n\n"), Masks.mask(response));
            exchange(c, "Action: Login\nAuthType: MD5\nUsername: admin\nKey: " + md5(challenge(response) + "s3cret")
                            + "\nActionID: l1\n\n",
                    "Response: Success\nActionID: l1\nMessage: Authentication accepted\n\n" + FULLY_BOOTED
                            + successfulAuth("admin"));
            c.send(crlf("Action: Logoff\n\n"));
            assertEquals(crlf(GOODBYE), c.readUntilClosed());
        }
    }

    @Test
    void s06_challengeEdgeCasesAndAWrongKey() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(c, "Action: Challenge\nAuthType: plain\n\n", "Response: Error\nMessage: Must specify AuthType\n\n");
            exchange(c, "Action: Challenge\n\n", "Response: Error\nMessage: Must specify AuthType\n\n");
            c.send(crlf("Action: Challenge\nAuthType: md5\n\n"));
            String first = c.readMessage();
            c.send(crlf("Action: Challenge\nAuthType: MD5\n\n"));
            assertEquals(first, c.readMessage(), "a second Challenge returns the same value");
            c.send(crlf("Action: Login\nAuthType: MD5\nUsername: admin\nKey: 00000000000000000000000000000000\n\n"));
            assertEquals(crlf(FAILED), c.readUntilClosed());
        }
    }

    @Test
    void s07_loginWithEventsOff() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(c, "Action: Login\nUsername: admin\nSecret: s3cret\nEvents: off\nActionID: evoff\n\n",
                    "Response: Success\nActionID: evoff\nMessage: Authentication accepted\n\n");
            exchange(c, "Action: Ping\nActionID: p\n\n",
                    "Response: Success\nActionID: p\nPing: Pong\nTimestamp: 1795836829.530945\n\n");
            c.send(crlf("Action: Logoff\n\n"));
            assertEquals(crlf(GOODBYE), c.readUntilClosed());
        }
    }

    @Test
    void s08_loginWithoutUsername() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            c.send(crlf("Action: Login\nSecret: s3cret\n\n"));
            assertEquals(crlf(FAILED), c.readUntilClosed());
        }
    }

    @Test
    void s09_actionsBeforeLogin() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(c, "Action: Ping\n\n", "Response: Error\nMessage: Permission denied\n\n");
            exchange(c, "Action: Ping\nActionID: pre-1\n\n", "Response: Error\nActionID: pre-1\nMessage: Permission denied\n\n");
            exchange(c, "Action: CoreStatus\nActionID: pre-2\n\n",
                    "Response: Error\nActionID: pre-2\nMessage: Permission denied\n\n");
            exchange(c, "Action: NoSuchAction\nActionID: pre-3\n\n",
                    "Response: Error\nActionID: pre-3\nMessage: Permission denied\n\n");
            exchange(c, "ActionID: pre-4\n\n", "Response: Error\nActionID: pre-4\nMessage: Missing action in request\n\n");
            c.send(crlf("Action: Logoff\nActionID: pre-5\n\n"));
            assertEquals(crlf("Response: Goodbye\nActionID: pre-5\nMessage: Thanks for all the fish.\n\n"),
                    c.readUntilClosed());
        }
    }

    @Test
    void s10_unknownAndMissingActionsAfterLogin() throws IOException {
        try (AmiTestClient c = loggedInAdmin()) {
            exchange(c, "Action: NoSuchAction\n\n", "Response: Error\nMessage: Invalid/unknown command: NoSuchAction. "
                    + "Use Action: ListCommands to show available commands.\n\n" + requestBadFormat("Action: NoSuchAction"));
            exchange(c, "Action: NoSuchAction\nActionID: u1\n\n", "Response: Error\nActionID: u1\n"
                    + "Message: Invalid/unknown command: NoSuchAction. Use Action: ListCommands to show available commands.\n\n"
                    + requestBadFormat("Action: NoSuchAction"));
            exchange(c, "ActionID: m1\nFoo: bar\n\n", "Response: Error\nActionID: m1\nMessage: Missing action in request\n\n"
                    + requestBadFormat("Action: NONE"));
            exchange(c, "Action: \nActionID: m2\n\n", "Response: Error\nActionID: m2\nMessage: Missing action in request\n\n"
                    + requestBadFormat("Action: NONE"));
            exchange(c, "Action: Login\nUsername: admin\nSecret: s3cret\nActionID: again\n\n",
                    "Response: Success\nActionID: again\nMessage: Already authenticated\n\n");
        }
    }

    @Test
    void s11_pingVariantsAndPipelining() throws IOException {
        try (AmiTestClient c = loggedInAdmin()) {
            exchange(c, "Action: Ping\n\n", "Response: Success\nPing: Pong\nTimestamp: 1795836836.849568\n\n");
            exchange(c, "Action: Ping\nActionID: 12345\n\n",
                    "Response: Success\nActionID: 12345\nPing: Pong\nTimestamp: 1795836837.352577\n\n");
            exchange(c, "action: ping\nactionid: lower\n\n",
                    "Response: Success\nActionID: lower\nPing: Pong\nTimestamp: 1795836837.853399\n\n");
            exchange(c, "Action:Ping\nActionID:nospace\n\n",
                    "Response: Success\nActionID: nospace\nPing: Pong\nTimestamp: 1795836838.354269\n\n");
            exchange(c, "Action:    Ping   \nActionID:   spaced   \n\n", "Response: Error\nActionID: spaced   \n"
                    + "Message: Invalid/unknown command: Ping   . Use Action: ListCommands to show available commands.\n\n"
                    + requestBadFormat("Action: Ping   "));
            exchange(c, "Action: Ping\nActionID: p1\n\nAction: Ping\nActionID: p2\n\nAction: Ping\nActionID: p3\n\n", """
                    Response: Success
                    ActionID: p1
                    Ping: Pong
                    Timestamp: 1795836839.356095

                    Response: Success
                    ActionID: p2
                    Ping: Pong
                    Timestamp: 1795836839.356150

                    Response: Success
                    ActionID: p3
                    Ping: Pong
                    Timestamp: 1795836839.356168

                    """);
        }
    }

    @Test
    void s12_lineEndingsStrayBlankLinesAndOverlongLines() throws IOException {
        try (AmiTestClient c = loggedInAdmin()) {
            c.send("Action: Ping\nActionID: lf\n\n");
            assertEquals(crlf("Response: Success\nActionID: lf\nPing: Pong\nTimestamp: <ts>\n\n"),
                    Masks.mask(c.readMessage()));
            exchange(c, "\n", "Response: Error\nMessage: Missing action in request\n\n" + requestBadFormat("Action: NONE"));
            exchange(c, "Action: Ping\nActionID: after-lf\n\n",
                    "Response: Success\nActionID: after-lf\nPing: Pong\nTimestamp: 1795836841.659774\n\n");
            exchange(c, "Action: Ping\nActionID: long\nX-Long: " + "x".repeat(1500) + "\n\n",
                    "Response: Error\nActionID: long\nMessage: Failed to parse message: line too long\n\n");
            exchange(c, "Action: Ping\nActionID: after-long\n\n",
                    "Response: Success\nActionID: after-long\nPing: Pong\nTimestamp: 1795836842.964279\n\n");
        }
    }

    @Test
    void s16_logoffAfterLogin() throws IOException {
        try (AmiTestClient c = loggedInAdmin()) {
            c.send(crlf("Action: Logoff\n\n"));
            assertEquals(crlf(GOODBYE), c.readUntilClosed());
        }
    }

    @Test
    void s20_theSameProtocolOverTls() throws IOException {
        try (AmiTestClient c = AmiTestClient.connectTls(AmiEar.TLS_PORT)) {
            exchange(c, "Action: Login\nUsername: admin\nSecret: s3cret\n\n",
                    "Response: Success\nMessage: Authentication accepted\n\n" + FULLY_BOOTED
                            + successfulAuth("admin").replace("/TCP/", "/TLS/"));
            exchange(c, "Action: Ping\nActionID: tls\n\n",
                    "Response: Success\nActionID: tls\nPing: Pong\nTimestamp: 1795836882.988023\n\n");
            c.send(crlf("Action: Logoff\n\n"));
            assertEquals(crlf(GOODBYE), c.readUntilClosed());
        }
    }

    @Test
    void facts12_limitsOnHeadersAndLines() throws IOException {
        try (AmiTestClient c = loggedInAdmin()) {
            StringBuilder many = new StringBuilder("Action: Ping\n");
            for (int i = 1; i <= 128; i++) {
                many.append("X-").append(i).append(": y\n");
            }
            exchange(c, many.append("\n").toString(),
                    "Response: Error\nMessage: Too many lines in message or allocation failure\n\n");
            exchange(c, "Action: Ping\nX: " + "a".repeat(2000) + "\n\n",
                    "Response: Error\nMessage: Failed to parse message: line too long\n\n");
        }
    }

    @Test
    void facts12_missingClassIsPermissionDenied() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(c, "Action: Login\nUsername: callonly\nSecret: pw\n\n",
                    "Response: Success\nMessage: Authentication accepted\n\n");
            exchange(c, "Action: CoreSettings\nActionID: 6\n\n",
                    "Response: Error\nActionID: 6\nMessage: Permission denied\n\n");
        }
    }

    @Test
    void facts12_channelActionsOfAnIdleServer() throws IOException {
        try (AmiTestClient c = loggedInAdmin()) {
            exchange(c, "Action: Getvar\nVariable: NOT_SET_XYZ\nActionID: 12\n\n",
                    "Response: Success\nActionID: 12\nVariable: NOT_SET_XYZ\nValue: \n\n");
            exchange(c, "Action: Hangup\nActionID: 13\n\n", "Response: Error\nActionID: 13\nMessage: No channel specified\n\n");
            exchange(c, "Action: CoreShowChannels\nActionID: 14\n\n", "Response: Success\nActionID: 14\nEventList: start\n"
                    + "Message: Channels will follow\n\nEvent: CoreShowChannelsComplete\nActionID: 14\nEventList: Complete\n"
                    + "ListItems: 0\n\n");
            exchange(c, "Action: Status\nActionID: s1\n\n", "Response: Success\nActionID: s1\nEventList: start\n"
                    + "Message: Channel status will follow\n\nEvent: StatusComplete\nActionID: s1\nEventList: Complete\n"
                    + "ListItems: 0\nItems: 0\n\n");
            exchange(c, "Action: WaitEvent\nTimeout: 0\nActionID: 15\n\n", "Response: Success\nActionID: 15\n"
                    + "Message: Waiting for Event completed.\n\nEvent: WaitEventComplete\nActionID: 15\n\n");
            exchange(c, "Action: Command\nCommand: Module  LOAD foo.so\n\n", "Response: Error\nMessage: Command blacklisted\n\n");
        }
    }

    /** @return a session logged in as admin, its login response and two events consumed */
    static AmiTestClient loggedInAdmin() throws IOException {
        AmiTestClient c = AmiTestClient.connect(AmiEar.PORT);
        c.send(crlf("Action: Login\nUsername: admin\nSecret: s3cret\n\n"));
        c.readMessages(3);
        return c;
    }

    /** @return the digits of a Challenge response */
    static String challenge(String response) {
        return response.replaceAll("(?s).*Challenge: (\\d+)\r\n.*", "$1");
    }

    static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.ISO_8859_1));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
