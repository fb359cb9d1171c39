package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.TlsSettings;
import dev.ami.server.testing.TestConnector;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener on a real socket: binds as configured, and says Shutdown to every session when it closes. */
class AmiListenerTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AmiListener listener = new AmiListener(group,
            () -> CompletableFuture.failedFuture(new UnsupportedOperationException("no reload here")));

    @AfterEach
    void stop() {
        listener.close();
        group.shutdownGracefully().syncUninterruptibly();
    }

    private static ManagerConfiguration config(boolean enabled) {
        return config(enabled, 0);
    }

    private static ManagerConfiguration config(boolean enabled, int port) {
        return new ManagerConfiguration(TestConnector.GENERAL.toBuilder().enabled(enabled).port(port).build(),
                TestConnector.ACCOUNTS);
    }

    @Test
    void aChangedPortMovesTheListenerAndDisablingClosesIt() throws Exception {
        int first;
        int second;
        try (java.net.ServerSocket a = new java.net.ServerSocket(0); java.net.ServerSocket b = new java.net.ServerSocket(0)) {
            first = a.getLocalPort();
            second = b.getLocalPort();
        }
        listener.apply(config(true, first));
        assertEquals(first, listener.boundAddress().getPort());
        try (Socket stays = new Socket("127.0.0.1", first)) {
            // the greeting proves the connection was accepted (not still queued on the old socket)
            readUntil(stays.getInputStream(), "Asterisk Call Manager/11.0.0\r\n");
            listener.apply(config(true, second));
            assertEquals(second, listener.boundAddress().getPort());
            new Socket("127.0.0.1", second).close();
            // a session made before the move is not cut
            stays.getOutputStream().write("Action: Ping\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n",
                    readUntil(stays.getInputStream(), "Permission denied\r\n\r\n"));
        }
        listener.apply(config(false, second));
        assertNull(listener.boundAddress());
    }

    @Test
    void theTlsListenerSpeaksTheSameProtocolAndNamesItsTransport() throws Exception {
        listener.apply(tlsConfig(TlsContextFactoryTest.fixture("ami-cert.pem"), TlsContextFactoryTest.fixture("ami-key.pem")));
        int port = listener.boundTlsAddress().getPort();
        try (Socket socket = TlsContextFactoryTest.trustingClient().createSocket("127.0.0.1", port)) {
            InputStream in = socket.getInputStream();
            assertEquals("Asterisk Call Manager/11.0.0\r\n", readUntil(in, "\r\n"));
            socket.getOutputStream().write("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String login = readUntil(in, "UsingPassword: 0\r\n");
            assertTrue(login.startsWith("Response: Success\r\nMessage: Authentication accepted\r\n\r\n"), login);
            assertTrue(login.contains("LocalAddress: IPV4/TLS/127.0.0.1/" + port + "\r\n"), login);
            assertTrue(login.contains("RemoteAddress: IPV4/TLS/127.0.0.1/" + socket.getLocalPort() + "\r\n"), login);
        }
        // the plain listener is still there
        assertTrue(listener.boundAddress() != null);
    }

    @Test
    void anUnusableCertificateLeavesTlsOffAndTcpRunning() {
        listener.apply(tlsConfig(TlsContextFactoryTest.fixture("broken.pem"), ""));
        assertNull(listener.boundTlsAddress());
        assertTrue(listener.boundAddress() != null);
        // fixing the file name in a reload brings TLS up without touching TCP
        int tcpPort = listener.boundAddress().getPort();
        listener.apply(tlsConfig(TlsContextFactoryTest.fixture("ami-combined.pem"), ""));
        assertTrue(listener.boundTlsAddress() != null);
        assertEquals(tcpPort, listener.boundAddress().getPort());
        listener.apply(config(true));
        assertNull(listener.boundTlsAddress());
        assertEquals(tcpPort, listener.boundAddress().getPort());
    }

    @Test
    void aChangedCertificateIsTakenForNewConnectionsWhileConnectedSessionsGoOnAndABadOneIsRefused(@TempDir Path conf)
            throws Exception {
        Path cert = conf.resolve("cert.pem");
        Path key = conf.resolve("key.pem");
        Files.copy(Path.of(TlsContextFactoryTest.fixture("ami-cert.pem")), cert);
        Files.copy(Path.of(TlsContextFactoryTest.fixture("ami-key.pem")), key);
        ManagerConfiguration tls = tlsConfig(cert.toString(), key.toString());
        listener.apply(tls);
        int port = listener.boundTlsAddress().getPort();
        try (SSLSocket before = tlsSession(port)) {
            assertEquals("CN=localhost", subject(before));

            Files.copy(Path.of(TlsContextFactoryTest.fixture("ami-cert-renewed.pem")), cert, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(Path.of(TlsContextFactoryTest.fixture("ami-key-renewed.pem")), key, StandardCopyOption.REPLACE_EXISTING);
            listener.apply(tls); // a Reload with the same settings
            assertEquals(port, listener.boundTlsAddress().getPort(), "the listener stays");
            try (SSLSocket after = tlsSession(port)) {
                assertEquals("O=ami renewed,CN=localhost", subject(after));
            }
            Files.writeString(cert, "not a certificate");
            listener.reloadCertificateIfChanged(); // the periodic look at the files
            try (SSLSocket still = tlsSession(port)) {
                assertEquals("O=ami renewed,CN=localhost", subject(still), "a bad file keeps the previous certificate");
            }
            // the session from before every change is still served
            before.getOutputStream().write("Action: Ping\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n",
                    readUntil(before.getInputStream(), "Permission denied\r\n\r\n"));
        }
    }

    private static SSLSocket tlsSession(int port) throws Exception {
        SSLSocket socket = (SSLSocket) TlsContextFactoryTest.trustingClient().createSocket("127.0.0.1", port);
        assertEquals("Asterisk Call Manager/11.0.0\r\n", readUntil(socket.getInputStream(), "\r\n"));
        return socket;
    }

    private static String subject(SSLSocket socket) throws Exception {
        return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
    }

    private static ManagerConfiguration tlsConfig(String cert, String key) {
        GeneralSettings general = config(true).general().toBuilder()
                .tls(new TlsSettings(true, "127.0.0.1", 0, cert, key, "")).build();
        return new ManagerConfiguration(general, TestConnector.ACCOUNTS);
    }

    @Test
    void disabledMeansNoListener() {
        listener.apply(config(false));
        assertNull(listener.boundAddress());
        assertEquals(Map.of(), listener.listenerAddresses());
        assertTrue(listener.listening(), "switched off as told counts as doing what it was told");
    }

    @Test
    void theListenerAddressesNameEachBoundTransport() {
        assertEquals(Map.of(), listener.listenerAddresses(), "nothing before the first configuration");
        assertTrue(!listener.listening());
        listener.apply(tlsConfig(TlsContextFactoryTest.fixture("ami-cert.pem"), TlsContextFactoryTest.fixture("ami-key.pem")));
        assertEquals(List.of("TCP", "TLS"), List.copyOf(listener.listenerAddresses().keySet()));
        assertEquals(listener.boundAddress(), listener.listenerAddresses().get("TCP"));
        assertEquals(listener.boundTlsAddress(), listener.listenerAddresses().get("TLS"));
        listener.apply(config(true));
        assertEquals(List.of("TCP"), List.copyOf(listener.listenerAddresses().keySet()), "TLS switched off");
        assertTrue(listener.listening());
    }

    @Test
    void closingSendsShutdownThenClosesEverySession() throws Exception {
        listener.apply(config(true));
        try (Socket socket = new Socket("127.0.0.1", listener.boundAddress().getPort())) {
            socket.getOutputStream().write("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nEvents: system\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String greetingAndLogin = readUntil(in, "Status: Fully Booted\r\n\r\n");
            assertTrue(greetingAndLogin.startsWith("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\n"));
            listener.close();
            assertEquals("Event: Shutdown\r\nPrivilege: system,all\r\nShutdown: Cleanly\r\nRestart: False\r\n\r\n",
                    new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
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
