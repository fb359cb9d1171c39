package dev.ami.server.upstream;

import static dev.ami.server.upstream.UpstreamConnectionTest.await;
import static dev.ami.server.upstream.UpstreamConnectionTest.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.UpstreamStatus.State;
import dev.ami.api.event.ManagerEvent;
import dev.ami.server.tcp.AmiChannelInitializer;
import dev.ami.server.testing.TestConnector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A second ami as the upstream: its own listener and accounts answer the Challenge, Login, ListCommands and Ping. */
class AmiAsUpstreamTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final TestConnector other = new TestConnector();
    private final RecordingTraffic traffic = new RecordingTraffic();
    private final Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new AmiChannelInitializer(other.context, other.actions, "TCP"))
            .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    private UpstreamConnection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void connect(String secret, Authority events) {
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        connection = new UpstreamConnection(upstream("other", port, secret, events), group.next(), traffic,
                UpstreamConnectionTest.FAST, Clock.systemUTC(), () -> 0.5, Runnable::run);
        connection.start();
    }

    @Test
    void anEventPublishedOnTheOtherAmiReachesTheTraffic() throws Exception {
        connect("s3cret", Authority.ALL);
        assertEquals("connected other", traffic.nextStarting("connected"));
        // ami's own ListCommands, as Asterisk writes it
        assertEquals(Optional.of(Authority.NONE), connection.actionClasses("Ping"));
        assertEquals(Optional.of(Authority.parse("user")), connection.actionClasses("UserEvent"));
        assertEquals(Optional.of(Authority.parse("command")), connection.actionClasses("command"));

        other.context.publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "FromOther")
                .header("Order", "1").build());
        assertEquals("Event: UserEvent|Privilege: user,all|UserEvent: FromOther|Order: 1",
                traffic.nextStarting("Event: UserEvent"));
        await("a keep-alive round trip", () -> connection.status().lagMicros() >= 0);
        assertEquals(State.CONNECTED, connection.status().state());
        assertEquals(1, other.context.sessions().all().size()); // one session, however much flows
    }

    @Test
    void theEventsAskedForAtLoginAreTheOnlyOnesSent() throws Exception {
        connect("s3cret", Authority.parse("system"));
        traffic.nextStarting("connected");
        other.context.publish(ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "Unwanted").build());
        other.context.publish(ManagerEvent.of("Reload", AuthorityClass.SYSTEM).header("Module", "manager").build());
        String call;
        do { // FullyBooted first (system), then the Reload; never the UserEvent published between
            call = traffic.next();
            assertFalse(call.startsWith("Event: UserEvent"), call);
        } while (!call.startsWith("Event: Reload"));
        assertEquals("Event: Reload|Privilege: system,all|Module: manager", call);
    }

    @Test
    void aForwardedRequestIsAnsweredByTheOtherAmi() throws Exception {
        connect("s3cret", Authority.NONE);
        traffic.nextStarting("connected");
        connection.send(List.of("Action: UserEvent", "UserEvent: Hello", "ActionID: ami-1"));
        assertEquals("Response: Success|ActionID: ami-1|Message: Event Sent", traffic.next());
    }

    @Test
    void aWrongSecretRetriesAndSaysWhy() throws Exception {
        connect("wrong", Authority.ALL);
        await("a failed login", () -> connection.status().failures() >= 1);
        assertEquals("login refused: Authentication failed", connection.status().lastError());
    }
}
