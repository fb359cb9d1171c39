package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connection flood that locks the administrator out of Asterisk (1,000 unauthenticated
 * connections fill authlimit): here one address, then one network, holding connections without
 * logging in fill only their own share (ami_authlimit_per_address 10, ami_authlimit_per_network 25),
 * the rest is closed at once instead of left silent, and meanwhile the administrator logs in from
 * another address and a session logged in before the flood is answered, each within a second. The
 * flooders are in 127.0.5.0/24 and 127.0.6.0/24, loopback but not the suite's 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FloodIT {

    private static final int FLOOD = 300;
    private static final long SECOND_NANOS = 1_000_000_000L;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    /** @return the connection, and whether the server greeted it (false: closed without a word) */
    private static Held connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", AmiEar.PORT), 10_000);
        socket.setSoTimeout(5_000);
        byte[] greeting = new byte[30];
        int n;
        try {
            n = socket.getInputStream().readNBytes(greeting, 0, greeting.length);
        } catch (SocketTimeoutException silent) {
            throw new AssertionError("a connection from " + from + " was left silent, neither greeted nor closed");
        }
        return new Held(socket, n == greeting.length
                && "Asterisk Call Manager/11.0.0\r\n".equals(new String(greeting, StandardCharsets.ISO_8859_1)));
    }

    private record Held(Socket socket, boolean greeted) {
    }

    @Test
    void aFloodFromOneAddressOrNetworkTakesOnlyItsShareAndEverybodyElseIsServed() throws Exception {
        List<Held> flood = new ArrayList<>();
        try (AmiTestClient before = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            for (int i = 0; i < FLOOD; i++) {
                flood.add(connect("127.0.5.5"));
            }
            assertEquals(10, flood.stream().filter(Held::greeted).count(), "one address: its ten");
            for (int i = 1; i <= 60; i++) {
                flood.add(connect("127.0.6." + i));
            }
            assertEquals(10 + 25, flood.stream().filter(Held::greeted).count(), "one /24: its twenty-five");

            long start = System.nanoTime();
            try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
                long took = System.nanoTime() - start;
                assertTrue(took < SECOND_NANOS, "the administrator logged in after " + took / 1_000_000 + " ms");
                admin.send(crlf("Action: Ping\n\n"));
                assertTrue(admin.readMessage().startsWith("Response: Success\r\nPing: Pong\r\n"));
            }
            start = System.nanoTime();
            before.send(crlf("Action: Ping\n\n"));
            assertTrue(before.readMessage().startsWith("Response: Success\r\nPing: Pong\r\n"));
            assertTrue(System.nanoTime() - start < SECOND_NANOS, "the session from before the flood is served");
        } finally {
            for (Held h : flood) {
                h.socket().close();
            }
        }
    }
}
