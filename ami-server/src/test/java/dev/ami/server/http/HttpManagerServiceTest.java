package dev.ami.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.UriRestriction;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.message.Header;
import dev.ami.server.session.AmiSession;
import dev.ami.server.testing.TestConnector;
import io.netty.channel.DefaultEventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cookie forms of the HTTP manager on the TCP session core: Asterisk's answers (main/manager.c,
 * generic_http_callback), the session's cookie, its lifetime, and WaitEvent as a long poll that
 * holds no thread.
 */
class HttpManagerServiceTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8088);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 45000);
    private static final Pattern COOKIE = Pattern.compile("mansession_id=\"([0-9a-f]{8})\"; Version=1; Max-Age=60");

    private final MutableClock clock = new MutableClock();
    private final TestConnector connector = new TestConnector(GeneralSettings.builder().enabled(true)
            .bindAddress("127.0.0.1").webEnabled(true).httpTimeoutSeconds(60).build(), TestConnector.ACCOUNTS);
    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);
    private HttpSettings http = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000, false,
            false, List.of(), HttpSettings.DEFAULTS.tls(), List.of());
    private final HttpManagerService service = new HttpManagerService(connector.context, connector.actions, loops,
            () -> http, clock);

    @AfterEach
    void stop() throws InterruptedException {
        service.stop();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    private HttpManagerReply get(String pathAndQuery, String cookie) {
        return await(send(pathAndQuery, cookie));
    }

    private CompletableFuture<HttpManagerReply> send(String pathAndQuery, String cookie) {
        int q = pathAndQuery.indexOf('?');
        return service.handle(new HttpManagerRequest("GET", q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? "" : pathAndQuery.substring(q + 1), "", new byte[0],
                cookie == null ? List.of() : List.of("mansession_id=\"" + cookie + "\""), LOCAL, REMOTE))
                .toCompletableFuture();
    }

    private static HttpManagerReply await(CompletableFuture<HttpManagerReply> reply) {
        try {
            return reply.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String body(HttpManagerReply reply) {
        return new String(reply.body(), StandardCharsets.ISO_8859_1);
    }

    private static String cookie(HttpManagerReply reply) {
        String value = reply.headers().stream().filter(h -> h.name().equals("Set-Cookie")).findFirst()
                .map(Header::value).orElseThrow();
        Matcher m = COOKIE.matcher(value);
        assertTrue(m.matches(), value);
        return m.group(1);
    }

    private static String maskTimestamp(String text) {
        return text.replaceAll("Timestamp: \\d+\\.\\d{6}", "Timestamp: <t>");
    }

    /** @return the cookie of a fresh login whose own events (SuccessfulAuth) are collected already */
    private String login() {
        HttpManagerReply login = get("/rawman?action=login&username=admin&secret=s3cret", null);
        assertEquals("Response: Success\r\nMessage: Authentication accepted\r\n\r\n", body(login), "no FullyBooted");
        String id = cookie(login);
        String drained = body(get("/rawman?action=waitevent&timeout=0", id));
        assertTrue(drained.contains("Event: SuccessfulAuth\r\n"), "events are kept for the first WaitEvent: " + drained);
        return id;
    }

    @Test
    void aLoginThenActionsOnItsCookieAsAsteriskAnswersThem() {
        HttpManagerReply login = get("/rawman?action=login&username=admin&secret=s3cret", null);
        assertEquals(200, login.status());
        assertEquals(List.of(new Header("Server", "Asterisk"), new Header("Cache-Control", "no-cache, no-store"),
                new Header("Content-type", "text/plain"),
                new Header("Set-Cookie", "mansession_id=\"" + cookie(login) + "\"; Version=1; Max-Age=60"),
                new Header("Pragma", "SuppressEvents")), login.headers());
        String id = cookie(login);

        HttpManagerReply ping = get("/rawman?action=ping&actionid=abc", id);
        assertEquals(id, cookie(ping), "the same session");
        assertEquals("Response: Success\r\nActionID: abc\r\nPing: Pong\r\nTimestamp: <t>\r\n\r\n",
                maskTimestamp(body(ping)));

        HttpManagerReply xml = get("/mxml?action=ping", id);
        assertEquals(new Header("Content-type", "text/xml"), xml.headers().get(2));
        assertTrue(body(xml).startsWith("<ajax-response>\n<response type='object' id='unknown'><generic response='Success'"
                + " ping='Pong' timestamp='"), body(xml));
        assertEquals(1, connector.context.sessions().all().size(), "one session for all three requests");
        assertEquals("HTTP", connector.context.sessions().all().iterator().next().transportName());
    }

    @Test
    void aRestrictionWhosePrefixMatchesAndWhoseRulesDenyTheClientAnswers403BeforeAnySession() {
        http = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000, false, false, List.of(),
                HttpSettings.DEFAULTS.tls(), List.of(
                        new UriRestriction("/mxml", new AccessList(AclRule.parse(false, "10.0.0.0/8"))),
                        new UriRestriction("/rawman", new AccessList(AclRule.parse(false, "127.0.0.0/8"))),
                        new UriRestriction("/a", new AccessList(AclRule.parse(false, "0.0.0.0/0")))));
        for (String denied : new String[] {"/rawman?action=login&username=admin&secret=s3cret", "/RAWMAN/?action=ping",
                "/arawman?action=ping", "/amxml?action=ping"}) {
            HttpManagerReply reply = get(denied, null);
            assertEquals(403, reply.status(), denied);
            assertEquals("Forbidden", reply.reason());
            assertEquals("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n"
                    + "<title>403 Forbidden</title>\r\n</head><body>\r\n<h1>Forbidden</h1>\r\n"
                    + "<p>Access denied by ACL</p>\r\n<hr />\r\n<address>Asterisk</address>\r\n</body></html>\r\n",
                    body(reply));
            assertFalse(reply.headers().stream().anyMatch(h -> h.name().equals("Set-Cookie")), denied);
        }
        assertTrue(connector.context.sessions().all().isEmpty(), "no session for a denied request");
        assertEquals(0, service.sessionCount());

        assertEquals(200, get("/mxml?action=ping", null).status(), "a restriction that does not deny the client");
        assertEquals(200, get("/manager?action=ping", null).status(), "no restriction's prefix matches");
    }

    @Test
    void aRedirectLineAnswers302ToItsPathDecodedAndCaseIgnoredAndARestrictionStillWins() {
        http = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000, false, false,
                List.of("/ /static/config/index.html", "/old/rawman /rawman"), HttpSettings.DEFAULTS.tls(), List.of());
        HttpManagerReply root = get("/", null);
        assertEquals(302, root.status());
        assertEquals("Moved Temporarily", root.reason());
        assertEquals(List.of(new Header("Server", "Asterisk"), new Header("Cache-Control", "no-cache, no-store"),
                new Header("Location", "/static/config/index.html")), root.headers());
        assertEquals(0, root.body().length);
        assertEquals("/rawman", get("/OLD/%72awman?action=ping", null).headers().get(2).value());
        assertEquals(200, get("/rawman?action=ping", null).status(), "a path no line names is served as before");
        assertEquals(1, service.sessionCount(), "only the Ping made a session, not the redirects");

        http = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000, false, false,
                List.of("/ /static/config/index.html"), HttpSettings.DEFAULTS.tls(),
                List.of(new UriRestriction("/", new AccessList(AclRule.parse(false, "127.0.0.0/8")))));
        assertEquals(403, get("/", null).status());
    }

    @Test
    void oneAddressKeepsABoundedNumberOfSessionsThatHaveNotLoggedInAndLoggedInOnesAreNeverEnded() throws Exception {
        String loggedIn = login();
        int flood = HttpSessions.MAX_STRANGERS_PER_ADDRESS + 50;
        for (int i = 0; i < flood; i++) {
            assertEquals(200, get("/rawman?action=ping", null).status());
        }
        // the ends are handed to the sessions' thread: let it run them
        assertEquals(42, loops.next().submit(() -> 42).get(5, TimeUnit.SECONDS));
        assertEquals(HttpSessions.MAX_STRANGERS_PER_ADDRESS + 1, service.sessionCount(), "the flooder churns its own");
        assertTrue(body(get("/rawman?action=ping", loggedIn)).contains("Ping: Pong"), "the logged-in one lives");
        HttpManagerReply other = await(service.handle(new HttpManagerRequest("GET", "/rawman", "action=ping", "",
                new byte[0], List.of(), LOCAL, new InetSocketAddress("127.0.0.2", 45000))).toCompletableFuture());
        assertEquals(200, other.status(), "another address is not refused");
    }

    @Test
    void withSessionKeepAliveZeroEveryAnswerClosesTheConnection() {
        assertFalse(get("/rawman?action=ping", null).closes(), "keep-alive by default");
        http = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 0, false, false, List.of(),
                HttpSettings.DEFAULTS.tls(), List.of());
        for (String path : new String[] {"/rawman?action=ping", "/nosuchpath", "/arawman?action=ping"}) {
            HttpManagerReply reply = get(path, null);
            assertEquals(List.of(new Header("Server", "Asterisk"), HttpManagerReply.CONNECTION_CLOSE),
                    reply.headers().subList(0, 2), path);
            assertEquals(1, reply.headers().stream().filter(HttpManagerReply::isConnectionClose).count(), path);
        }
    }

    @Test
    void aSessionLivesOnTheCallersThreadAndItsAnswerIsReadyOnReturn() throws Exception {
        DefaultEventLoopGroup caller = new DefaultEventLoopGroup(1);
        try {
            LoopThread thread = new LoopThread(caller.next());
            CompletableFuture<Boolean> readyOnReturn = new CompletableFuture<>();
            caller.submit(() -> {
                var login = service.handle(new HttpManagerRequest("GET", "/rawman", "action=login&username=admin"
                        + "&secret=s3cret", "", new byte[0], List.of(), LOCAL, REMOTE), thread).toCompletableFuture();
                String id = cookie(login.join());
                var ping = service.handle(new HttpManagerRequest("GET", "/rawman", "action=ping", "", new byte[0],
                        List.of("mansession_id=\"" + id + "\""), LOCAL, REMOTE), thread).toCompletableFuture();
                readyOnReturn.complete(login.isDone() && ping.isDone() && body(ping.join()).contains("Ping: Pong"));
            }).get(10, TimeUnit.SECONDS);
            assertTrue(readyOnReturn.get(), "answered without a change of threads");
            // from another thread the same session is still served, on its own thread
            String id = cookie(get("/rawman?action=login&username=admin&secret=s3cret", null));
            assertTrue(body(get("/rawman?action=ping", id)).contains("Ping: Pong"));
        } finally {
            caller.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void securityEventsOfASessionOverHttpsNameTls() throws Exception {
        HttpManagerReply login = await(service.handle(new HttpManagerRequest("GET", "/rawman",
                "action=login&username=admin&secret=s3cret", "", new byte[0], List.of(), LOCAL, REMOTE, "", true))
                .toCompletableFuture());
        String events = body(get("/rawman?action=waitevent&timeout=0", cookie(login)));
        assertTrue(events.contains("LocalAddress: IPV4/TLS/127.0.0.1/8088\r\nRemoteAddress: IPV4/TLS/127.0.0.1/45000\r\n"),
                events);
    }

    @Test
    void withoutACookieEachRequestIsANewSessionThatMayDoNothingAndIsNotCountedForAuthlimit() {
        HttpManagerReply first = get("/rawman?action=ping", null);
        assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n", body(first));
        HttpManagerReply second = get("/rawman?action=ping", "0000beef");
        assertNotEquals(cookie(first), cookie(second), "an unknown cookie starts a new session");
        assertEquals(0, connector.context.sessions().unauthenticatedCount());
    }

    @Test
    void aFailedLoginAnswersASecondLaterAndEndsItsSession() {
        String id = cookie(get("/rawman?action=ping", null));
        long start = System.nanoTime();
        HttpManagerReply failed = get("/rawman?action=login&username=admin&secret=bad", id);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 900, "Asterisk's one-second delay");
        assertEquals("Response: Error\r\nMessage: Authentication failed\r\n\r\n", body(failed));
        assertNotEquals(id, cookie(get("/rawman?action=ping", id)), "the session is gone");
    }

    @Test
    void logoffEndsTheSession() {
        String id = login();
        HttpManagerReply bye = get("/rawman?action=logoff", id);
        assertEquals("Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n\r\n", body(bye));
        HttpManagerReply after = get("/rawman?action=ping", id);
        assertNotEquals(id, cookie(after));
        assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n", body(after));
    }

    @Test
    void waitEventIsALongPollThatAnEventEnds() throws Exception {
        String id = login();
        CompletableFuture<HttpManagerReply> poll = send("/rawman?action=waitevent&timeout=30", id);
        // the request waits without a thread: the session's only loop takes other work meanwhile
        assertEquals(42, loops.next().submit(() -> 42).get(5, TimeUnit.SECONDS));
        assertFalse(poll.isDone());
        AmiSession session = connector.context.sessions().all().iterator().next();
        assertEquals(1, session.transport().requestsInProgress(), "manager show connected's HttpCnt");
        connector.context.publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "HttpEvt")
                .header("Foo", "bar").build());
        assertEquals("Response: Success\r\nMessage: Waiting for Event completed.\r\n\r\n"
                + "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: HttpEvt\r\nFoo: bar\r\n\r\n"
                + "Event: WaitEventComplete\r\n\r\n", body(await(poll)));
        assertEquals(0, session.transport().requestsInProgress());
    }

    @Test
    void eventsWaitInTheQueueUntilAWaitEventCollectsThem() {
        String id = login();
        connector.context.publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "Queued").build());
        assertEquals("Response: Success\r\nPing: Pong\r\nTimestamp: <t>\r\n\r\n",
                maskTimestamp(body(get("/rawman?action=ping", id))), "no event in another answer");
        assertEquals("Response: Success\r\nMessage: Waiting for Event completed.\r\n\r\n"
                + "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Queued\r\n\r\n"
                + "Event: WaitEventComplete\r\n\r\n", body(get("/rawman?action=waitevent&timeout=30", id)));
    }

    @Test
    void aSessionThatDoesNotPollForgetsItsOldestEventsAndIsNotEnded() {
        String id = login();
        AmiSession session = connector.context.sessions().all().iterator().next();
        int published = 10_005;
        for (int i = 0; i < published; i++) {
            connector.context.publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "E" + i).build());
        }
        // a TCP session is ended at 10,000 waiting events; an HTTP one keeps the newest 10,000
        assertEquals("Response: Success\r\nPing: Pong\r\nTimestamp: <t>\r\n\r\n",
                maskTimestamp(body(get("/rawman?action=ping", id))), "still logged in");
        assertFalse(session.wasOverflowed());
        String events = body(get("/rawman?action=waitevent&timeout=30", id));
        assertFalse(events.contains("UserEvent: E4\r\n"), "the oldest are forgotten");
        assertTrue(events.contains("UserEvent: E5\r\n") && events.contains("UserEvent: E10004\r\n"));
        assertEquals(10_000, events.split("Event: UserEvent\r\n", -1).length - 1);
        assertEquals(5, session.statistics().dropped());
    }

    @Test
    void aNewRequestOfTheSessionEndsItsPendingWaitEvent() {
        String id = login();
        CompletableFuture<HttpManagerReply> poll = send("/rawman?action=waitevent", id);
        get("/rawman?action=ping", id);
        assertEquals("Response: Success\r\nMessage: Waiting for Event completed.\r\n\r\n"
                + "Event: WaitEventComplete\r\n\r\n", body(await(poll)));
    }

    @Test
    void aWaitEventIsCappedAtTheSessionsRemainingLifetimeLessTenSeconds() {
        String id = login();
        AmiSession session = connector.context.sessions().all().iterator().next();
        clock.advance(Duration.ofSeconds(45)); // 15 s of the 60 left
        assertEquals(5, session.transport().boundWaitEvent(session, -1));
        assertEquals(5, session.transport().boundWaitEvent(session, 600));
        assertEquals(3, session.transport().boundWaitEvent(session, 3));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(0, session.transport().boundWaitEvent(session, -1), "late: at once");
        assertEquals(id, cookie(get("/rawman?action=ping", id)), "still alive, and the request renews it");
    }

    @Test
    void anIdleSessionExpiresAfterHttptimeoutAndFiveSecondsBeforeLogin() throws Exception {
        String unauthenticated = cookie(get("/rawman?action=ping", null));
        String id = login();
        clock.advance(Duration.ofSeconds(6));
        assertNotEquals(unauthenticated, cookie(get("/rawman?action=ping", unauthenticated)), "5 s before login");
        assertEquals(id, cookie(get("/rawman?action=ping", id)));
        clock.advance(Duration.ofSeconds(61));
        assertNotEquals(id, cookie(get("/rawman?action=ping", id)), "httptimeout after the last request");

        // the purge removes expired sessions from the connector (the new ones above expire too)
        clock.advance(Duration.ofSeconds(61));
        service.purgeNow();
        for (int i = 0; i < 50 && service.sessionCount() > 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(0, service.sessionCount());
        assertTrue(connector.context.sessions().all().isEmpty());
    }

    @Test
    void closingEverySessionFromAnotherThreadAnswersAPendingWaitEventAndEndsTheSession() throws Exception {
        String id = login();
        CompletableFuture<HttpManagerReply> poll = send("/rawman?action=waitevent", id);
        assertEquals(0, loops.next().submit(() -> 0).get(5, TimeUnit.SECONDS)); // the wait has started
        assertFalse(poll.isDone());
        connector.context.sessions().closeAll(); // as the listener does when it stops
        assertEquals("Response: Success\r\nMessage: Waiting for Event completed.\r\n\r\n"
                + "Event: WaitEventComplete\r\n\r\n", body(await(poll)));
        for (int i = 0; i < 50 && service.sessionCount() > 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(0, service.sessionCount());
        assertNotEquals(id, cookie(get("/rawman?action=ping", id)));
    }

    @Test
    void aKickedSessionAnswersItsPendingWaitEventAndItsCookieNoLongerWorks() throws Exception {
        String id = login();
        AmiSession session = connector.context.sessions().all().iterator().next();
        assertEquals("HTTP", session.statistics().transport());
        assertEquals("admin", session.statistics().username());
        assertEquals(connector.context.clock().instant(), session.statistics().loggedInAt(), "the connector's clock");
        CompletableFuture<HttpManagerReply> poll = send("/rawman?action=waitevent", id);
        assertEquals(0, loops.next().submit(() -> 0).get(5, TimeUnit.SECONDS)); // the wait has started
        assertFalse(poll.isDone());
        session.kick();
        assertEquals("Response: Success\r\nMessage: Waiting for Event completed.\r\n\r\n"
                + "Event: WaitEventComplete\r\n\r\n", body(await(poll)));
        for (int i = 0; i < 50 && service.sessionCount() > 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(0, service.sessionCount());
        assertTrue(connector.context.sessions().find(session.id()).isEmpty());
        HttpManagerReply after = get("/rawman?action=ping", id);
        assertNotEquals(id, cookie(after), "the cookie no longer finds it");
        assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n", body(after));
    }

    @Test
    void onlyWhenEnabledOnlyKnownMethodsAndBoundedBodies() {
        HttpManagerReply post = await(service.handle(new HttpManagerRequest("PUT", "/rawman", "action=ping",
                "", new byte[0], List.of(), LOCAL, REMOTE)).toCompletableFuture());
        assertEquals(501, post.status());
        HttpManagerReply big = await(service.handle(new HttpManagerRequest("POST", "/rawman", "",
                "application/x-www-form-urlencoded", new byte[40961], List.of(), LOCAL, REMOTE)).toCompletableFuture());
        assertEquals(413, big.status());

        http = new HttpSettings(false, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000, false, false, List.of(),
                HttpSettings.DEFAULTS.tls(), List.of());
        HttpManagerReply off = get("/rawman?action=ping", null);
        assertEquals(404, off.status());
        assertEquals("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n<title>404 Not Found</title>\r\n"
                + "</head><body>\r\n<h1>Not Found</h1>\r\n<p>The requested URL was not found on this server.</p>\r\n"
                + "<hr />\r\n<address>Asterisk</address>\r\n</body></html>\r\n", body(off));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-28T03:35:08Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
