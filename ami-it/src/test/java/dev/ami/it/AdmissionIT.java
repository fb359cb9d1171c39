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

/** Transcript §22 (allowmultiplelogin = no) and the per-account ACL of facts §2.9. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdmissionIT {

    private static final String SESSION_LIMIT = """
            Event: SessionLimit
            Privilege: security,all
            EventTV: 2026-11-28T03:34:54.890+0000
            Severity: Error
            Service: AMI
            EventVersion: 1
            AccountID:\s
            SessionID: 0x7fe244000ee0
            LocalAddress: IPV4/TCP/127.0.0.1/15038
            RemoteAddress: IPV4/TCP/127.0.0.1/53496
            SessionTV: 1970-01-01T00:00:00.000+0000

            """;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Test
    void s22_aSecondSessionOfASingleSessionAccountIsRefused() throws IOException {
        try (AmiTestClient watcher = AmiTestClient.connect(AmiEar.PORT);
             AmiTestClient first = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(watcher, "Action: Login\nUsername: admin\nSecret: s3cret\nEvents: security\n\n",
                    "Response: Success\nMessage: Authentication accepted\n\n" + TranscriptIT.successfulAuth("admin"));
            exchange(first, "Action: Login\nUsername: solo\nSecret: pw\n\n", """
                    Response: Success
                    Message: Authentication accepted

                    Event: FullyBooted
                    Privilege: system,all
                    Uptime: 1
                    LastReload: 1
                    Status: Fully Booted

                    """);
            assertEquals(Masks.mask(crlf(TranscriptIT.successfulAuth("solo"))), Masks.mask(watcher.readMessage()));

            try (AmiTestClient second = AmiTestClient.connect(AmiEar.PORT)) {
                second.send(crlf("Action: Login\nUsername: solo\nSecret: pw\n\n"));
                assertEquals(crlf("Response: Error\nMessage: Login Already In Use\n\n"), second.readUntilClosed());
            }
            assertEquals(Masks.mask(crlf(SESSION_LIMIT)), Masks.mask(watcher.readMessage()));
            try (AmiTestClient third = AmiTestClient.connect(AmiEar.PORT)) {
                third.send(crlf("Action: Challenge\nAuthType: MD5\nUsername: solo\n\n"));
                assertEquals(crlf("Response: Error\nMessage: Login Already In Use\n\n"), third.readUntilClosed());
            }
            assertEquals(Masks.mask(crlf(SESSION_LIMIT)), Masks.mask(watcher.readMessage()));
        }
        // once the first session is gone, the account may log in again
        try (AmiTestClient again = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(again, "Action: Login\nUsername: solo\nSecret: pw\nEvents: off\n\n",
                    "Response: Success\nMessage: Authentication accepted\n\n");
        }
    }

    @Test
    void failedLoginsAreReportedToSecurityReaders() throws IOException {
        try (AmiTestClient watcher = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(watcher, "Action: Login\nUsername: admin\nSecret: s3cret\nEvents: off\n\n",
                    "Response: Success\nMessage: Authentication accepted\n\n");
            exchange(watcher, "Action: Events\nEventMask: security\n\n", "Response: Success\nEvents: On\n\n");
            try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
                c.send(crlf("Action: Login\nUsername: Admin\nSecret: wrong\n\n"));
                assertEquals(Masks.mask(crlf("""
                        Event: InvalidPassword
                        Privilege: security,all
                        EventTV: 2026-11-28T03:34:54.890+0000
                        Severity: Error
                        Service: AMI
                        EventVersion: 2
                        AccountID: Admin
                        SessionID: 0x7fe244000ee0
                        LocalAddress: IPV4/TCP/127.0.0.1/15038
                        RemoteAddress: IPV4/TCP/127.0.0.1/53496
                        SessionTV: 1970-01-01T00:00:00.000+0000

                        """)), Masks.mask(watcher.readMessage()));
                assertEquals(crlf("Response: Error\nMessage: Authentication failed\n\n"), c.readUntilClosed());
            }
        }
    }

    @Test
    void theAclDecidesAtLoginAndItsRefusalLooksLikeABadSecret() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            c.send(crlf("Action: Login\nUsername: fenced\nSecret: pw\n\n"));
            assertEquals(crlf("Response: Error\nMessage: Authentication failed\n\n"), c.readUntilClosed());
        }
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(c, "Action: Login\nUsername: local\nSecret: pw\nEvents: off\n\n",
                    "Response: Success\nMessage: Authentication accepted\n\n");
        }
    }
}
