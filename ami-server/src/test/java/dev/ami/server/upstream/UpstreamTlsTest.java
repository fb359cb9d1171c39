package dev.ami.server.upstream;

import static dev.ami.server.upstream.UpstreamConnectionTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Upstream;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.connector.UpstreamStatus.State;
import dev.ami.server.tcp.AmiChannelInitializer;
import dev.ami.server.testing.TestConnector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS to an upstream (another ami over TLS, its certificate self-signed for CN=localhost). */
class UpstreamTlsTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final TestConnector other = new TestConnector();
    private final RecordingTraffic traffic = new RecordingTraffic();
    private final Channel listener;
    private UpstreamConnection connection;

    UpstreamTlsTest() throws Exception {
        SslContext server = SslContextBuilder.forServer(new File(fixture("ami-cert.pem")), new File(fixture("ami-key.pem")))
                .sslProvider(SslProvider.JDK).build();
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new AmiChannelInitializer(other.context, other.actions, "TLS", server))
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static String fixture(String name) throws URISyntaxException {
        return Path.of(UpstreamTlsTest.class.getResource("/tls/" + name).toURI()).toString();
    }

    private UpstreamStatus connect(String host, boolean verify, String caFile, boolean expectConnected) throws Exception {
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        Upstream settings = new Upstream("secure", host, port, true, verify, caFile, "admin", "s3cret", Authority.ALL,
                true, false);
        connection = new UpstreamConnection(settings, group.next(), traffic, UpstreamConnectionTest.FAST,
                Clock.systemUTC(), () -> 0.5, Runnable::run);
        connection.start();
        if (expectConnected) {
            await("connected", () -> connection.status().state() == State.CONNECTED);
        } else {
            await("a failed attempt", () -> connection.status().failures() >= 1);
        }
        return connection.status();
    }

    @Test
    void theCertificateIsCheckedAgainstTheCaFileAndTheHostName() throws Exception {
        UpstreamStatus status = connect("localhost", true, fixture("ami-cert.pem"), true);
        assertEquals("Asterisk Call Manager/11.0.0", status.greeting());
        assertEquals("connected secure", traffic.nextStarting("connected"));
    }

    @Test
    void aNameTheCertificateDoesNotHoldIsRefused() throws Exception {
        UpstreamStatus status = connect("127.0.0.1", true, fixture("ami-cert.pem"), false);
        assertEquals(0, status.logins());
        assertTrue(status.lastError().startsWith("TLS with 127.0.0.1:"), status.lastError());
    }

    @Test
    void aCertificateTheJvmDoesNotTrustIsRefused() throws Exception {
        UpstreamStatus status = connect("localhost", true, "", false);
        assertEquals(0, status.logins());
        assertTrue(status.lastError().startsWith("TLS with localhost:"), status.lastError());
        assertTrue(status.lastError().contains("certification path"), status.lastError());
    }

    @Test
    void withoutVerificationAnyCertificateIsTaken() throws Exception {
        connect("127.0.0.1", false, "", true);
        assertEquals("connected secure", traffic.nextStarting("connected"));
    }

    @Test
    void anUnreadableCaFileIsAFailedAttempt() throws Exception {
        UpstreamStatus status = connect("localhost", true, fixture("broken.pem"), false);
        assertTrue(status.lastError().startsWith("TLS: the tlscafile "), status.lastError());
    }
}
