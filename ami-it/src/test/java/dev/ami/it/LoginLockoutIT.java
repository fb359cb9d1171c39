package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A password guesser over AMI on the real server: ten wrong secrets from one address lock that
 * address out of the account (even with the right secret, over TCP and over the HTTP manager
 * alike), while the account's user at another address logs in; an administrator lists and lifts
 * the lock with the CLI. The guesser is 127.0.0.3, loopback but not the suite's 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginLockoutIT {

    private static final String GUESSER = "127.0.0.3";
    private static final String FAILED = "Response: Error\r\nMessage: Authentication failed\r\n\r\n";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    /** One AMI login over TCP from the given address: what the server wrote until it closed (or the login's answer). */
    private static String tcpLogin(String from, String user, String secret) {
        try (Socket socket = bound(from, AmiEar.PORT)) {
            socket.getOutputStream().write(("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] buffer = new byte[4096];
            StringBuilder read = new StringBuilder();
            int n;
            // a refusal ends with the close; an acceptance with its answer (the session then stays)
            while ((n = socket.getInputStream().read(buffer)) > 0) {
                read.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (read.indexOf("Authentication accepted") >= 0) {
                    break;
                }
            }
            String text = read.toString();
            return text.substring(text.indexOf("\r\n") + 2); // without the greeting
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cookie login through the HTTP manager's /rawman from the given address: the body. */
    private static String httpLogin(String from, String user, String secret) throws IOException {
        try (Socket socket = bound(from, 18088)) {
            socket.getOutputStream().write(("GET /rawman?action=login&username=" + user + "&secret=" + secret
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return reply.substring(reply.indexOf("\r\n\r\n") + 4);
        }
    }

    private static Socket bound(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static String command(AmiTestClient admin, String command) throws IOException {
        admin.send(crlf("Action: Command\nCommand: " + command + "\n\n"));
        return admin.readMessage();
    }

    @Test
    void tenWrongSecretsLockTheGuessersAddressOutOfTheAccountOnEveryTransportUntilLifted() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try (AmiTestClient watcher = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "security")) {
            watcher.readMessage(); // its own SuccessfulAuth
            List<CompletableFuture<String>> guesses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String secret = "guess" + i;
                guesses.add(CompletableFuture.supplyAsync(() -> tcpLogin(GUESSER, "callonly", secret), clients));
            }
            for (CompletableFuture<String> guess : guesses) {
                assertEquals(FAILED, guess.join());
            }
            for (int i = 0; i < 10; i++) {
                assertTrue(watcher.readMessage().startsWith("Event: InvalidPassword\r\n"));
            }

            assertEquals(FAILED, tcpLogin(GUESSER, "callonly", "pw"), "locked: the right secret fails too");
            String event = watcher.readMessage();
            assertTrue(event.startsWith("Event: SessionLimit\r\n") && event.contains("AccountID: callonly\r\n")
                    && event.contains("RemoteAddress: IPV4/TCP/127.0.0.3/"), event);
            assertEquals(FAILED, httpLogin(GUESSER, "callonly", "pw"), "the HTTP manager shares the lock");
            assertTrue(tcpLogin("127.0.0.1", "callonly", "pw").startsWith("Response: Success\r\n"),
                    "the account's user elsewhere is not locked out");

            try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
                String listed = command(admin, "manager show lockouts");
                assertTrue(listed.contains("Output:   account+address       callonly         127.0.0.3"), listed);
                assertTrue(command(admin, "manager clear lockouts callonly 127.0.0.3").contains("Output: Cleared 1 "));
            }
        } finally {
            clients.shutdownNow();
        }
        assertTrue(tcpLogin(GUESSER, "callonly", "pw").startsWith("Response: Success\r\n"), "lifted");
    }
}
