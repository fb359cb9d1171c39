package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static dev.ami.it.Wire.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API's HTTP Basic login follows the rules of an AMI login: the account's permit/deny,
 * a refusal answered only after the failure delay (without holding a request thread), and the
 * same security events, with {@code Service: REST}; a right login without the config class is
 * refused each request (403, RequestNotAllowed), as an AMI session is refused an action.
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

    /** The guesser's address: loopback, but not the 127.0.0.1 the rest of the suite logs in from. */
    private static final String GUESSER = "127.0.0.2";

    // HTTP/1.1: one connection per request in flight, no h2c upgrade
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    /** An answer as these tests look at it: status, challenge, body, and when it was sent and answered. */
    private record Answer(int status, String challenge, String body, long sentAt, long answeredAt) {
        Answer(HttpResponse<String> r, long sentAt, long answeredAt) {
            this(r.statusCode(), r.headers().firstValue("WWW-Authenticate").orElse(""), r.body(), sentAt, answeredAt);
        }

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
        assertEquals(401, answer.status(), what);
        assertEquals("Basic realm=\"ami\", charset=\"UTF-8\"", answer.challenge(), what);
        assertTrue(answer.body().startsWith("{\"type\":\"urn:ami:problem:unauthorized\",\"title\":\"Unauthorized\","
                + "\"status\":401,"), what + ": " + answer.body());
        assertTrue(answer.millis() >= DELAYED_MILLIS, what + " was refused after " + answer.millis() + " ms");
    }

    @Test
    void everyRefusedLoginIsAnsweredAfterTheFailureDelay() {
        assertRefusedLate(call("admin", "wrong"), "a wrong secret");
        assertRefusedLate(call("nobody", "s3cret"), "an unknown account");
        assertEquals(403, call("limited", "pw2").status(), "a right login without config: refused at once");
        assertEquals(200, call("admin", "s3cret").status());
    }

    @Test
    void theAccountsPermitAndDenyApply() {
        // fenced: deny everything, permit 10.0.0.0/8; its secret is right
        assertRefusedLate(call("fenced", "pw"), "an address the account denies");
        // local: deny everything, permit 127.0.0.1
        assertEquals(200, call("local", "pw").status());
    }

    /**
     * A guesser at another address (127.0.0.2, still loopback) sends {@link #PARALLEL_GUESSES} wrong
     * secrets for admin at once: each is refused only after its delay without holding a request
     * thread, so the real admin at 127.0.0.1 logs in meanwhile; after ten failures the guesser's
     * address is locked out of admin (SessionLimit for the rest), and only its address.
     */
    @Test
    void waitingRefusalsDoNotHoldUpACorrectLoginAndTheGuesserIsLockedOut() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(PARALLEL_GUESSES);
        try (AmiTestClient watcher = securityWatcher()) {
            List<CompletableFuture<Answer>> guesses = new ArrayList<>();
            for (int i = 0; i < PARALLEL_GUESSES; i++) {
                String secret = "guess-" + i;
                guesses.add(CompletableFuture.supplyAsync(() -> rawCall(GUESSER, "admin", secret), clients));
            }
            // every guess has been decided (and is now waiting) once its event is out
            int invalid = 0;
            int locked = 0;
            for (int i = 0; i < PARALLEL_GUESSES; i++) {
                String event = watcher.readMessage();
                assertTrue(event.contains("RemoteAddress: IPV4/TCP/127.0.0.2/"), event);
                if (event.startsWith("Event: InvalidPassword\r\n")) {
                    invalid++;
                } else {
                    assertTrue(event.startsWith("Event: SessionLimit\r\n"), event);
                    locked++;
                }
            }
            assertTrue(invalid >= 10 && locked > 0, invalid + " wrong secrets, " + locked + " refused by the lock");
            Answer correct = call("admin", "s3cret");
            assertEquals(200, correct.status(), "the real admin, from another address");

            long firstRefusal = Long.MAX_VALUE;
            for (CompletableFuture<Answer> guess : guesses) {
                Answer refused = guess.join();
                assertRefusedLate(refused, "a guess among " + PARALLEL_GUESSES);
                firstRefusal = Math.min(firstRefusal, refused.answeredAt());
            }
            assertTrue(correct.answeredAt() < firstRefusal, "the correct login waited for a refusal");
            assertEquals(401, rawCall(GUESSER, "admin", "s3cret").status(), "locked: even the right secret");
            assertTrue(watcher.readMessage().startsWith("Event: SuccessfulAuth\r\n"), "the correct login's");
            String lockedOut = watcher.readMessage();
            assertTrue(lockedOut.startsWith("Event: SessionLimit\r\n") && lockedOut.contains("127.0.0.2"), lockedOut);
        } finally {
            clients.shutdownNow();
            clearLockouts("* 127.0.0.2");
        }
        assertEquals(200, rawCall(GUESSER, "admin", "s3cret").status(), "an administrator lifted it");
    }

    /** Lifts locks through AMI's CLI, as an administrator would; the suite's other tests log in from loopback. */
    static void clearLockouts(String arguments) throws IOException {
        try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            admin.send(crlf("Action: Command\nCommand: manager clear lockouts " + arguments + "\n\n"));
            String answer = admin.readMessage();
            assertTrue(answer.contains("Output: Cleared "), answer);
        }
    }

    /**
     * The export with HTTP Basic credentials on a plain socket bound to a client address of our
     * choice (Java's HTTP client cannot choose one); the status line and the times are what count.
     */
    private static Answer rawCall(String from, String user, String secret) {
        long sentAt = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8080 + Integer.getInteger("it.port.offset", 0)), 10_000);
            socket.setSoTimeout(60_000);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /ami/api/config/manager.conf HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long answeredAt = System.nanoTime();
            int split = reply.indexOf("\r\n\r\n");
            String challenge = "";
            for (String line : reply.substring(0, split).split("\r\n")) {
                if (line.regionMatches(true, 0, "WWW-Authenticate: ", 0, 18)) {
                    challenge = line.substring(18);
                }
            }
            return new Answer(Integer.parseInt(reply.substring(9, 12)), challenge, reply.substring(split + 4), sentAt,
                    answeredAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            // the login is right (SuccessfulAuth), the request is not allowed, as over AMI
            assertTrue(watcher.readMessage().startsWith("Event: SuccessfulAuth\r\n"));
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
