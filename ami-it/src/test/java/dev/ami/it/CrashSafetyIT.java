package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash safety (hardening issue, item 5). The server is killed with SIGKILL during an import, during
 * UpdateConfig and during a REST change of http.conf, on H2 and on PostgreSQL, and started again:
 * every change it had answered is there, a change it had not answered is there whole or not at all,
 * and the data folder's key and backups are intact. For each kind of change the first one is timed,
 * the second is answered and the server killed at once, the third is killed half-way through the
 * first one's time. And a PostgreSQL that goes away at run time: changes get a clear error, sessions
 * and logins go on from the configuration in memory, and the server recovers when it is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrashSafetyIT {

    private static final int PORT = 28038;
    private static final int REST_PORT = 8080 + Integer.getInteger("it.killable.port.offset", 600);
    private static final String ADMIN = "admin";
    private static final String ADMIN_SECRET = "crash-admin";
    private static final int BULK = 2_000;
    /** Six header lines each: 20 stay under the 128 lines of one AMI message. */
    private static final int EDITS = 20;
    /** The http.conf lines that {@link #httpConf(int)} sets differently each time. */
    private static final List<String> CHANGED_SETTINGS = List.of("bindport ", "prefix ", "servername ", "sessionlimit ",
            "session_inactivity ", "permit ", "[/crash");

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = KillableServer.EAR, managed = false, testable = false)
    @TargetsContainer(KillableServer.CONTAINER)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    /** PostgreSQL's JDBC driver, deployed as postgresql.jar, the driver name ami.db.driver gives (README). */
    @Deployment(name = KillableServer.DRIVER, managed = false, testable = false)
    @TargetsContainer(KillableServer.CONTAINER)
    static JavaArchive postgresDriver() throws URISyntaxException {
        return PostgresSchema.driverArchive();
    }

    @Test
    void killedDuringChangesOnH2() throws Exception {
        Path base = freshFolder("h2");
        Path data = base.resolve("data");
        Map<String, String> properties = folders(base);
        properties.put("ami.db.url", "jdbc:h2:file:" + data.resolve("ami") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        killedDuringChanges("H2", new KillableServer(controller, deployer, properties, false), base);
    }

    @Test
    void killedDuringChangesOnPostgreSQL() throws Exception {
        Path base = freshFolder("postgresql");
        try (PostgresSchema schema = PostgresSchema.create("ami_crash_", "the PostgreSQL crash-safety test")) {
            Map<String, String> properties = folders(base);
            properties.putAll(schema.serverProperties(schema.host(), schema.port()));
            killedDuringChanges("PostgreSQL", new KillableServer(controller, deployer, properties, true), base);
        }
    }

    @Test
    void postgresqlGoingAwayAtRunTime() throws Exception {
        Path base = freshFolder("outage");
        try (PostgresSchema schema = PostgresSchema.create("ami_crash_", "the PostgreSQL crash-safety test");
                DatabaseLink link = DatabaseLink.to(schema.host(), schema.port())) {
            Map<String, String> properties = folders(base);
            properties.putAll(schema.serverProperties("127.0.0.1", link.port()));
            Files.writeString(base.resolve("conf/manager.conf"), managerConf(Set.of("keeper")));
            KillableServer server = new KillableServer(controller, deployer, properties, true);
            server.start(PORT);
            try (AmiTestClient old = AmiTestClient.login(PORT, ADMIN, ADMIN_SECRET, "off")) {
                link.cut();

                // sessions and logins go on from the configuration in memory
                Wire.exchange(old, "Action: Ping\nActionID: during\n\n",
                        "Response: Success\nActionID: during\nPing: Pong\nTimestamp: 1795836906.545688\n\n");
                assertTrue(AmiTestClient.logsIn(PORT, "keeper", "secret-keeper"), "a login while the database is away");

                // a change gets a clear error and nothing changes
                HttpResponse<String> refused = post("manager.conf", managerConf(Set.of("keeper", "newcomer")));
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("database"), refused.body());
                old.send(crlf(updateConfig("during", List.of("edited"))));
                String answer = old.readMessage();
                assertEquals(crlf("Response: Error\nActionID: during\nMessage: Save of config failed\n\n"), answer);
                // Reload keeps the configuration in force, with Asterisk's answer for a reload that failed
                Wire.exchange(old, "Action: Reload\nActionID: reload\n\n",
                        "Response: Error\nActionID: reload\nMessage: An unknown error occurred\n\n");
                assertTrue(AmiTestClient.logsIn(PORT, "keeper", "secret-keeper"), "the snapshot is kept");
                assertFalse(AmiTestClient.logsIn(PORT, "newcomer", "secret-newcomer"));

                link.restore();
                // back: changes work again, on the pool's first try
                HttpResponse<String> accepted = post("manager.conf", managerConf(Set.of("keeper", "newcomer")));
                assertEquals(200, accepted.statusCode(), accepted.body());
                assertTrue(Wire.eventually(() -> AmiTestClient.logsIn(PORT, "newcomer", "secret-newcomer")));
                old.send(crlf(updateConfig("after", List.of("edited"))));
                assertEquals(crlf("Response: Success\nActionID: after\n\n"), old.readMessage());
                Wire.exchange(old, "Action: Reload\nActionID: reload\n\n",
                        "Response: Success\nActionID: reload\nMessage: Module Reloaded\n\n");
                assertEquals(Set.of(ADMIN, "keeper", "newcomer", "edited"), accounts());
            } catch (Exception failure) {
                throw server.stopAfter(failure);
            } catch (Error failure) {
                throw server.stopAfter(failure);
            }
            server.stop();
        }
    }

    private void killedDuringChanges(String database, KillableServer server, Path base) throws Exception {
        Path data = base.resolve("data");
        Files.writeString(base.resolve("conf/manager.conf"), managerConf(Set.of()));
        server.start(PORT);
        try {
            byte[] key = Files.readAllBytes(data.resolve("secret.key"));
            Runnable intact = () -> assertDataFolderIntact(data, key);

            survives(database + ": an import (REST)", server, intact, CrashSafetyIT::accounts,
                    i -> {
                        Set<String> accounts = bulk("bulk" + i + "x", BULK);
                        return new Change(() -> post("manager.conf", managerConf(accounts)).statusCode() == 200,
                                with(accounts, ADMIN));
                    });
            survives(database + ": UpdateConfig (AMI)", server, intact, CrashSafetyIT::accounts,
                    i -> {
                        Set<String> before = accounts();
                        List<String> added = List.copyOf(bulk("edit" + i + "x", EDITS));
                        return new Change(() -> updateConfigAnswered(added), with(before, added.toArray(String[]::new)));
                    });
            survives(database + ": a REST change of http.conf", server, intact, CrashSafetyIT::httpSettings,
                    i -> {
                        String text = httpConf(i);
                        return new Change(() -> post("http.conf", text).statusCode() == 200, httpSettingsOf(i));
                    });
        } catch (Exception failure) {
            throw server.stopAfter(failure);
        } catch (Error failure) {
            throw server.stopAfter(failure);
        }
        server.stop();
    }

    /** A change to make, and the state it leaves. */
    private record Change(Answered run, Set<String> expected) {
    }

    @FunctionalInterface
    private interface Answered {
        /** @return true if the server answered that it was done; an exception if the connection died */
        boolean run() throws Exception;
    }

    @FunctionalInterface
    private interface Changes {
        Change number(int i) throws Exception;
    }

    @FunctionalInterface
    private interface State {
        Set<String> read() throws Exception;
    }

    /**
     * The first change timed, the second timed, answered, then killed at once; then changes killed
     * after half the shorter time, each attempt halving it again while the change is answered first
     * (at most three). Each kill is followed by a start and the checks.
     */
    private static void survives(String what, KillableServer server, Runnable intact, State state, Changes changes)
            throws Exception {
        Change first = changes.number(1);
        long took = timed(first.run());
        assertEquals(first.expected(), state.read(), what + " is applied");

        Change answered = changes.number(2);
        took = Math.min(took, timed(answered.run()));
        server.kill();
        server.start(PORT);
        assertEquals(answered.expected(), state.read(), what + " answered just before a SIGKILL is there after the restart");
        intact.run();

        long delay = took / 2;
        for (int attempt = 3; attempt < 6; attempt++, delay /= 2) {
            Set<String> before = state.read();
            Change cut = changes.number(attempt);
            long killAfter = delay;
            CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> {
                sleepNanos(killAfter);
                server.killProcess();
            });
            boolean done;
            try {
                done = cut.run().run();
            } catch (IOException connectionDied) {
                done = false;
            }
            kill.get(60, TimeUnit.SECONDS);
            server.killed();
            server.start(PORT);
            Set<String> after = state.read();
            if (done) {
                assertEquals(cut.expected(), after, what + " answered before the SIGKILL is there after the restart");
            } else {
                assertTrue(after.equals(before) || after.equals(cut.expected()),
                        what + " killed half-way is there whole or not at all; found "
                                + difference(before, cut.expected(), after));
            }
            intact.run();
            System.out.println("CrashSafetyIT: " + what + " taking " + took / 1_000_000 + " ms, killed after "
                    + killAfter / 1_000_000 + " ms: " + (done ? "it had been answered" : after.equals(before)
                    ? "not answered, not applied" : "not answered, applied whole"));
            if (!done) {
                return;
            }
        }
        throw new AssertionError(what + ": every change was answered before its kill, even at "
                + delay * 2 / 1_000_000 + " ms; nothing was killed half-way");
    }

    /** @return how long the change took to be answered, in nanoseconds */
    private static long timed(Answered change) throws Exception {
        long started = System.nanoTime();
        assertTrue(change.run(), "answered");
        return System.nanoTime() - started;
    }

    private static String difference(Set<String> before, Set<String> wanted, Set<String> found) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(found);
        Set<String> extra = new TreeSet<>(found);
        extra.removeAll(wanted);
        return found.size() + " entries, " + missing.size() + " of the change missing, " + extra.size()
                + " not in it (before: " + before.size() + ")";
    }

    /** The key is the one the first start made, and every backup is complete (no torn file). */
    private static void assertDataFolderIntact(Path data, byte[] key) {
        try {
            assertArrayEquals(key, Files.readAllBytes(data.resolve("secret.key")), "the secret key is unchanged");
            Path backups = data.resolve("backups");
            if (!Files.isDirectory(backups)) {
                return;
            }
            try (Stream<Path> files = Files.list(backups)) {
                for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                    String text = Files.readString(f);
                    assertTrue(text.endsWith("\n") && text.contains("[general]"), "a complete backup: " + f);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean updateConfigAnswered(List<String> accounts) throws IOException {
        try (AmiTestClient c = AmiTestClient.login(PORT, ADMIN, ADMIN_SECRET, "off")) {
            c.send(crlf(updateConfig("edit", accounts)));
            String answer = c.readMessage();
            assertEquals(crlf("Response: Success\nActionID: edit\n\n"), answer);
            return true;
        }
    }

    /** UpdateConfig adding each account as a category with its secret and rights, all in one request. */
    private static String updateConfig(String actionId, List<String> accounts) {
        StringBuilder b = new StringBuilder("Action: UpdateConfig\nActionID: " + actionId
                + "\nSrcFilename: manager.conf\nDstFilename: manager.conf\n");
        int n = 0;
        for (String account : accounts) {
            b.append(String.format("Action-%06d: NewCat\nCat-%06d: %s\n", n, n, account));
            n++;
            b.append(String.format("Action-%06d: Append\nCat-%06d: %s\nVar-%06d: secret\nValue-%06d: secret-%s\n",
                    n, n, account, n, n, account));
            n++;
        }
        return b.append('\n').toString();
    }

    private static HttpResponse<String> post(String file, String text) throws IOException, InterruptedException {
        return rest(HttpRequest.newBuilder(configUri(file)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    private static URI configUri(String file) {
        return URI.create("http://127.0.0.1:" + REST_PORT + "/ami/api/config/" + file);
    }

    private static HttpResponse<String> rest(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_SECRET).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String export(String file) throws IOException, InterruptedException {
        HttpResponse<String> r = rest(HttpRequest.newBuilder(configUri(file)));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** @return the stored accounts' names, from the export */
    private static Set<String> accounts() throws IOException, InterruptedException {
        return export("manager.conf").lines().filter(l -> l.startsWith("[") && l.endsWith("]"))
                .map(l -> l.substring(1, l.length() - 1)).filter(n -> !n.equals("general"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return the stored http.conf settings that each change sets differently, as the export writes them */
    private static Set<String> httpSettings() throws IOException, InterruptedException {
        return export("http.conf").lines().map(String::strip)
                .filter(l -> CHANGED_SETTINGS.stream().anyMatch(l::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return what {@link #httpSettings()} reads after {@link #httpConf(int)} */
    private static Set<String> httpSettingsOf(int i) {
        return new TreeSet<>(List.of("bindport = " + (27080 + i), "prefix = crash" + i, "servername = Crash " + i,
                "sessionlimit = " + (100 + i), "session_inactivity = " + (30000 + i),
                "permit = 127.0.0." + i + "/255.255.255.255", "[/crash" + i + "]"));
    }

    /** An http.conf whose every setting differs with {@code i}: all of them must change together. */
    private static String httpConf(int i) {
        return "[general]\nenabled = no\nbindaddr = 127.0.0.1\nbindport = " + (27080 + i) + "\nprefix = crash" + i
                + "\nservername = Crash " + i + "\nsessionlimit = " + (100 + i) + "\nsession_inactivity = " + (30000 + i)
                + "\n\n[/crash" + i + "]\ntype = restriction\ndeny = 0.0.0.0/0\npermit = 127.0.0." + i + "/32\n";
    }

    private static String managerConf(Set<String> accounts) {
        StringBuilder b = new StringBuilder("[general]\nenabled = yes\nport = " + PORT + "\nbindaddr = 127.0.0.1\n\n["
                + ADMIN + "]\nsecret = " + ADMIN_SECRET + "\nread = all\nwrite = all\n");
        for (String a : accounts) {
            b.append("\n[").append(a).append("]\nsecret = secret-").append(a).append("\nread = system,call\nwrite = originate\n")
                    .append("deny = 0.0.0.0/0.0.0.0\npermit = 127.0.0.1/255.255.255.255\n");
        }
        return b.toString();
    }

    private static Set<String> bulk(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(n -> String.format("%s%04d", prefix, n))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> with(Set<String> set, String... more) {
        Set<String> all = new TreeSet<>(set);
        all.addAll(List.of(more));
        return all;
    }

    private static Path freshFolder(String name) throws IOException {
        return KillableServer.freshFolder(Path.of(System.getProperty("it.killable.dir")), name);
    }

    private static Map<String, String> folders(Path base) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ami.conf.dir", base.resolve("conf").toString());
        properties.put("ami.data.dir", base.resolve("data").toString());
        return properties;
    }
}
