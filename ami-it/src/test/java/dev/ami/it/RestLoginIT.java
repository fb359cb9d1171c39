package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static dev.ami.it.Wire.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API's HTTP Basic login follows the rules of an AMI login: the account's permit/deny,
 * a refusal answered only after the failure delay (without holding a request thread), and the
 * same security events, with {@code Service: REST}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestLoginIT {

    /** The failure delay is one second; a lower bound a little under it leaves room for clock grain. */
    private static final long DELAYED_MILLIS = 900;

    /**
     * More wrong tries at once than WildFly's request threads on a machine of up to 6 cores (16 per
     * core), so that a refusal that slept on its request thread would make the correct login queue.
     */
    private static final int PARALLEL_GUESSES = 100;

    // HTTP/1.1: one connection per request in flight, no h2c upgrade
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    private record Answer(HttpResponse<String> response, long sentAt, long answeredAt) {
        long millis() {
            return (answeredAt - sentAt) / 1_000_000;
        }
    }

    private static HttpRequest export(String user, String secret) {
        int port = 8080 + Integer.getInteger("it.port.offset", 0);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ami/api/config/manager.conf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .GET().build();
    }

    private static CompletableFuture<Answer> send(String user, String secret) {
        long sentAt = System.nanoTime();
        return HTTP.sendAsync(export(user, secret), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r, sentAt, System.nanoTime()));
    }

    private static Answer call(String user, String secret) {
        return send(user, secret).join();
    }

    private static void assertRefusedLate(Answer answer, String what) {
        assertEquals(401, answer.response().statusCode(), what);
        assertEquals("Basic realm=\"ami\", charset=\"UTF-8\"",
                answer.response().headers().firstValue("WWW-Authenticate").orElse(""), what);
        assertEquals("An AMI account with config write is needed (HTTP Basic authentication)\n",
                answer.response().body(), what);
        assertTrue(answer.millis() >= DELAYED_MILLIS, what + " was refused after " + answer.millis() + " ms");
    }

    @Test
    void everyRefusedLoginIsAnsweredAfterTheFailureDelay() {
        assertRefusedLate(call("admin", "wrong"), "a wrong secret");
        assertRefusedLate(call("nobody", "s3cret"), "an unknown account");
        assertRefusedLate(call("limited", "pw2"), "an account without config write");
        assertEquals(200, call("admin", "s3cret").response().statusCode());
    }

    @Test
    void theAccountsPermitAndDenyApply() {
        // fenced: deny everything, permit 10.0.0.0/8; its secret is right
        assertRefusedLate(call("fenced", "pw"), "an address the account denies");
        // local: deny everything, permit 127.0.0.1
        assertEquals(200, call("local", "pw").response().statusCode());
    }

    @Test
    void waitingRefusalsDoNotHoldUpACorrectLogin() throws Exception {
        try (AmiTestClient watcher = securityWatcher()) {
            List<CompletableFuture<Answer>> guesses = new ArrayList<>();
            for (int i = 0; i < PARALLEL_GUESSES; i++) {
                guesses.add(send("admin", "guess-" + i));
            }
            // every guess has been decided (and is now waiting) once its event is out
            for (int i = 0; i < PARALLEL_GUESSES; i++) {
                String event = watcher.readMessage();
                assertTrue(event.startsWith("Event: InvalidPassword\r\n"), event);
            }
            Answer correct = call("admin", "s3cret");
            assertEquals(200, correct.response().statusCode());

            long firstRefusal = Long.MAX_VALUE;
            for (CompletableFuture<Answer> guess : guesses) {
                Answer refused = guess.join();
                assertRefusedLate(refused, "a guess among " + PARALLEL_GUESSES);
                firstRefusal = Math.min(firstRefusal, refused.answeredAt());
            }
            assertTrue(correct.answeredAt() < firstRefusal, "the correct login waited for a refusal");
        }
    }

    @Test
    void refusalsAndLoginsRaiseTheSecurityEventsOfAnAmiLoginNamingTheRestService() throws Exception {
        try (AmiTestClient watcher = securityWatcher()) {
            call("admin", "wrong");
            assertEquals(expected("InvalidPassword", 2, "admin", ""), Masks.mask(watcher.readMessage()));
            call("fenced", "pw");
            assertEquals(expected("FailedACL", 1, "fenced", ""), Masks.mask(watcher.readMessage()));
            call("nobody", "pw");
            assertEquals(expected("InvalidAccountID", 1, "nobody", ""), Masks.mask(watcher.readMessage()));
            call("limited", "pw2");
            assertEquals(expected("RequestNotAllowed", 1, "limited",
                    "RequestType: Action: GET /ami/api/config/manager.conf\n"), Masks.mask(watcher.readMessage()));
            call("admin", "s3cret");
            assertEquals(Masks.mask(crlf("""
                    Event: SuccessfulAuth
                    Privilege: security,all
                    EventTV: 2026-11-28T03:33:42.208+0000
                    Severity: Informational
                    Service: REST
                    EventVersion: 1
                    AccountID: admin
                    SessionID: 0x7fee10000f10
                    LocalAddress: IPV4/TCP/127.0.0.1/8380
                    RemoteAddress: IPV4/TCP/127.0.0.1/34166
                    UsingPassword: 0
                    SessionTV: 2026-11-28T03:33:42.208+0000

                    """)), Masks.mask(watcher.readMessage()));
        }
    }

    /** An AMI session that receives security events, its own login's already read. */
    private static AmiTestClient securityWatcher() throws Exception {
        AmiTestClient watcher = AmiTestClient.connect(AmiEar.PORT);
        exchange(watcher, "Action: Login\nUsername: admin\nSecret: s3cret\nEvents: security\n\n",
                "Response: Success\nMessage: Authentication accepted\n\n" + TranscriptIT.successfulAuth("admin"));
        return watcher;
    }

    private static String expected(String event, int version, String account, String extra) {
        return Masks.mask(crlf("""
                Event: %s
                Privilege: security,all
                EventTV: 2026-11-28T03:34:54.890+0000
                Severity: Error
                Service: REST
                EventVersion: %d
                AccountID: %s
                SessionID: 0x7fe244000ee0
                LocalAddress: IPV4/TCP/127.0.0.1/8380
                RemoteAddress: IPV4/TCP/127.0.0.1/53496
                %sSessionTV: 1970-01-01T00:00:00.000+0000

                """.formatted(event, version, account, extra)));
    }
}
