package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static dev.ami.it.Wire.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TCP test vectors of facts §12 that TranscriptIT, EventsIT and AdmissionIT do not already
 * assert as written (their ActionIDs, letter case, line endings and accounts), replayed over a
 * real socket and compared byte for byte, masking only times, uptimes and challenge digits.
 * Asterisk 22 greets with 11.0.0 where the vectors assume 13.0.0; AmiTestClient checks that.
 * Vectors 11–24 run, as the facts say, on an admin session logged in without an Events header;
 * the unsolicited events such a session gets (SuccessfulAuth, RequestBadFormat) follow the
 * response they belong to and are left unread, as the facts allow.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FactsVectorsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Test
    void v03_unknownActionBeforeLoginIsPermissionDenied() throws IOException {
        // before login the action is not even looked up: unknown and known actions answer alike
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(c, "Action: NoSuchThing\n\n", "Response: Error\nMessage: Permission denied\n\n");
        }
    }

    @Test
    void v05_challengeWithoutAuthType() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(c, "Action: Challenge\nActionID: c1\n\n",
                    "Response: Error\nActionID: c1\nMessage: Must specify AuthType\n\n");
        }
    }

    @Test
    void v06_v07_lowercaseMd5ChallengeThenMd5LoginOnTheSameConnection() throws Exception {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            c.send(crlf("Action: Challenge\nAuthType: md5\nActionID: c2\n\n"));
            String challenge = c.readMessage();
            assertEquals(crlf("Response: Success\nActionID: c2\nChallenge: <digits>\n\n"), Masks.mask(challenge));
            // events are on (no Events header) and admin reads system: FullyBooted follows; the
            // SuccessfulAuth after it is an unsolicited event the vector skips
            exchange(c, "Action: Login\nAuthType: MD5\nUsername: admin\nKey: "
                            + TranscriptIT.md5(TranscriptIT.challenge(challenge) + "s3cret") + "\nActionID: l1\n\n", """
                    Response: Success
                    ActionID: l1
                    Message: Authentication accepted

                    Event: FullyBooted
                    Privilege: system,all
                    Uptime: 0
                    LastReload: 0
                    Status: Fully Booted

                    """);
        }
    }

    @Test
    void v09_anAccountWithoutSystemReadGetsNoFullyBooted() throws IOException {
        try (AmiTestClient c = callonly()) {
            // a FullyBooted would be queued before this answer; the pong coming next shows there is none
            c.send(crlf("Action: Ping\nActionID: 9\n\n"));
            assertEquals(crlf("Response: Success\nActionID: 9\nPing: Pong\nTimestamp: <ts>\n\n"), Masks.mask(c.readMessage()));
        }
    }

    @Test
    void v10_aBadPasswordAnswersWithTheActionIdAndCloses() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            c.send(crlf("Action: Login\nUsername: admin\nSecret: wrong\nActionID: 3\n\n"));
            assertEquals(crlf("Response: Error\nActionID: 3\nMessage: Authentication failed\n\n"), c.readUntilClosed());
        }
    }

    @Test
    void v11_loginAgainWithoutActionId() throws IOException {
        try (AmiTestClient c = TranscriptIT.loggedInAdmin()) {
            exchange(c, "Action: Login\nUsername: admin\nSecret: s3cret\n\n",
                    "Response: Success\nMessage: Already authenticated\n\n");
        }
    }

    @Test
    void v12_pingInLowercaseWithoutSpacesAndBareLineFeeds() throws IOException {
        try (AmiTestClient c = TranscriptIT.loggedInAdmin()) {
            // sent as is: Wire.exchange would turn the bare LFs into CRLFs
            c.send("action:ping\nactionid:7\n\n");
            assertEquals(crlf("Response: Success\nActionID: 7\nPing: Pong\nTimestamp: <ts>\n\n"), Masks.mask(c.readMessage()));
        }
    }

    @Test
    void v14_aTrailingSpaceIsPartOfTheActionName() throws IOException {
        // the RequestBadFormat event that follows for this security reader is left unread
        try (AmiTestClient c = TranscriptIT.loggedInAdmin()) {
            exchange(c, "Action: Ping \n\n", "Response: Error\n"
                    + "Message: Invalid/unknown command: Ping . Use Action: ListCommands to show available commands.\n\n");
        }
    }

    @Test
    void v15_commandWithoutCommandWriteIsPermissionDenied() throws IOException {
        try (AmiTestClient c = callonly()) {
            exchange(c, "Action: Command\nCommand: core show version\nActionID: 6\n\n",
                    "Response: Error\nActionID: 6\nMessage: Permission denied\n\n");
        }
    }

    @Test
    void v16_eventsActionOffOnAndAnEmptyMask() throws IOException {
        // brokeneventsaction is not set in the test configuration, so the empty mask is answered
        try (AmiTestClient c = TranscriptIT.loggedInAdmin()) {
            exchange(c, "Action: Events\nEventMask: off\nActionID: 9\n\n", "Response: Success\nActionID: 9\nEvents: Off\n\n");
            exchange(c, "Action: Events\nEventMask: call,user\n\n", "Response: Success\nEvents: On\n\n");
            exchange(c, "Action: Events\nEventMask:\n\n", "Response: Error\nMessage: Invalid event mask\n\n");
        }
    }

    @Test
    void v25_aSingleSessionAccountRefusesASecondLoginWhateverTheCaseAndSecret() throws IOException {
        try (AmiTestClient a = AmiTestClient.login(AmiEar.PORT, "solo", "pw", "off");
             AmiTestClient b = AmiTestClient.connect(AmiEar.PORT)) {
            // the session check comes before the secret is looked at, and account names ignore case
            b.send(crlf("Action: Login\nUsername: SOLO\nSecret: anything\n\n"));
            assertEquals(crlf("Response: Error\nMessage: Login Already In Use\n\n"), b.readUntilClosed());
        }
    }

    /** @return a session of callonly logged in without an Events header, its answer asserted (vector 9) */
    private static AmiTestClient callonly() throws IOException {
        AmiTestClient c = AmiTestClient.connect(AmiEar.PORT);
        exchange(c, "Action: Login\nUsername: callonly\nSecret: pw\n\n",
                "Response: Success\nMessage: Authentication accepted\n\n");
        return c;
    }
}
