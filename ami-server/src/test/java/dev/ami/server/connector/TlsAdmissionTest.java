package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.TlsSettings;
import dev.ami.server.testing.TestConnector;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A TLS connection counts towards its address's admission share from the moment it is accepted, not from the
 * end of its handshake: a client that opens TLS connections and never handshakes holds no more than
 * a plain one may.
 */
class TlsAdmissionTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AmiListener listener = new AmiListener(group,
            () -> CompletableFuture.failedFuture(new UnsupportedOperationException("no reload here")));

    @AfterEach
    void stop() {
        listener.close();
        group.shutdownGracefully().syncUninterruptibly();
    }

    @Test
    void connectionsStillInTheirHandshakeTakeTheAddressShareAndGiveItBack() throws Exception {
        GeneralSettings general = TestConnector.GENERAL.toBuilder().enabled(true).port(0)
                .tls(new TlsSettings(true, "127.0.0.1", 0, TlsContextFactoryTest.fixture("ami-cert.pem"),
                        TlsContextFactoryTest.fixture("ami-key.pem"), "")).build();
        listener.apply(new ManagerConfiguration(general, TestConnector.ACCOUNTS));
        int port = listener.boundTlsAddress().getPort();
        int share = general.admission().perAddress();
        assertTrue(share > 0, "the default share is on");

        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < share; i++) {
                silent.add(new Socket("127.0.0.1", port)); // TCP connected, never a ClientHello
            }
            try (Socket over = new Socket("127.0.0.1", port)) {
                over.setSoTimeout(5_000);
                assertEquals(-1, over.getInputStream().read(), "over the share: closed at once, not left waiting");
            }
            try (SSLSocket other = tlsFrom("127.0.0.2", port)) {
                assertEquals("Asterisk Call Manager/11.0.0\r\n", line(other.getInputStream()), "another address is served");
            }
        } finally {
            for (Socket s : silent) {
                s.close();
            }
        }
        // the handshakes that never happened give the share back as their connections end
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try (SSLSocket again = tlsFrom("127.0.0.1", port)) {
                assertEquals("Asterisk Call Manager/11.0.0\r\n", line(again.getInputStream()));
                return;
            } catch (IOException refusedYet) {
                if (System.nanoTime() > deadline) {
                    throw refusedYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private static SSLSocket tlsFrom(String local, int port) throws Exception {
        SSLSocket socket = (SSLSocket) TlsContextFactoryTest.trustingClient()
                .createSocket("127.0.0.1", port, InetAddress.getByName(local), 0);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            b.append((char) c);
            if (b.toString().endsWith("\r\n")) {
                return b.toString();
            }
        }
        throw new IOException("closed after " + b.toString().getBytes(StandardCharsets.ISO_8859_1).length + " bytes");
    }
}
