package dev.ami.server.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Upstream;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.connector.UpstreamStatus.State;
import dev.ami.server.testing.LogCapture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ami's session with an upstream that replays Asterisk 22's recorded answers. */
class UpstreamConnectionTest {

    /** Short clocks, so that keep-alive and reconnects happen while a test waits. */
    static final UpstreamTiming FAST = new UpstreamTiming(Duration.ofMillis(200), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(400));

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final RecordingTraffic traffic = new RecordingTraffic();
    private ScriptedUpstream pbx;
    private UpstreamConnection connection;

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (pbx != null) {
            pbx.close();
        }
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    static Upstream upstream(String name, int port, String secret, Authority events) {
        return new Upstream(name, "127.0.0.1", port, false, true, "", "admin", secret, events, true, false);
    }

    private UpstreamConnection start(Upstream settings, UpstreamTiming timing) {
        connection = new UpstreamConnection(settings, group.next(), traffic, timing, Clock.systemUTC(), () -> 0.5, Runnable::run);
        connection.start();
        return connection;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void logsInWithTheRecordedChallengeAndListsTheActions() throws Exception {
        pbx = new ScriptedUpstream();
        start(upstream("pbx1", pbx.port(), "s3cret", Authority.ALL), UpstreamTiming.DEFAULT);

        assertEquals(List.of("Action: Challenge", "AuthType: MD5", "ActionID: ami-own-1"), pbx.nextRequest());
        assertEquals(List.of("Action: Login", "Username: admin", "AuthType: MD5", "Key: " + ScriptedUpstream.KEY,
                "Events: on", "ActionID: ami-own-2"), pbx.nextRequest());
        assertEquals(List.of("Action: ListCommands", "ActionID: ami-own-3"), pbx.nextRequest());

        // the events that follow the Login's answer reach the traffic once the session is connected, in order
        assertEquals("connected pbx1", traffic.next());
        assertTrue(traffic.next().startsWith("Event: FullyBooted|Privilege: system,all|Uptime: 95"));
        assertTrue(traffic.next().startsWith("Event: SuccessfulAuth|Privilege: security,all|"));
        UpstreamStatus status = connection.status();
        assertEquals(State.CONNECTED, status.state());
        assertEquals("Asterisk Call Manager/11.0.0", status.greeting());
        assertEquals(1, status.logins());
        assertEquals(0, status.failures());
        assertEquals(2, status.eventsReceived());
        assertNull(status.lastError());

        assertEquals(Optional.of(Authority.parse("system,call")), connection.actionClasses("absolutetimeout"));
        assertEquals(Optional.of(Authority.NONE), connection.actionClasses("BridgeDestroy"));
        assertEquals(Optional.of(Authority.parse("command")), connection.actionClasses("Command"));
        assertEquals(Optional.empty(), connection.actionClasses("Originate"));
    }

    @Test
    void forwardsRequestsAndHandsOnEverythingButItsOwnAnswersInOrder() throws Exception {
        pbx = new ScriptedUpstream();
        start(upstream("pbx1", pbx.port(), "s3cret", Authority.ALL), UpstreamTiming.DEFAULT);
        for (int i = 0; i < 3; i++) {
            pbx.nextRequest();
        }
        traffic.nextStarting("Event: SuccessfulAuth");
        assertTrue(connection.send(List.of("Action: Command", "Command: core show version", "ActionID: ami-7")));
        assertEquals(List.of("Action: Command", "Command: core show version", "ActionID: ami-7"), pbx.nextRequest());
        assertEquals("Response: Success|ActionID: ami-7|Message: Command output follows|Output: Asterisk 22.10.1 built by"
                + " root @ vm on a x86_64 running Linux on 2026-11-28 03:22:16 UTC", traffic.next());
        pbx.write("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: MyEvent\r\nActionID: ue-1\r\n"
                + "X-Empty: \r\n\r\nEvent: CoreShowChannelsComplete\r\nActionID: ami-8\r\nListItems: 0\r\n\r\n");
        assertEquals("Event: UserEvent|Privilege: user,all|UserEvent: MyEvent|ActionID: ue-1|X-Empty: ", traffic.next());
        assertEquals("Event: CoreShowChannelsComplete|ActionID: ami-8|ListItems: 0", traffic.next());
        // an event is never the connection's own, whatever ActionID its sender gave
        pbx.write("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Odd\r\nActionID: ami-own-2\r\n\r\n");
        assertEquals("Event: UserEvent|Privilege: user,all|UserEvent: Odd|ActionID: ami-own-2", traffic.next());
        UpstreamStatus status = connection.status();
        assertEquals(1, status.actionsForwarded());
        assertEquals(4, status.eventsReceived()); // the list's end carries no Privilege: not a broadcast event
        traffic.pending = 4;
        assertEquals(4, connection.status().actionsPending());
    }

    @Test
    void aPlainSecretWhenTheUpstreamRefusesTheChallengeAndTheEventsAskedFor() throws Exception {
        pbx = new ScriptedUpstream();
        pbx.answers = request -> ScriptedUpstream.value(request, "Action").equals("Challenge")
                ? "Response: Error\r\nActionID: " + ScriptedUpstream.value(request, "ActionID")
                        + "\r\nMessage: Must specify AuthType\r\n\r\n"
                : ScriptedUpstream.asterisk(request);
        start(upstream("pbx1", pbx.port(), "s3cret", Authority.parse("system,call")), UpstreamTiming.DEFAULT);
        pbx.nextRequest();
        assertEquals(List.of("Action: Login", "Username: admin", "Secret: s3cret", "Events: system,call",
                "ActionID: ami-own-2"), pbx.nextRequest());
        assertEquals("connected pbx1", traffic.next());
    }

    @Test
    void theEventsHeaderNamesClassesNeverAll() {
        assertEquals("on", UpstreamSession.eventsHeader(Authority.ALL));
        assertEquals("off", UpstreamSession.eventsHeader(Authority.NONE));
        assertEquals("system,call,user", UpstreamSession.eventsHeader(Authority.parse("user,call,system")));
        assertEquals(ScriptedUpstream.KEY, UpstreamSession.md5Hex(ScriptedUpstream.CHALLENGE + "s3cret"));
    }

    @Test
    void keepAlivePingsMeasureTheLagAndAPingWithoutAnswerEndsTheSession() throws Exception {
        pbx = new ScriptedUpstream();
        start(upstream("pbx1", pbx.port(), "s3cret", Authority.ALL), FAST);
        for (int i = 0; i < 3; i++) {
            pbx.nextRequest();
        }
        List<String> ping = pbx.nextRequest();
        assertEquals("Ping", ScriptedUpstream.value(ping, "Action"));
        assertTrue(ScriptedUpstream.value(ping, "ActionID").startsWith("ami-own-"));
        await("a lag", () -> connection.status().lagMicros() >= 0);
        traffic.nextStarting("Event: SuccessfulAuth");

        pbx.answers = request -> ScriptedUpstream.value(request, "Action").equals("Ping") ? null
                : ScriptedUpstream.asterisk(request);
        assertEquals("disconnected pbx1: no answer to Ping within 200 ms", traffic.nextStarting("disconnected"));
        // the Pong answers never reached the traffic: they were the connection's own
        await("retrying", () -> connection.status().state() != State.CONNECTED);
    }

    @Test
    void aLostUpstreamIsRetriedWithBackoffAndReconnectsByItself() throws Exception {
        pbx = new ScriptedUpstream();
        int port = pbx.port();
        start(upstream("pbx1", port, "s3cret", Authority.ALL), FAST);
        traffic.nextStarting("connected");
        pbx.close(); // the upstream goes away: its session ends, and new connections are refused
        assertTrue(traffic.nextStarting("disconnected pbx1: ").startsWith("disconnected pbx1: "));
        assertFalse(connection.send(List.of("Action: Command", "Command: core show version")));
        await("failed attempts", () -> connection.status().failures() >= 2);
        UpstreamStatus retrying = connection.status();
        assertEquals(State.RETRYING, retrying.state());
        assertTrue(retrying.lastError().startsWith("cannot connect to 127.0.0.1:" + port), retrying.lastError());
        assertTrue(retrying.nextAttempt() != null && !retrying.nextAttempt().isBefore(retrying.since()));

        pbx = ScriptedUpstream.on(port); // back on the same port
        assertEquals("connected pbx1", traffic.nextStarting("connected"));
        UpstreamStatus back = connection.status();
        assertEquals(State.CONNECTED, back.state());
        assertEquals(2, back.logins());
        assertNull(back.nextAttempt());
    }

    @Test
    void aLineLongerThanTheLimitEndsTheSessionWithItsReason() throws Exception {
        pbx = new ScriptedUpstream();
        start(upstream("pbx1", pbx.port(), "s3cret", Authority.ALL), FAST);
        traffic.nextStarting("Event: SuccessfulAuth");
        pbx.write("Response: Success\r\nActionID: ami-9\r\nOutput: " + "x".repeat(UpstreamFrameDecoder.MAX_LINE)
                + "\r\n\r\n");
        assertEquals("disconnected pbx1: the upstream sent a line longer than 65536 bytes",
                traffic.nextStarting("disconnected"));
    }

    @Test
    void aWrongSecretIsAFailedAttemptRetriedAndLoggedOnce() throws Exception {
        pbx = new ScriptedUpstream();
        UpstreamStatus status;
        try (LogCapture log = LogCapture.of(UpstreamConnection.class)) {
            start(upstream("pbx1", pbx.port(), "wrong", Authority.ALL), FAST);
            await("three failed logins", () -> connection.status().failures() >= 3);
            status = connection.status();
            assertEquals(List.of("Upstream pbx1 (127.0.0.1:" + pbx.port() + ", user admin): login refused: Authentication"
                    + " failed; trying again with a backoff of 50 ms to 400 ms"), log.messages());
        }
        assertEquals("login refused: Authentication failed", status.lastError());
        assertEquals(0, status.logins());
        assertTrue(pbx.accepted >= 2);
        assertTrue(traffic.calls.isEmpty(), "nothing reaches the traffic before a login: " + traffic.calls);
    }

    @Test
    void aHostNameIsLookedUpOffTheEventLoop() throws Exception {
        pbx = new ScriptedUpstream();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.Executor lookups = work -> new Thread(() -> {
            threads.add(Thread.currentThread().getName());
            work.run();
        }, "lookup").start();
        Upstream byName = new Upstream("pbx1", "localhost", pbx.port(), false, true, "", "admin", "s3cret",
                Authority.ALL, true, false);
        connection = new UpstreamConnection(byName, group.next(), traffic, FAST, Clock.systemUTC(), () -> 0.5, lookups);
        connection.start();
        assertEquals("connected pbx1", traffic.nextStarting("connected"));
        assertEquals(List.of("lookup"), threads);
        connection.close();

        Upstream unknown = new Upstream("pbx2", "no-such-host.invalid", 5038, false, true, "", "admin", "s3cret",
                Authority.ALL, true, false);
        connection = new UpstreamConnection(unknown, group.next(), traffic, FAST, Clock.systemUTC(), () -> 0.5, lookups);
        connection.start();
        await("a failed lookup", () -> connection.status().failures() >= 1);
        assertEquals("cannot connect to no-such-host.invalid:5038: unknown host no-such-host.invalid",
                connection.status().lastError());
    }

    @Test
    void aServerThatIsNotAmiIsLeft() throws Exception {
        pbx = new ScriptedUpstream();
        pbx.greeting = "SSH-2.0-OpenSSH_9.6\r\n";
        start(upstream("pbx1", pbx.port(), "s3cret", Authority.ALL), FAST);
        await("a failure", () -> connection.status().failures() >= 1);
        assertEquals("not an AMI server: it greeted with 'SSH-2.0-OpenSSH_9.6'", connection.status().lastError());
    }

    @Test
    void closingLogsOffAndStopsRetrying() throws Exception {
        pbx = new ScriptedUpstream();
        start(upstream("pbx1", pbx.port(), "s3cret", Authority.ALL), FAST);
        traffic.nextStarting("connected");
        connection.close();
        assertEquals("disconnected pbx1: ami closed the session", traffic.nextStarting("disconnected"));
        List<String> last;
        do {
            last = pbx.nextRequest();
        } while (!ScriptedUpstream.value(last, "Action").equals("Logoff"));
        Thread.sleep(500); // several backoffs' worth: no new attempt
        assertEquals(1, pbx.accepted);
        connection = null;
    }
}
