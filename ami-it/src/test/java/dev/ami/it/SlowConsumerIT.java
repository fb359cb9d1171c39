package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops reading its events is cut off (writetimeout, facts §7) while every other
 * session keeps receiving every event, in order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowConsumerIT {

    private static final int EVENTS = 3000;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Test
    void aStalledListenerIsCutOffAndTheOthersGetEverything() throws Exception {
        try (Socket stalled = new Socket();
             AmiTestClient healthy = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "user");
             AmiTestClient producer = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            // a small receive window, so that the server's side fills quickly
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", AmiEar.PORT));
            stalled.getOutputStream().write(crlf("Action: Login\nUsername: admin\nSecret: s3cret\nEvents: user\n\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            // it reads nothing from here on

            // ~3.6 KB per event, ~11 MB in all: more than the server's socket send buffer can hold
            // (Linux autotunes it up to 4 MiB), so the stalled connection turns unwritable
            String pad = "x".repeat(900);
            String padding = pad + "\nPad2: " + pad + "\nPad3: " + pad + "\nPad4: " + pad;
            for (int i = 0; i < EVENTS; i++) {
                producer.send(crlf("Action: UserEvent\nUserEvent: Flood\nSeq: " + i + "\nPad: " + padding + "\n\n"));
                assertTrue(producer.readMessage().contains("Message: Event Sent"));
                String event = healthy.readMessage();
                assertTrue(event.contains("\r\nSeq: " + i + "\r\n"), "event " + i + " out of order or lost: " + event);
            }

            // the server has closed the stalled session: after what its buffers held, the stream ends
            stalled.setSoTimeout(10_000);
            InputStream in = stalled.getInputStream();
            byte[] buf = new byte[65536];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
            }
            assertTrue(total < (long) EVENTS * 3600, "the stalled session was cut off before it got everything: " + total);

            // and the rest of the server did not notice
            healthy.send(crlf("Action: Ping\nActionID: after\n\n"));
            assertTrue(healthy.readMessage().startsWith("Response: Success\r\nActionID: after\r\nPing: Pong\r\n"));
        }
    }
}
