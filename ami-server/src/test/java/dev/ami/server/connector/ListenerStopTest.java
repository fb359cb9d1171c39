package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.message.Header;
import dev.ami.server.http.HttpManagerService;
import dev.ami.server.session.AmiSession;
import dev.ami.server.session.ConnectorContext;
import dev.ami.server.testing.TestConnector;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping the listener on real sockets, as the adapter stops it (close, then the event loops end):
 * what each session had received is answered before it closes, over TCP and over HTTP.
 */
class ListenerStopTest {

    private static final String SHUTDOWN =
            "Event: Shutdown\r\nPrivilege: system,all\r\nShutdown: Cleanly\r\nRestart: False\r\n\r\n";
    private static final HttpSettings HTTP = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000,
            false, false, List.of(), HttpSettings.DEFAULTS.tls(), List.of());
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8088);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 45000);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    /** What the next Reload waits for; the test completes it. */
    private volatile CompletableFuture<ManagerConfiguration> slowReload = new CompletableFuture<>();
    private final Semaphore reloadsAsked = new Semaphore(0);
    private final AmiListener listener = new AmiListener(group, () -> {
        reloadsAsked.release();
        return slowReload;
    });

    @AfterEach
    void stop() {
        listener.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static ManagerConfiguration config() {
        return new ManagerConfiguration(TestConnector.GENERAL.toBuilder().port(0).webEnabled(true).build(),
                TestConnector.ACCOUNTS, HTTP);
    }

    /** As the adapter stops: the listener closes, then its event loops end. */
    private void stopAsTheAdapterDoes() {
        listener.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The slow work ends a moment after the stop has begun, on a thread of its own, as a database read would. */
    private void finishTheReloadOnceStopping(ConnectorContext context) {
        Thread worker = new Thread(() -> {
            waitFor(context::isShuttingDown);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowReload.complete(config());
        }, "slow-reload");
        worker.setDaemon(true);
        worker.start();
    }

    private Socket loggedIn(String events) throws Exception {
        Socket socket = new Socket("127.0.0.1", listener.boundAddress().getPort());
        socket.getOutputStream().write(("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nEvents: " + events
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        readUntil(socket.getInputStream(), "Authentication accepted\r\n\r\n");
        if (events.equals("system")) {
            readUntil(socket.getInputStream(), "Status: Fully Booted\r\n\r\n");
        }
        return socket;
    }

    @Test
    void aRequestAwaitingSlowWorkAndTheRequestsReadBehindItAreAnsweredBeforeTheSessionCloses() throws Exception {
        listener.apply(config());
        ConnectorContext context = listener.context();
        try (Socket socket = loggedIn("system")) {
            socket.getOutputStream().write(("Action: Reload\r\nActionID: r\r\n\r\n"
                    + "Action: Ping\r\nActionID: p1\r\n\r\nAction: Ping\r\nActionID: p2\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            reloadsAsked.acquire(); // the Reload's work is under way
            finishTheReloadOnceStopping(context);
            stopAsTheAdapterDoes();
            // the Pings were read with the Reload and had not started: Asterisk's answer while it stops
            assertEquals(SHUTDOWN + "Response: Success\r\nActionID: r\r\nMessage: Module Reloaded\r\n\r\n"
                    + "Response: Error\r\nActionID: p1\r\nMessage: Asterisk is shutting down\r\n\r\n"
                    + "Response: Error\r\nActionID: p2\r\nMessage: Asterisk is shutting down\r\n\r\n"
                    + "Event: Reload\r\nPrivilege: system,all\r\nModule: All\r\nStatus: 0\r\n\r\n",
                    readToTheEnd(socket.getInputStream()));
        }
    }

    @Test
    void aPendingWaitEventEndsWithTheShutdownEventOrWithoutItForASessionThatDoesNotReadIt() throws Exception {
        listener.apply(config());
        try (Socket system = loggedIn("system"); Socket user = loggedIn("user")) {
            for (Socket s : List.of(system, user)) {
                s.getOutputStream().write("Action: WaitEvent\r\nActionID: w\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            waitFor(() -> listener.context().sessions().all().stream().filter(AmiSession::isWaiting).count() == 2);
            stopAsTheAdapterDoes();
            // as Asterisk's WaitEvent ends at the next event, whether or not the session may read it
            assertEquals("Response: Success\r\nActionID: w\r\nMessage: Waiting for Event completed.\r\n\r\n" + SHUTDOWN
                    + "Event: WaitEventComplete\r\nActionID: w\r\n\r\n", readToTheEnd(system.getInputStream()));
            assertEquals("Response: Success\r\nActionID: w\r\nMessage: Waiting for Event completed.\r\n\r\n"
                    + "Event: WaitEventComplete\r\nActionID: w\r\n\r\n", readToTheEnd(user.getInputStream()));
        }
    }

    @Test
    void anHttpRequestAwaitingSlowWorkIsAnsweredAndAPendingWaitEventEndsWithTheShutdownEvent() throws Exception {
        listener.apply(config());
        HttpManagerService http = listener.httpManager();
        String reloading = cookie(http.handle(request("action=login&username=admin&secret=s3cret", null))
                .toCompletableFuture().get(10, TimeUnit.SECONDS));
        String waiting = cookie(http.handle(request("action=login&username=admin&secret=s3cret", null))
                .toCompletableFuture().get(10, TimeUnit.SECONDS));
        http.handle(request("action=waitevent&timeout=0", waiting)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        CompletableFuture<HttpManagerReply> reload = http.handle(request("action=reload&actionid=r", reloading))
                .toCompletableFuture();
        CompletableFuture<HttpManagerReply> poll = http.handle(request("action=waitevent&actionid=w", waiting))
                .toCompletableFuture();
        reloadsAsked.acquire();
        waitFor(() -> listener.context().sessions().all().stream().anyMatch(AmiSession::isWaiting));
        finishTheReloadOnceStopping(listener.context());
        stopAsTheAdapterDoes();

        assertEquals("Response: Success\r\nActionID: r\r\nMessage: Module Reloaded\r\n\r\n",
                body(reload.get(10, TimeUnit.SECONDS)));
        assertEquals("Response: Success\r\nActionID: w\r\nMessage: Waiting for Event completed.\r\n\r\n" + SHUTDOWN
                + "Event: WaitEventComplete\r\nActionID: w\r\n\r\n", body(poll.get(10, TimeUnit.SECONDS)));
        assertTrue(listener.context().sessions().all().isEmpty(), "every session ended");
    }

    private static HttpManagerRequest request(String query, String cookie) {
        return new HttpManagerRequest("GET", "/rawman", query, "", new byte[0],
                cookie == null ? List.of() : List.of("mansession_id=\"" + cookie + "\""), LOCAL, REMOTE);
    }

    private static String cookie(HttpManagerReply reply) {
        String value = reply.headers().stream().filter(h -> h.name().equals("Set-Cookie")).findFirst()
                .map(Header::value).orElseThrow();
        return value.substring(value.indexOf('"') + 1, value.indexOf('"', value.indexOf('"') + 1));
    }

    private static String body(HttpManagerReply reply) {
        return new String(reply.body(), StandardCharsets.ISO_8859_1);
    }

    /** Waits for a condition another thread brings about; a test that never sees it fails on its own. */
    static void waitFor(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String readToTheEnd(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    static String readUntil(InputStream in, String end) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("closed early: " + out);
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
