package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.acl.AccessList;
import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.server.http.HttpManagerService;
import dev.ami.server.session.AmiSession;
import dev.ami.server.testing.TestConnector;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How long the listener takes to stop with many logged-in TCP sessions, some of them clients that
 * have stopped reading, and HTTP sessions waiting in a WaitEvent: measured and printed, never
 * asserted (only what each client received is). Every build runs small cases with a short drain
 * limit; the figures come from a run on purpose with the real limit, for example:
 *
 * <pre>
 * mvn test -pl ami-server -am -Dtest=StopTimeTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dami.stop.cases=0:0:0,100:0:0,1000:0:0,0:0:100,1000:10:0,1000:10:100 -Dami.stop.limit.ms=5000 -Dami.stop.runs=5
 * </pre>
 *
 * A case is {@code tcp:stalled:http}: logged-in TCP sessions that read, TCP sessions whose client
 * does not read (its socket and our outbound buffer full of events), HTTP sessions with a WaitEvent
 * pending. Each run uses a new listener on two event loops, as the adapter has on a two-core machine.
 */
class StopTimeTest {

    private static final String SHUTDOWN =
            "Event: Shutdown\r\nPrivilege: system,all\r\nShutdown: Cleanly\r\nRestart: False\r\n\r\n";
    private static final HttpSettings HTTP = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000,
            false, false, List.of(), HttpSettings.DEFAULTS.tls(), List.of());
    /** A writetimeout far beyond the limit, so that only the stop's limit ends a client that does not read. */
    private static final Account METER = new Account("meter", "m", Authority.ALL, Authority.ALL, AccessList.ALLOW_ALL,
            true, false, 600_000, List.of());
    private static final String PAD = "x".repeat(1000);

    private record Case(int reading, int stalled, int http) {
        static Case parse(String text) {
            int[] n = Arrays.stream(text.split(":")).mapToInt(Integer::parseInt).toArray();
            return new Case(n[0], n[1], n[2]);
        }
    }

    @Test
    void stopTimes() throws Exception {
        List<Case> cases = Arrays.stream(System.getProperty("ami.stop.cases", "0:0:0,10:0:0,10:2:2").split(","))
                .map(String::strip).map(Case::parse).toList();
        Duration limit = Duration.ofMillis(Long.getLong("ami.stop.limit.ms", 500));
        int runs = Integer.getInteger("ami.stop.runs", 1);
        System.out.printf("%nStop times (drain limit %d ms, %d run(s) each; listener close / event loops ended, ms)%n",
                limit.toMillis(), runs);
        for (Case c : cases) {
            List<String> figures = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                figures.add(measure(c, limit));
            }
            System.out.printf("  TCP reading %5d, TCP not reading %3d, HTTP WaitEvent %4d: %s%n", c.reading(), c.stalled(),
                    c.http(), String.join("  ", figures));
        }
    }

    private static String measure(Case c, Duration limit) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        AmiListener listener = new AmiListener(group,
                () -> CompletableFuture.failedFuture(new UnsupportedOperationException("no reload here")), limit);
        List<Socket> reading = new ArrayList<>();
        List<Socket> stalled = new ArrayList<>();
        try {
            listener.apply(new ManagerConfiguration(TestConnector.GENERAL.toBuilder().port(0).webEnabled(true)
                    .displayConnects(false).build(), List.of(METER), HTTP));
            int port = listener.boundAddress().getPort();
            for (int i = 0; i < c.reading(); i++) {
                reading.add(login(port, "system", false));
            }
            for (int i = 0; i < c.stalled(); i++) {
                stalled.add(login(port, "user", true));
            }
            fillUntilUnwritable(listener, stalled);
            List<CompletableFuture<HttpManagerReply>> polls = longPolls(listener.httpManager(), c.http());
            ListenerStopTest.waitFor(() -> listener.context().sessions().all().stream().filter(AmiSession::isWaiting)
                    .count() == c.http());

            StopSequence.Outcome outcome = listener.close();
            long loopsStart = System.nanoTime();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            long loopsMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loopsStart);

            // what each client received: never a time
            assertEquals(c.stalled(), outcome.atLimit(), "only the clients that do not read wait for the limit");
            for (Socket s : reading) {
                assertEquals(SHUTDOWN, ListenerStopTest.readToTheEnd(s.getInputStream()));
            }
            for (CompletableFuture<HttpManagerReply> poll : polls) {
                String body = new String(poll.get(10, TimeUnit.SECONDS).body(), StandardCharsets.ISO_8859_1);
                assertTrue(body.contains(SHUTDOWN) && body.endsWith("Event: WaitEventComplete\r\n\r\n"), body);
            }
            assertTrue(listener.context().sessions().all().isEmpty());
            return outcome.took().toMillis() + "/" + (outcome.took().toMillis() + loopsMillis);
        } finally {
            for (Socket s : reading) {
                s.close();
            }
            for (Socket s : stalled) {
                s.close();
            }
            listener.close();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static Socket login(int port, String events, boolean smallReceiveBuffer) throws Exception {
        Socket socket = new Socket();
        if (smallReceiveBuffer) {
            socket.setReceiveBufferSize(4096);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write(("Action: Login\r\nUsername: meter\r\nSecret: m\r\nEvents: " + events + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        ListenerStopTest.readUntil(socket.getInputStream(), "Authentication accepted\r\n\r\n");
        if (events.equals("system")) {
            ListenerStopTest.readUntil(socket.getInputStream(), "Status: Fully Booted\r\n\r\n");
        }
        return socket;
    }

    /** Routes padded user events (which only the non-reading clients receive) until none of them takes more. */
    private static void fillUntilUnwritable(AmiListener listener, List<Socket> stalled) {
        Set<Integer> ports = stalled.stream().map(Socket::getLocalPort).collect(Collectors.toSet());
        List<AmiSession> sessions = listener.context().sessions().all().stream()
                .filter(s -> ports.contains(s.remoteAddress().getPort())).toList();
        for (int sent = 0; sent < 9000 && sessions.stream().anyMatch(s -> s.transport().isWritable()); sent += 100) {
            for (int i = 0; i < 100; i++) {
                listener.context().publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "Fill")
                        .header("Pad", PAD).build());
            }
            ListenerStopTest.waitFor(() -> sessions.stream().allMatch(s -> s.pendingEvents() == 0
                    || !s.transport().isWritable()));
        }
    }

    private static List<CompletableFuture<HttpManagerReply>> longPolls(HttpManagerService http, int count) throws Exception {
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 8088);
        InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 45000);
        List<List<String>> cookies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpManagerReply login = http.handle(new HttpManagerRequest("GET", "/rawman",
                    "action=login&username=meter&secret=m", "", new byte[0], List.of(), local, remote))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            String cookie = login.headers().stream().filter(h -> h.name().equals("Set-Cookie")).findFirst()
                    .orElseThrow().value().split("\"")[1];
            cookies.add(List.of("mansession_id=\"" + cookie + "\""));
        }
        // every login's security events collected first, so that each WaitEvent waits for the Shutdown event
        for (List<String> cookie : cookies) {
            http.handle(new HttpManagerRequest("GET", "/rawman", "action=waitevent&timeout=0", "", new byte[0], cookie,
                    local, remote)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        List<CompletableFuture<HttpManagerReply>> polls = new ArrayList<>();
        for (List<String> cookie : cookies) {
            polls.add(http.handle(new HttpManagerRequest("GET", "/rawman", "action=waitevent", "", new byte[0], cookie,
                    local, remote)).toCompletableFuture());
        }
        return polls;
    }
}
