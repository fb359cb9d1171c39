package dev.ami.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.api.message.Header;
import dev.ami.server.http.HttpManagerServiceTest.MutableClock;
import dev.ami.server.session.AmiSession;
import dev.ami.server.testing.TestConnector;
import io.netty.channel.DefaultEventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The digest forms of the HTTP manager (main/manager.c, auth_http_callback), driven as an RFC 2617
 * client drives them: the responses are computed here, independently of the server's code.
 */
class HttpDigestTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8088);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 45000);
    private static final Pattern CHALLENGE = Pattern.compile("Digest algorithm=MD5, realm=\"asterisk\", "
            + "nonce=\"([0-9a-f]{8})\", qop=\"auth\", opaque=\"([0-9a-f]{8})\"(, stale=true)?");

    private final MutableClock clock = new MutableClock();
    private final TestConnector connector;
    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);
    private final HttpSettings http = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000,
            false, false, List.of(), HttpSettings.DEFAULTS.tls(), List.of());
    private final HttpManagerService service;

    HttpDigestTest() {
        List<Account> accounts = new ArrayList<>(TestConnector.ACCOUNTS);
        accounts.add(new Account("Fenced", "pw", Authority.ALL, Authority.ALL,
                new AccessList(AclRule.parse(false, "127.0.0.0/255.0.0.0")), true, true, 100, List.of(), List.of()));
        connector = new TestConnector(GeneralSettings.builder().enabled(true).bindAddress("127.0.0.1")
                .webEnabled(true).httpTimeoutSeconds(60).build(), accounts);
        service = new HttpManagerService(connector.context, connector.actions, loops, () -> http, clock);
    }

    @AfterEach
    void stop() throws InterruptedException {
        service.stop();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    /** What a digest client keeps between requests. */
    private static final class Client {
        final String user;
        final String secret;
        String nonce;
        int nc;

        Client(String user, String secret) {
            this.user = user;
            this.secret = secret;
        }

        String authorization(String method, String uri) {
            nc++;
            return authorization(method, uri, String.format("%08x", nc));
        }

        String authorization(String method, String uri, String count) {
            String cnonce = "0a4f113b";
            String ha1 = md5(user + ":asterisk:" + secret);
            String ha2 = md5(method + ":" + uri);
            String response = md5(ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2);
            return "Digest username=\"" + user + "\", realm=\"asterisk\", nonce=\"" + nonce + "\", uri=\"" + uri
                    + "\", cnonce=\"" + cnonce + "\", nc=" + count + ", qop=auth, response=\"" + response
                    + "\", opaque=\"" + nonce + "\", algorithm=MD5";
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private CompletableFuture<HttpManagerReply> send(String uri, String authorization) {
        int q = uri.indexOf('?');
        return service.handle(new HttpManagerRequest("GET", q < 0 ? uri : uri.substring(0, q),
                q < 0 ? "" : uri.substring(q + 1), "", new byte[0], List.of(), LOCAL, REMOTE, authorization))
                .toCompletableFuture();
    }

    private HttpManagerReply get(String uri, String authorization) {
        return await(send(uri, authorization));
    }

    /** A request with the client's next count; on a 401 the client takes the nonce it names. */
    private HttpManagerReply request(Client client, String uri) {
        HttpManagerReply reply = get(uri, client.authorization("GET", uri));
        if (reply.status() == 401) {
            client.nonce = challenge(reply).group(1);
            client.nc = 0;
        }
        return reply;
    }

    /** A client that has its first nonce from a 401 to a request without credentials. */
    private Client client(String user, String secret) {
        Client client = new Client(user, secret);
        client.nonce = challenge(get("/arawman?action=ping", "")).group(1);
        return client;
    }

    private static Matcher challenge(HttpManagerReply reply) {
        assertEquals(401, reply.status());
        String value = reply.headers().stream().filter(h -> h.name().equals("WWW-authenticate")).findFirst()
                .map(Header::value).orElseThrow();
        Matcher m = CHALLENGE.matcher(value);
        assertTrue(m.matches(), value);
        return m;
    }

    private static boolean stale(HttpManagerReply reply) {
        return challenge(reply).group(3) != null;
    }

    private static String body(HttpManagerReply reply) {
        return new String(reply.body(), StandardCharsets.ISO_8859_1);
    }

    private static String maskTimestamp(String text) {
        return text.replaceAll("Timestamp: \\d+\\.\\d{6}", "Timestamp: <t>");
    }

    @Test
    void withoutCredentialsTheRecorded401() {
        HttpManagerReply reply = get("/arawman?action=ping", "");
        assertEquals("Unauthorized", reply.reason());
        Matcher m = challenge(reply);
        assertEquals(m.group(1), m.group(2), "nonce and opaque are the same value");
        assertFalse(stale(reply));
        List<Header> masked = reply.headers().stream().map(h -> new Header(h.name(),
                h.value().replaceAll("\"[0-9a-f]{8}\"", "\"<n>\""))).toList();
        assertEquals(List.of(new Header("Server", "Asterisk"), new Header("Cache-Control", "no-cache, no-store"),
                new Header("WWW-authenticate",
                        "Digest algorithm=MD5, realm=\"asterisk\", nonce=\"<n>\", qop=\"auth\", opaque=\"<n>\""),
                new Header("Content-type", "text/html")), masked);
        assertEquals("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n"
                + "<title>401 Unauthorized</title>\r\n</head><body>\r\n<h1>Unauthorized</h1>\r\n<p></p>\r\n"
                + "<hr />\r\n<address>Asterisk</address>\r\n</body></html>\r\n", body(reply));
        assertEquals(199, reply.body().length);
        assertEquals(0, service.sessionCount(), "a challenge starts no session");
    }

    @Test
    void rightCredentialsRunTheActionOnAnAuthenticatedSessionWithoutACookie() {
        Client client = client("admin", "s3cret");
        HttpManagerReply ping = request(client, "/arawman?action=ping&actionid=d1");
        assertEquals(200, ping.status());
        assertEquals(List.of(new Header("Server", "Asterisk"), new Header("Cache-Control", "no-cache, no-store"),
                new Header("Content-type", "text/plain")), ping.headers(), "no Set-Cookie, no Pragma");
        assertEquals("Response: Success\r\nActionID: d1\r\nPing: Pong\r\nTimestamp: <t>\r\n\r\n",
                maskTimestamp(body(ping)));
        AmiSession session = connector.context.sessions().all().iterator().next();
        assertTrue(session.isAuthenticated());
        assertEquals("admin", session.loginName());
        assertEquals("HTTP", session.transportName());

        HttpManagerReply xml = request(client, "/amxml?action=ping");
        assertEquals(new Header("Content-type", "text/xml"), xml.headers().get(2));
        assertTrue(body(xml).startsWith("<ajax-response>\n<response type='object' id='unknown'><generic response='Success'"),
                body(xml));
        assertEquals(1, connector.context.sessions().all().size(), "the nonce keeps naming the same session");
    }

    private HttpManagerReply cookieRequest(String query, String id) {
        return service.handle(new HttpManagerRequest("GET", "/rawman", query, "", new byte[0],
                id == null ? List.of() : List.of("mansession_id=\"" + id + "\""), LOCAL, REMOTE))
                .toCompletableFuture().join();
    }

    @Test
    void aDigestLoginRaisesNoSecurityEvent() {
        HttpManagerReply login = cookieRequest("action=login&username=admin&secret=s3cret", null);
        String id = login.headers().stream().filter(h -> h.name().equals("Set-Cookie")).findFirst().orElseThrow()
                .value().substring(15, 23);
        assertTrue(body(cookieRequest("action=waitevent&timeout=0", id)).contains("Event: SuccessfulAuth\r\n"),
                "a listener that sees a login's events");
        Client client = client("admin", "s3cret");
        assertEquals(200, request(client, "/arawman?action=ping").status());
        assertEquals(401, request(client("nobody", "x"), "/arawman?action=ping").status());
        assertEquals(403, request(client("Fenced", "pw"), "/arawman?action=ping").status());
        String events = body(cookieRequest("action=waitevent&timeout=0", id));
        assertFalse(events.contains("SuccessfulAuth") || events.contains("InvalidAccountID")
                || events.contains("FailedACL"), "auth_http_callback reports nothing: " + events);
    }

    @Test
    void theAccountNameIsMatchedWithoutCaseAndHashedAsConfigured() {
        Client client = client("FENCED", "pw");
        // the user name as typed finds the account, but HA1 uses its configured name: a client hashing
        // "FENCED" fails; the ACL is checked first, so this user is refused outright
        assertEquals(403, request(client, "/arawman?action=ping").status());
        Client admin = client("ADMIN", "s3cret");
        assertEquals(401, request(admin, "/arawman?action=ping").status(), "HA1 of 'ADMIN' is not HA1 of 'admin'");
    }

    @Test
    void aWrongResponseOrAnUnknownUserGetsANewChallenge() {
        Client wrong = client("admin", "nope");
        String nonce = wrong.nonce;
        HttpManagerReply reply = request(wrong, "/arawman?action=ping");
        assertFalse(stale(reply));
        assertNotEquals(nonce, wrong.nonce, "a new nonce");
        Client unknown = client("nobody", "pw");
        assertFalse(stale(request(unknown, "/arawman?action=ping")));
        assertEquals(401, get("/arawman?action=ping", "Basic YWRtaW46czNjcmV0").status());
        assertEquals(401, get("/arawman?action=ping", "Digest username=\"admin\"").status(), "fields missing");
        assertEquals(0, service.sessionCount());
    }

    @Test
    void aReplayedNonceCountIsRefusedWithAStaleChallenge() {
        Client client = client("admin", "s3cret");
        String first = client.authorization("GET", "/arawman?action=ping");
        assertEquals(200, get("/arawman?action=ping", first).status());
        HttpManagerReply replay = get("/arawman?action=ping", first);
        assertTrue(stale(replay), "the count did not go up");
        String renewed = challenge(replay).group(1);
        assertNotEquals(client.nonce, renewed);
        // the old nonce is now the session's previous one: stale, naming the current one
        HttpManagerReply old = get("/arawman?action=ping", client.authorization("GET", "/arawman?action=ping"));
        assertTrue(stale(old));
        assertEquals(renewed, challenge(old).group(1));
        client.nonce = renewed;
        client.nc = 0;
        assertEquals(200, request(client, "/arawman?action=ping").status());
        assertEquals(1, service.sessionCount(), "still the one session");
    }

    @Test
    void anRfc2069ClientWithoutQopUsesItsNonceUntilItIsOld() {
        Client client = client("admin", "s3cret");
        String uri = "/arawman?action=ping";
        String response = md5(md5("admin:asterisk:s3cret") + ":" + client.nonce + ":" + md5("GET:" + uri));
        String authorization = "Digest username=\"admin\", realm=\"asterisk\", nonce=\"" + client.nonce
                + "\", uri=\"" + uri + "\", response=\"" + response + "\"";
        assertEquals(200, get(uri, authorization).status());
        assertEquals(200, get(uri, authorization).status(), "no count to go up");
        clock.advance(Duration.ofSeconds(63));
        assertTrue(stale(get(uri, authorization)));
    }

    @Test
    void aNonceOlderThan62SecondsIsStale() {
        Client client = client("admin", "s3cret");
        assertEquals(200, request(client, "/arawman?action=ping").status());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(200, request(client, "/arawman?action=ping").status());
        clock.advance(Duration.ofSeconds(33)); // 63 s after the nonce's first use
        HttpManagerReply late = request(client, "/arawman?action=ping");
        assertTrue(stale(late));
        assertEquals(200, request(client, "/arawman?action=ping").status(), "the new nonce works");
        assertEquals(1, service.sessionCount());
    }

    @Test
    void anIssuedNonceUnusedFor62SecondsOrOneNeverIssuedIsStale() {
        Client client = client("admin", "s3cret");
        clock.advance(Duration.ofSeconds(63));
        assertTrue(stale(request(client, "/arawman?action=ping")));
        assertEquals(200, request(client, "/arawman?action=ping").status());

        Client forged = new Client("admin", "s3cret");
        forged.nonce = "1234abcd";
        assertTrue(stale(request(forged, "/arawman?action=ping")), "right credentials on a nonce not ours");
        assertEquals(200, request(forged, "/arawman?action=ping").status());
    }

    @Test
    void wrongResponsesAreAnsweredLateAndLockTheUserOutFromThisAddressEvenWithTheRightOne() {
        connector.context.logins().policy(new LockoutPolicy(3, 50, 500, 10, Duration.ofMinutes(10)));
        Client wrong = client("admin", "not-the-secret");
        long start = System.nanoTime();
        List<CompletableFuture<HttpManagerReply>> guesses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            guesses.add(send("/arawman?action=ping", wrong.authorization("GET", "/arawman?action=ping")));
        }
        guesses.forEach(g -> assertEquals(401, await(g).status()));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(900), "answered after the throttle's second");
        assertEquals(1, connector.context.logins().lockouts(clock.instant()).size());

        HttpManagerReply locked = request(client("admin", "s3cret"), "/arawman?action=ping");
        assertEquals(401, locked.status(), "locked: the right response gets the challenge again");
        assertEquals(0, service.sessionCount());

        connector.context.logins().clear(null, null);
        assertEquals(200, request(client("admin", "s3cret"), "/arawman?action=ping").status(), "lifted");
    }

    private static HttpManagerReply await(CompletableFuture<HttpManagerReply> reply) {
        try {
            return reply.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aClientTheAccountsAclRefusesGets403AndTheConnectionEnds() {
        Client client = client("Fenced", "pw");
        HttpManagerReply reply = request(client, "/arawman?action=ping");
        assertEquals(403, reply.status());
        assertEquals("Permission denied", reply.reason());
        assertTrue(reply.closes(), "auth_http_callback closes the connection after its 403");
        assertEquals("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n"
                + "<title>403 Permission denied</title>\r\n</head><body>\r\n<h1>Permission denied</h1>\r\n"
                + "<p>Permission denied</p>\r\n<hr />\r\n<address>Asterisk</address>\r\n</body></html>\r\n", body(reply));
        assertEquals(0, service.sessionCount());
    }

    @Test
    void waitEventOnADigestSessionCollectsItsEvents() {
        Client client = client("admin", "s3cret");
        assertEquals(200, request(client, "/arawman?action=ping").status());
        String uri = "/arawman?action=waitevent&timeout=30";
        CompletableFuture<HttpManagerReply> poll = send(uri, client.authorization("GET", uri));
        assertFalse(poll.isDone());
        connector.context.publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "Digest")
                .build());
        HttpManagerReply reply;
        try {
            reply = poll.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals("Response: Success\r\nMessage: Waiting for Event completed.\r\n\r\n"
                + "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Digest\r\n\r\n"
                + "Event: WaitEventComplete\r\n\r\n", body(reply));
    }

    @Test
    void aDigestSessionIsNeverACookieSession() {
        Client client = client("admin", "s3cret");
        assertEquals(200, request(client, "/arawman?action=ping").status());
        // the nonce as a cookie names no session: a new, unauthenticated cookie session answers
        HttpManagerReply cookie = cookieRequest("action=ping", client.nonce);
        assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n", body(cookie));
        assertEquals(2, service.sessionCount());
    }

    @Test
    void logoffEndsTheDigestSession() {
        Client client = client("admin", "s3cret");
        assertEquals("Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n\r\n",
                body(request(client, "/arawman?action=logoff")));
        HttpManagerReply after = request(client, "/arawman?action=ping");
        assertTrue(stale(after), "its nonce names no session any more");
    }
}
