package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying the EAR while clients wait for an answer: TCP WaitEvents and an HTTP WaitEvent long
 * poll are answered (with the Shutdown event in them where the session receives it) before their
 * sessions close. Runs on the manually controlled server, as RestartIT does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StopIT {

    private static final String CONTAINER = "restartable";
    private static final String DEPLOYMENT = "stop-ear";
    private static final int PORT = 26038;
    private static final int HTTP_PORT = 26088;
    private static final String SHUTDOWN = "Event: Shutdown\nPrivilege: system,all\nShutdown: Cleanly\nRestart: False\n\n";

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Test
    void clientsWaitingForAnAnswerWhenTheEarIsUndeployedAreAnsweredBeforeTheirSessionsClose() throws Exception {
        // The manual server's own folders, shared with RestartIT: a start with other settings would be
        // remembered for its next start. An empty data folder makes this a first start, which imports
        // both files; it is emptied again afterwards so that RestartIT's first start is one too.
        Path base = Path.of(System.getProperty("it.restart.dir"));
        Path conf = Files.createDirectories(base.resolve("conf"));
        Path data = base.resolve("data");
        deleteRecursively(data);
        Files.writeString(conf.resolve("manager.conf"), "[general]\nenabled = yes\nwebenabled = yes\nport = " + PORT
                + "\nbindaddr = 127.0.0.1\n\n[stopper]\nsecret = s\nread = all\nwrite = all\n");
        Files.writeString(conf.resolve("http.conf"), "[general]\nenabled = yes\nbindaddr = 127.0.0.1\nbindport = "
                + HTTP_PORT + "\n");
        controller.start(CONTAINER);
        try {
            deployer.deploy(DEPLOYMENT);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            try (AmiTestClient tcp = AmiTestClient.login(PORT, "stopper", "s", "system");
                    AmiTestClient userOnly = AmiTestClient.login(PORT, "stopper", "s", "user")) {
                tcp.readMessage(); // FullyBooted
                // after the TCP login, whose security event the HTTP session collects before it waits
                String cookie = httpLogin(http);
                tcp.send(crlf("Action: WaitEvent\nActionID: w\n\n"));
                userOnly.send(crlf("Action: WaitEvent\nActionID: u\n\n"));
                CompletableFuture<HttpResponse<String>> poll = http.sendAsync(get("/rawman?action=waitevent&actionid=h",
                        cookie), HttpResponse.BodyHandlers.ofString());
                assertTrue(tcp.isQuietFor(500) && userOnly.isQuietFor(1), "the WaitEvents wait");

                long start = System.nanoTime();
                deployer.undeploy(DEPLOYMENT);
                System.out.printf("%nUndeploying ami.ear with two TCP and one HTTP WaitEvent pending took %d ms%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

                assertEquals(crlf("Response: Success\nActionID: w\nMessage: Waiting for Event completed.\n\n" + SHUTDOWN
                        + "Event: WaitEventComplete\nActionID: w\n\n"), tcp.readUntilClosed());
                // a session that does not receive the Shutdown event: its WaitEvent ends all the same
                assertEquals(crlf("Response: Success\nActionID: u\nMessage: Waiting for Event completed.\n\n"
                        + "Event: WaitEventComplete\nActionID: u\n\n"), userOnly.readUntilClosed());
                HttpResponse<String> answer = poll.get(30, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode());
                assertEquals(crlf("Response: Success\nActionID: h\nMessage: Waiting for Event completed.\n\n" + SHUTDOWN
                        + "Event: WaitEventComplete\nActionID: h\n\n"), answer.body());
            }
        } finally {
            controller.stop(CONTAINER);
            deleteRecursively(data);
            Files.deleteIfExists(conf.resolve("http.conf"));
        }
    }

    /** Logs in over HTTP once the listener is there, and collects the login's own events. */
    private static String httpLogin(HttpClient http) throws Exception {
        HttpResponse<String> login = null;
        for (int i = 0; i < 100 && login == null; i++) {
            try {
                login = http.send(get("/rawman?action=login&username=stopper&secret=s", null),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                Thread.sleep(200); // the listener is made a moment after the deployment
            }
        }
        assertTrue(login != null && login.body().contains("Authentication accepted"), String.valueOf(login));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split("\"")[1];
        http.send(get("/rawman?action=waitevent&timeout=0", cookie), HttpResponse.BodyHandlers.ofString());
        return cookie;
    }

    private static HttpRequest get(String pathAndQuery, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + pathAndQuery))
                .timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            b.header("Cookie", "mansession_id=\"" + cookie + "\"");
        }
        return b.GET().build();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
