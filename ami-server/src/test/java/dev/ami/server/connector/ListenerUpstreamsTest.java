package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.Upstream;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.event.ManagerEvent;
import dev.ami.server.tcp.AmiChannelInitializer;
import dev.ami.server.testing.TestConnector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listener keeps a session with each configured upstream (here another ami): the upstream's
 * events reach the listener's clients, its status shows through the link and the CLI, and a
 * configuration without it ends the session.
 */
class ListenerUpstreamsTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final TestConnector other = new TestConnector();
    private final Channel otherListener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new AmiChannelInitializer(other.context, other.actions, "TCP"))
            .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    private final AmiListener listener = new AmiListener(group,
            () -> CompletableFuture.failedFuture(new UnsupportedOperationException("no reload here")));

    @AfterEach
    void stop() {
        listener.close();
        otherListener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ManagerConfiguration config(List<Upstream> upstreams) {
        return new ManagerConfiguration(TestConnector.GENERAL.toBuilder().port(0).build(), TestConnector.ACCOUNTS, null,
                upstreams);
    }

    @Test
    void anUpstreamsEventsReachTheClientsAndItsStatusShows() throws Exception {
        int port = ((InetSocketAddress) otherListener.localAddress()).getPort();
        Upstream b = new Upstream("nodeB", "127.0.0.1", port, false, true, "", "admin", "s3cret", Authority.ALL, true,
                true);
        listener.apply(config(List.of(b)));
        await(() -> listener.upstreams().connected("nodeb").isPresent());

        try (Socket client = new Socket("127.0.0.1", listener.boundAddress().getPort())) {
            InputStream in = client.getInputStream();
            readUntil(in, "Asterisk Call Manager/11.0.0\r\n");
            client.getOutputStream().write("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nEvents: user\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            readUntil(in, "Authentication accepted\r\n\r\n");
            other.context.publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "FromB").build());
            assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUpstream: nodeB\r\nUserEvent: FromB\r\n\r\n",
                    readUntil(in, "\r\n\r\n"));

            client.getOutputStream().write("Action: Command\r\nCommand: manager show upstreams\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String cli = readUntil(in, "configured.\r\n\r\n");
            assertTrue(cli.contains("Output:   nodeB                 127.0.0.1:" + port), cli);
            assertTrue(cli.contains("CONNECTED"), cli);

            // an action for the upstream goes there and is answered under the client's own ActionID
            List<String> raisedOnB = new java.util.concurrent.CopyOnWriteArrayList<>();
            other.context.router().subscribe("test", e -> raisedOnB.add(e.header("UserEvent").orElse("")));
            client.getOutputStream().write("Action: UserEvent\r\nUpstream: nodeB\r\nUserEvent: Hi\r\nActionID: mine\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = readUntil(in, "Message: Event Sent\r\n\r\n");
            assertTrue(answer.endsWith("Response: Success\r\nActionID: mine\r\nMessage: Event Sent\r\n\r\n"), answer);
            await(() -> raisedOnB.contains("Hi"));
            assertEquals(1, other.context.sessions().all().size()); // the upstream sees ami's one session
        }

        AmiConnectorLink link = new AmiConnectorLink(listener.context(), listener.actions(), listener::httpManager,
                listener::listening, Map::of);
        UpstreamStatus status = link.upstreams().get(0);
        assertEquals("nodeB", status.name());
        assertEquals(UpstreamStatus.State.CONNECTED, status.state());
        assertEquals(1, status.logins());

        listener.apply(config(List.of()));
        await(() -> other.context.sessions().all().isEmpty());
        assertTrue(link.upstreams().isEmpty());
    }

    @Test
    void closingTheListenerLogsOffItsUpstreams() throws Exception {
        int port = ((InetSocketAddress) otherListener.localAddress()).getPort();
        listener.apply(config(List.of(new Upstream("nodeB", "127.0.0.1", port, false, true, "", "admin", "s3cret",
                Authority.ALL, true, false))));
        await(() -> listener.upstreams().connected("nodeB").isPresent());
        listener.close();
        await(() -> other.context.sessions().all().isEmpty());
        assertTrue(listener.upstreams().statuses().isEmpty());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached");
            }
            Thread.sleep(10);
        }
    }

    private static String readUntil(InputStream in, String end) throws Exception {
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
