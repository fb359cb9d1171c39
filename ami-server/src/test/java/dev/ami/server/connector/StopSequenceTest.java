package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.server.http.HttpManagerService;
import dev.ami.server.testing.TestConnector;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stop sequence on embedded connections and the HTTP manager: what was read is answered (the
 * request under way with its own answer, the rest with Asterisk's shutting-down error), nothing
 * more is read, and a session that does not drain is closed at the limit.
 */
class StopSequenceTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final String SHUTDOWN =
            "Event: Shutdown\r\nPrivilege: system,all\r\nShutdown: Cleanly\r\nRestart: False\r\n\r\n";
    private static final String RELOAD_EVENT = "Event: Reload\r\nPrivilege: system,all\r\nModule: All\r\nStatus: 0\r\n\r\n";

    private final TestConnector connector = new TestConnector(TestConnector.GENERAL.toBuilder().webEnabled(true).build(),
            TestConnector.ACCOUNTS);
    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);

    @AfterEach
    void stopLoops() throws InterruptedException {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    private TestConnector.Connection loggedIn() {
        TestConnector.Connection c = connector.login("admin", "s3cret");
        c.read();
        return c;
    }

    /** @return everything written until the connection closed (at most as many turns of its loop as given) */
    private static String readUntilClosed(TestConnector.Connection c, int turns) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < turns && c.channel().isOpen(); i++) {
            all.append(c.read());
        }
        return all.append(c.read()).toString();
    }

    private static String shuttingDown(String actionId) {
        return "Response: Error\r\nActionID: " + actionId + "\r\nMessage: Asterisk is shutting down\r\n\r\n";
    }

    @Test
    void requestsReadBehindOneAwaitingSlowWorkAreAnsweredAfterItEvenBeyondWhatTheDecoderHadFramed() {
        connector.slowReload = new CompletableFuture<>();
        TestConnector.Connection c = loggedIn();
        StringBuilder pings = new StringBuilder();
        StringBuilder refused = new StringBuilder();
        int count = 3 * 128; // beyond the framed requests a connection holds: the rest waits in the decoder's buffer
        for (int i = 0; i < count; i++) {
            pings.append("Action: Ping\r\nActionID: p").append(i).append("\r\n\r\n");
            refused.append(shuttingDown("p" + i));
        }
        assertEquals("", c.exchange("Action: Reload\r\nActionID: r\r\n\r\n" + pings), "the Reload's work is under way");

        StopSequence stop = StopSequence.begin(connector.context, LIMIT);
        assertEquals(SHUTDOWN, c.read());
        assertTrue(c.channel().isOpen(), "the Reload is not answered yet");
        assertFalse(stop.closed().isDone());

        connector.slowReload.complete(connector.stored);
        String rest = readUntilClosed(c, 100);
        assertFalse(c.channel().isOpen());
        assertTrue(rest.contains(RELOAD_EVENT), rest);
        assertEquals("Response: Success\r\nActionID: r\r\nMessage: Module Reloaded\r\n\r\n" + refused,
                rest.replace(RELOAD_EVENT, ""), "every request read is answered, in order; none of them ran");
        assertTrue(stop.closed().isDone());
        assertEquals(0, stop.await().atLimit());
    }

    @Test
    void nothingMoreIsReadOnceTheStopBeginsAndAConnectionThatArrivesLaterIsClosedWithoutAGreeting() {
        TestConnector.Connection c = loggedIn();
        c.channel().unsafe().outboundBuffer().setUserDefinedWritability(1, false); // its Shutdown event must wait
        c.channel().runPendingTasks();
        assertTrue(c.channel().config().isAutoRead());
        StopSequence.begin(connector.context, LIMIT);
        c.read();
        assertTrue(c.channel().isOpen());
        assertFalse(c.channel().config().isAutoRead(), "reading stops with the stop");

        TestConnector.Connection late = connector.open();
        assertFalse(late.channel().isOpen());
        assertEquals("", late.read());
    }

    @Test
    void anIdleSessionClosesOnceTheShutdownEventIsWrittenAndOneNotLoggedInWithoutIt() {
        TestConnector.Connection admin = loggedIn();
        TestConnector.Connection stranger = connector.connect();
        StopSequence stop = StopSequence.begin(connector.context, LIMIT);
        assertEquals(SHUTDOWN, readUntilClosed(admin, 10));
        assertEquals("", readUntilClosed(stranger, 10));
        assertFalse(admin.channel().isOpen());
        assertFalse(stranger.channel().isOpen());
        assertTrue(stop.closed().isDone());
        assertEquals(2, stop.await().sessions());
    }

    /** A client that takes no bytes: no write ever completes. */
    private static final class StalledWrites extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Test
    void aSessionWhoseWritesNeverCompleteIsClosedAtTheLimitAndNoLater() {
        TestConnector.Connection stalled = loggedIn();
        EmbeddedChannel channel = stalled.channel();
        channel.pipeline().addFirst(new StalledWrites());
        TestConnector.Connection reading = loggedIn();
        channel.freezeTime();

        StopSequence stop = StopSequence.begin(connector.context, LIMIT);
        stalled.read();
        assertEquals(SHUTDOWN, readUntilClosed(reading, 10), "the other session is not held up");
        assertTrue(channel.isOpen(), "its last write has not gone out");
        channel.advanceTimeBy(LIMIT.toMillis() - 1, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
        assertTrue(channel.isOpen(), "not before the limit");
        assertFalse(stop.closed().isDone());

        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
        assertFalse(channel.isOpen(), "closed at the limit");
        assertTrue(stop.closed().isDone());
        StopSequence.Outcome outcome = stop.await();
        assertEquals(2, outcome.sessions());
        assertEquals(1, outcome.atLimit());
    }

    @Test
    void aSlowReaderGetsItsQueuedEventsAndTheShutdownEventBeforeTheConnectionCloses() {
        TestConnector.Connection slow = loggedIn();
        EmbeddedChannel channel = slow.channel();
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        channel.runPendingTasks();
        connector.context.publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "Late").build());

        StopSequence stop = StopSequence.begin(connector.context, LIMIT);
        assertEquals("", slow.read(), "the client takes nothing yet");
        assertTrue(channel.isOpen());

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Late\r\n\r\n" + SHUTDOWN,
                readUntilClosed(slow, 10));
        assertFalse(channel.isOpen());
        assertTrue(stop.closed().isDone());
    }

    // --- HTTP

    private static final HttpSettings HTTP = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000,
            false, false, List.of(), HttpSettings.DEFAULTS.tls(), List.of());
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8088);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 45000);

    private HttpManagerService http() {
        HttpManagerService service = new HttpManagerService(connector.context, connector.actions, loops, () -> HTTP,
                Clock.systemUTC());
        service.start();
        return service;
    }

    private static CompletableFuture<HttpManagerReply> get(HttpManagerService service, String query, String cookie) {
        return service.handle(new HttpManagerRequest("GET", "/rawman", query, "", new byte[0],
                cookie == null ? List.of() : List.of("mansession_id=\"" + cookie + "\""), LOCAL, REMOTE))
                .toCompletableFuture();
    }

    private static String cookie(HttpManagerReply reply) {
        String value = reply.headers().stream().filter(h -> h.name().equals("Set-Cookie")).findFirst().orElseThrow().value();
        return value.substring(value.indexOf('"') + 1, value.indexOf('"', value.indexOf('"') + 1));
    }

    private static String body(CompletableFuture<HttpManagerReply> reply) throws Exception {
        return new String(reply.get(10, TimeUnit.SECONDS).body(), StandardCharsets.ISO_8859_1);
    }

    /** Lets the sessions' only loop run what was handed to it so far. */
    private void settle() throws Exception {
        loops.next().submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anHttpRequestDuringTheStopIsAnsweredAsAsteriskAnswersItAndLeavesNoSession() throws Exception {
        HttpManagerService service = http();
        String id = cookie(get(service, "action=login&username=admin&secret=s3cret", null).get(10, TimeUnit.SECONDS));
        StopSequence stop = StopSequence.begin(connector.context, LIMIT);
        stop.closed().get(10, TimeUnit.SECONDS); // the idle session ended at once

        assertEquals("Response: Error\r\nMessage: Asterisk is shutting down\r\n\r\n", body(get(service, "action=ping", id)));
        settle();
        assertTrue(connector.context.sessions().all().isEmpty(), "the session made for it ended with its answer");
        assertEquals(0, service.sessionCount());
    }

    @Test
    void anHttpRequestWhoseWorkDoesNotEndByTheLimitFailsAndTheStopEnds() throws Exception {
        connector.slowReload = new CompletableFuture<>(); // never ends
        HttpManagerService service = http();
        String id = cookie(get(service, "action=login&username=admin&secret=s3cret", null).get(10, TimeUnit.SECONDS));
        CompletableFuture<HttpManagerReply> reload = get(service, "action=reload", id);
        settle();
        assertFalse(reload.isDone());

        StopSequence stop = StopSequence.begin(connector.context, Duration.ofMillis(200));
        stop.closed().get(10, TimeUnit.SECONDS);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> reload.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause(), "the web side answers a server error");
        assertEquals(1, stop.await().atLimit());
        assertEquals(0, service.sessionCount());
    }
}
