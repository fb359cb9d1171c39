package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static dev.ami.it.Wire.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets Asterisk's answer and leaves the server serving everyone else. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final String PONG = "Response: Success\nActionID: alive\nPing: Pong\nTimestamp: 1795836836.849568\n\n";
    private static final String FAILED = "Response: Error\nMessage: Authentication failed\n\n";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Test
    void garbageFloodsAndHugeMessagesDoNotDisturbAnotherSession() throws IOException {
        try (AmiTestClient bystander = quietAdmin();
             AmiTestClient garbage = AmiTestClient.connect(AmiEar.PORT);
             AmiTestClient headers = AmiTestClient.connect(AmiEar.PORT)) {
            byte[] noise = new byte[200_000];
            new Random(42).nextBytes(noise);
            for (int i = 0; i < noise.length; i++) {
                if (noise[i] == '\n' || noise[i] == 0) {
                    noise[i] = 'x';
                }
            }
            garbage.send(noise);
            StringBuilder tenThousand = new StringBuilder("Action: Ping\r\nActionID: big\r\n");
            for (int i = 0; i < 10_000; i++) {
                tenThousand.append("X-Header-").append(i).append(": value\r\n");
            }
            headers.send(tenThousand.append("\r\n").toString());

            exchange(bystander, "Action: Ping\nActionID: alive\n\n", PONG);
            assertEquals(crlf("Response: Error\nActionID: big\nMessage: Too many lines in message or allocation failure\n\n"),
                    headers.readMessage());
            // the flooded session ends its message and is answered like any other
            garbage.send("\r\n\r\n");
            assertEquals(crlf("Response: Error\nMessage: Failed to parse message: line too long\n\n"), garbage.readMessage());
            exchange(garbage, "Action: Ping\n\n", "Response: Error\nMessage: Permission denied\n\n");
            exchange(bystander, "Action: Ping\nActionID: alive\n\n", PONG);
        }
    }

    @Test
    void aFloodOfBlankLinesIsAnsweredInFullWhileEveryOtherSessionIsServed() throws Exception {
        // 30,000 requests arrive in a few reads; each is answered "Missing action" and reported as
        // RequestBadFormat, and other sessions (some share the flooder's event loop) go on being served.
        int flood = 30_000;
        String missing = crlf("Response: Error\nMessage: Missing action in request\n\n");
        List<AmiTestClient> bystanders = new ArrayList<>();
        try (AmiTestClient watcher = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "security");
             AmiTestClient flooder = AmiTestClient.connect(AmiEar.PORT)) {
            for (int i = 0; i < 4; i++) {
                bystanders.add(quietAdmin());
            }
            CompletableFuture<Integer> reports =
                    CompletableFuture.supplyAsync(() -> count(watcher, "Event: RequestBadFormat\r\n", flood));
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    flooder.send("\n".repeat(flood));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long slowest = 0;
            for (int round = 0; round < 3; round++) {
                for (AmiTestClient b : bystanders) {
                    long start = System.nanoTime();
                    exchange(b, "Action: Ping\nActionID: alive\n\n", PONG);
                    slowest = Math.max(slowest, System.nanoTime() - start);
                }
            }
            String answers = flooder.readBytes(flood * missing.length());
            sent.get(60, TimeUnit.SECONDS);
            assertEquals(missing.repeat(flood), answers);
            assertEquals(flood, reports.get(60, TimeUnit.SECONDS), "one RequestBadFormat per blank line");
            exchange(flooder, "Action: Ping\n\n", "Response: Error\nMessage: Permission denied\n\n");
            for (AmiTestClient b : bystanders) {
                exchange(b, "Action: Ping\nActionID: alive\n\n", PONG);
            }
            // for the reader of the log, not asserted: timing is for the benchmarks
            System.out.printf("blank-line flood: slowest bystander Ping during the flood took %.1f ms%n", slowest / 1e6);
        } finally {
            for (AmiTestClient b : bystanders) {
                b.close();
            }
        }
    }

    @Test
    void requestsPipelinedBeforeTheClientShutsDownItsSideAreAllAnsweredThenTheConnectionCloses() throws IOException {
        // 2,048 blank lines: exactly the first read's buffer, so the end of input is seen in the same
        // read, while all but the first turn's requests still wait
        int requests = 2048;
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            c.send("\n".repeat(requests));
            c.shutdownOutput();
            String all = c.readUntilClosed();
            assertEquals(crlf("Response: Error\nMessage: Missing action in request\n\n").repeat(requests), all);
        }
    }

    /** Reads until {@code needle} has been seen {@code times} times; returns how often it was seen. */
    private static int count(AmiTestClient c, String needle, int times) {
        int seen = 0;
        String carry = "";
        try {
            while (seen < times) {
                String text = carry + c.readSome();
                int at = 0;
                while ((at = text.indexOf(needle, at)) >= 0) {
                    seen++;
                    at += needle.length();
                }
                carry = text.length() >= needle.length() ? text.substring(text.length() - needle.length() + 1) : text;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("after " + seen + " of " + times, e);
        }
        return seen;
    }

    /** An admin session with events off: the failures provoked here raise security events. */
    private static AmiTestClient quietAdmin() throws IOException {
        AmiTestClient c = AmiTestClient.connect(AmiEar.PORT);
        exchange(c, "Action: Login\nUsername: admin\nSecret: s3cret\nEvents: off\n\n",
                "Response: Success\nMessage: Authentication accepted\n\n");
        return c;
    }

    @Test
    void anEmptyLineIsMissingActionAndTheSessionGoesOn() throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            exchange(c, "\n", "Response: Error\nMessage: Missing action in request\n\n");
            exchange(c, "Action: Login\nUsername: admin\nSecret: s3cret\nEvents: off\n\n",
                    "Response: Success\nMessage: Authentication accepted\n\n");
        }
    }

    @Test
    void failedLoginsWaitWithoutHoldingAThread() throws IOException {
        List<AmiTestClient> failing = new ArrayList<>();
        try (AmiTestClient bystander = quietAdmin()) {
            // More pending refusals than the connector has threads: were each one a sleeping thread,
            // the bystander's ping would wait behind them. Each from an address of its own: one
            // address may hold only ten connections before login (ami_authlimit_per_address).
            for (int i = 0; i < 16; i++) {
                AmiTestClient c = AmiTestClient.connectFrom("127.0.2." + (i + 1), AmiEar.PORT);
                failing.add(c);
                c.send(crlf("Action: Login\nUsername: " + (i % 2 == 0 ? "admin" : "nobody") + "\nSecret: bad\n\n"));
            }
            exchange(bystander, "Action: Ping\nActionID: alive\n\n", PONG);
            for (AmiTestClient c : failing) {
                assertTrue(c.isQuietFor(1), "a refusal arrived before the pause was over");
            }
            for (AmiTestClient c : failing) {
                assertEquals(crlf(FAILED), c.readUntilClosed());
            }
        } finally {
            for (AmiTestClient c : failing) {
                c.close();
            }
        }
    }

    @Test
    void aSecretlessAccountCannotLogInEitherWay() throws Exception {
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            c.send(crlf("Action: Login\nUsername: nosecret\nSecret: \n\n"));
            assertEquals(crlf(FAILED), c.readUntilClosed());
        }
        try (AmiTestClient c = AmiTestClient.connect(AmiEar.PORT)) {
            c.send(crlf("Action: Challenge\nAuthType: MD5\n\n"));
            String challenge = TranscriptIT.challenge(c.readMessage());
            c.send(crlf("Action: Login\nAuthType: MD5\nUsername: nosecret\nKey: " + TranscriptIT.md5(challenge) + "\n\n"));
            assertEquals(crlf(FAILED), c.readUntilClosed());
        }
    }
}
