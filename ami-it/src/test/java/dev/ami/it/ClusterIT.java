package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two WildFly nodes on loopback serve one AMI service (issue 16): each has the EAR, both share one
 * PostgreSQL schema and form one JGroups cluster (ami-cluster.cli's TCP stack, TCPPING of the
 * members {@code ami.cluster.members} lists; arquillian.xml "nodeA" and "nodeB"); B listens for
 * AMI on the shared port plus its {@code ami.port.offset}. One story, since each start of a node
 * costs seconds: the nodes see each other; UserEvents sent on A reach a TCP client of B in order,
 * and an HTTP manager WaitEvent on B; an account created through A's REST API logs in on B; an
 * account that may hold one session, logged in on A, is refused on B, and B lists A's session with
 * its node; A is killed with SIGKILL, and B keeps its session, takes new logins and still has the
 * account A committed; A, started again, rejoins and gets B's events. Without PostgreSQL the test
 * is skipped loudly, or fails when AMI_TEST_POSTGRES_REQUIRED is yes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClusterIT {

    /** The AMI port of the cluster's manager.conf: A's; B adds its offset. */
    private static final int PORT = 29038;
    private static final int OFFSET_B = 100;
    private static final int PORT_B = PORT + OFFSET_B;
    /** http.conf's port: A's; B adds its offset. */
    private static final int HTTP_PORT = 8088;
    private static final String A = "nodeA";
    private static final String B = "nodeB";
    private static final String SECRET = "cluster-admin";
    private static final Set<String> BOTH = Set.of(A, B);
    private static final String SENT = "Response: Success\r\nMessage: Event Sent\r\n\r\n";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = A + "-ear", managed = false, testable = false)
    @TargetsContainer(A)
    static EnterpriseArchive earA() {
        return AmiEar.fromBuild();
    }

    @Deployment(name = B + "-ear", managed = false, testable = false)
    @TargetsContainer(B)
    static EnterpriseArchive earB() {
        return AmiEar.fromBuild();
    }

    @Deployment(name = A + "-postgresql-driver", managed = false, testable = false)
    @TargetsContainer(A)
    static JavaArchive driverA() throws URISyntaxException {
        return PostgresSchema.driverArchive();
    }

    @Deployment(name = B + "-postgresql-driver", managed = false, testable = false)
    @TargetsContainer(B)
    static JavaArchive driverB() throws URISyntaxException {
        return PostgresSchema.driverArchive();
    }

    @Test
    void twoNodesServeOneAmiService() throws Throwable {
        try (PostgresSchema schema = PostgresSchema.create("ami_cluster_", "the two-node cluster test")) {
            KillableServer a = node(A, schema, Map.of());
            KillableServer b = node(B, schema, Map.of("ami.port.offset", Integer.toString(OFFSET_B)));
            a.start(PORT);
            try {
                // one key for one database: B reads the secrets A stored (README, "Several nodes")
                Path keyB = Path.of(System.getProperty("it.cluster.dir"), B, "data", "secret.key");
                Files.createDirectories(keyB.getParent());
                Files.copy(Path.of(System.getProperty("it.cluster.dir"), A, "data", "secret.key"), keyB);
                b.start(PORT_B);
                try {
                    story(a, b);
                } catch (Exception | Error failure) {
                    throw b.stopAfter(failure);
                }
                b.stop();
            } catch (Exception | Error failure) {
                throw a.stopAfter(failure);
            }
            a.stop();
        }
    }

    private void story(KillableServer a, KillableServer b) throws Exception {
        assertTrue(within(30, () -> members(a).equals(BOTH)), "A's view: " + view(a));
        assertEquals(BOTH, members(b), "B's view: " + view(b));

        try (AmiTestClient onB = AmiTestClient.login(PORT_B, "admin", SECRET, "user");
                AmiTestClient onA = AmiTestClient.login(PORT, "admin", SECRET, "off")) {
            // events fired on A reach B's client, in the order fired
            for (int i = 0; i < 100; i++) {
                onA.send(Wire.crlf("Action: UserEvent\nUserEvent: cross-" + i + "\nSeq: " + i + "\n\n"));
                assertEquals(SENT, onA.readMessage());
            }
            for (int i = 0; i < 100; i++) {
                assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: cross-" + i + "\r\nSeq: " + i
                        + "\r\n\r\n", onB.readMessage());
            }

            // and an HTTP manager client of B waiting in WaitEvent
            String cookie = httpLogin(HTTP_PORT + OFFSET_B);
            CompletableFuture<HttpResponse<String>> waiting = HTTP.sendAsync(rawman(HTTP_PORT + OFFSET_B,
                    "action=waitevent&timeout=30", cookie), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500); // the WaitEvent is pending on B
            onA.send(Wire.crlf("Action: UserEvent\nUserEvent: over-http\n\n"));
            assertEquals(SENT, onA.readMessage());
            String waited = waiting.get(30, TimeUnit.SECONDS).body();
            assertTrue(waited.contains("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: over-http\r\n"), waited);
            assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: over-http\r\n\r\n", onB.readMessage());

            // an account created through A's REST API logs in on B
            String made = "made-on-a";
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(rest(A) + "/v1/accounts"))
                    .header("Authorization", basic()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + made + "\",\"secret\":\"made-secret\","
                            + "\"read\":[\"user\"],\"write\":[\"user\"],\"acl\":[],\"eventFilters\":[],"
                            + "\"variables\":[],\"namedAcls\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            long committed = System.nanoTime();
            assertTrue(within(5, () -> AmiTestClient.logsIn(PORT_B, made, "made-secret")), "the account never logged in on B");
            // a figure for the record (the issue asks for "within a second"), not a limit: tries are 100 ms apart
            System.out.println("ClusterIT: the account created on A logged in on B "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed) + " ms after A answered 201");

            // an account that may hold one session: held on A, refused on B, listed on B with its node
            try (AmiTestClient soloOnA = AmiTestClient.login(PORT, "solo", "solo-secret", "off")) {
                assertTrue(within(5, () -> !AmiTestClient.logsIn(PORT_B, "solo", "solo-secret")),
                        "B let solo log in while A held its session");
                try (AmiTestClient second = AmiTestClient.connect(PORT_B)) {
                    second.send(Wire.crlf("Action: Login\nUsername: solo\nSecret: solo-secret\n\n"));
                    assertEquals("Response: Error\r\nMessage: Login Already In Use\r\n\r\n", second.readMessage());
                }
                onB.send(Wire.crlf("Action: Command\nCommand: manager show connected\n\n"));
                String connected = onB.readMessage();
                assertTrue(connected.contains("Output:   solo             127.0.0.1:" + soloOnA.localPort() + " on nodeA "),
                        connected);
                HttpResponse<String> sessions = HTTP.send(HttpRequest.newBuilder(
                        URI.create(rest(B) + "/v1/sessions?account=solo")).header("Authorization", basic()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, sessions.statusCode(), sessions.body());
                assertTrue(sessions.body().contains("\"node\":\"nodeA\""), sessions.body());
            }

            // A dies: B keeps its session, takes new logins, and has what A committed
            a.kill();
            onB.send(Wire.crlf("Action: Ping\n\n"));
            assertTrue(onB.readMessage().startsWith("Response: Success\r\nPing: Pong\r\n"));
            assertTrue(AmiTestClient.logsIn(PORT_B, "admin", SECRET));
            assertTrue(AmiTestClient.logsIn(PORT_B, made, "made-secret"));
            assertTrue(within(30, () -> members(b).equals(Set.of(B))), "B's view after A died: " + view(b));

            // A, started again, rejoins and receives B's events
            a.start(PORT);
            assertTrue(within(30, () -> members(b).equals(BOTH) && members(a).equals(BOTH)),
                    "the views after A came back: " + view(b));
            try (AmiTestClient again = AmiTestClient.login(PORT, "admin", SECRET, "user")) {
                onB.send(Wire.crlf("Action: UserEvent\nUserEvent: welcome-back\n\n"));
                assertEquals(SENT, onB.readMessage());
                assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: welcome-back\r\n\r\n",
                        again.readMessage());
            }
        }
    }

    private KillableServer node(String name, PostgresSchema schema, Map<String, String> more) throws IOException {
        Path base = freshFolder(name);
        // the first node to start imports these into the store the nodes share
        Files.writeString(base.resolve("conf/manager.conf"), "[general]\nenabled = yes\nwebenabled = yes\nport = " + PORT
                + "\nbindaddr = 127.0.0.1\n\n[admin]\nsecret = " + SECRET + "\nread = all\nwrite = all\n\n"
                + "[solo]\nsecret = solo-secret\nread = all\nwrite = all\nallowmultiplelogin = no\n");
        Files.writeString(base.resolve("conf/http.conf"), "[general]\nenabled = yes\nbindaddr = 127.0.0.1\nbindport = "
                + HTTP_PORT + "\n");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ami.conf.dir", base.resolve("conf").toString());
        properties.put("ami.data.dir", base.resolve("data").toString());
        properties.putAll(schema.serverProperties(schema.host(), schema.port()));
        properties.putAll(more);
        KillableServer.Container container = new KillableServer.Container(name,
                Integer.getInteger("it." + name + ".management.port"), name + "-ear", name + "-postgresql-driver",
                "-Dami.it.node=" + System.getProperty("it.killable.marker") + "/" + name);
        return new KillableServer(controller, deployer, container, properties, true);
    }

    /** Waits up to {@code seconds} for a condition; a condition that throws counts as not yet. */
    private static boolean within(int seconds, Callable<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                if (condition.call()) {
                    return true;
                }
            } catch (Exception notYet) {
                // a node still starting or already gone
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
    }

    /** @return the REST API's base on a node: the server's web listener, 8080 plus the node's offset */
    private static String rest(String node) {
        return "http://127.0.0.1:" + (8080 + Integer.getInteger("it." + node + ".port.offset")) + "/ami/api";
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest rawman(int port, String query, String cookie) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/rawman?" + query))
                .header("Cookie", "mansession_id=\"" + cookie + "\"").build();
    }

    /** Logs in to B's HTTP manager with events of class user only; returns the session cookie. */
    private static String httpLogin(int port) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/rawman?action=login&username=admin&secret=" + SECRET + "&events=user")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.body().startsWith("Response: Success\r\n"), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(setCookie.indexOf('"') + 1, setCookie.indexOf('"', setCookie.indexOf('"') + 1));
    }

    /** @return the members of the node's view, by name (the view prints them as {@code nodeA(v=16.0.5)}) */
    private static Set<String> members(KillableServer node) {
        String view = view(node);
        String list = view.substring(view.lastIndexOf('[') + 1, view.lastIndexOf(']')).replaceAll("\\([^)]*\\)", "");
        return Set.of(list.split(",\\s*"));
    }

    /**
     * @return the view of the node's channel "ee", as its management API shows it:
     *         "[nodeA(v=16.0.5)|1] (2) [nodeA(v=16.0.5), nodeB(v=16.0.5)]"
     */
    private static String view(KillableServer node) {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-attribute");
        op.get("address").add("subsystem", "jgroups").add("channel", "ee");
        op.get("name").set("view");
        try (ModelControllerClient client = node.management()) {
            ModelNode result = client.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException("cannot read the view: " + result);
            }
            return result.get("result").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path freshFolder(String name) throws IOException {
        return KillableServer.freshFolder(Path.of(System.getProperty("it.cluster.dir")), name);
    }
}
