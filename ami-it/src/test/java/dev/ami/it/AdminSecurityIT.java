package dev.ami.it;

import static dev.ami.it.Wire.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what over the REST API, on the real server (Jakarta Security on WildFly's Elytron):
 * an account with config write is an administrator, one with config read only a reader (GET, never
 * a change: 403), any other a stranger to the API (403 and RequestNotAllowed); a wrong secret is
 * 401 problem+json after the delay; the console's session login sets a HttpOnly, SameSite=Strict
 * cookie, and a change in the session needs its CSRF token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminSecurityIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String API = "http://127.0.0.1:" + (8080 + Integer.getInteger("it.port.offset", 0)) + "/ami/api";
    private static final String PROBLEM = "application/problem+json";
    private static final String READER = "sec-reader";
    private static final String READER_SECRET = "sec-reader-pw";
    private static final String CHANGE = "{\"name\":\"sec-made\",\"secret\":\"sec-made-pw\",\"read\":[\"system\"],"
            + "\"write\":[\"system\"]}";

    /** The failure delay is one second; a lower bound a little under it leaves room for clock grain. */
    private static final long DELAYED_MILLIS = 900;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    /** One request; headers alternate name and value. */
    private static HttpResponse<String> send(String method, String path, String user, String secret, String body,
            String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(API + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void problem(HttpResponse<String> answer, int status, String type) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(PROBLEM, answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        assertTrue(answer.body().contains("\"type\":\"" + type + "\""), answer.body());
    }

    @BeforeAll
    static void aReaderAccount() throws Exception {
        HttpResponse<String> made = send("POST", "/v1/accounts", "admin", "s3cret", "{\"name\":\"" + READER
                + "\",\"secret\":\"" + READER_SECRET + "\",\"read\":[\"config\",\"system\"],\"write\":[\"system\"]}");
        assertEquals(201, made.statusCode(), made.body());
    }

    @AfterAll
    static void removeWhatTheTestsMade() throws Exception {
        for (String name : List.of(READER, "sec-made", "sec-made2", "sec-made3")) {
            send("DELETE", "/v1/accounts/" + name, "admin", "s3cret", null, "If-Match", "*");
        }
    }

    @Test
    void anAdministratorReadsAndChanges() throws Exception {
        assertEquals(200, send("GET", "/v1/accounts", "admin", "s3cret", null).statusCode());
        assertEquals(200, send("GET", "/config/manager.conf", "admin", "s3cret", null).statusCode());
        HttpResponse<String> made = send("POST", "/v1/accounts", "admin", "s3cret", CHANGE);
        assertEquals(201, made.statusCode(), made.body());
        assertEquals(204, send("DELETE", "/v1/accounts/sec-made", "admin", "s3cret", null, "If-Match", "*").statusCode());
    }

    @Test
    void aReaderReadsButEveryChangeIsForbidden() throws Exception {
        assertEquals(200, send("GET", "/v1/accounts", READER, READER_SECRET, null).statusCode());
        assertEquals(200, send("GET", "/v1/accounts/admin", READER, READER_SECRET, null).statusCode());
        assertEquals(200, send("HEAD", "/v1/accounts/admin", READER, READER_SECRET, null).statusCode());
        assertEquals(200, send("GET", "/config/manager.conf", READER, READER_SECRET, null).statusCode());
        problem(send("POST", "/v1/accounts", READER, READER_SECRET, CHANGE), 403, "urn:ami:problem:forbidden");
        problem(send("DELETE", "/v1/accounts/admin", READER, READER_SECRET, null, "If-Match", "*"), 403,
                "urn:ami:problem:forbidden");
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(API + "/config/manager.conf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((READER + ":" + READER_SECRET)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("[general]\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        problem(imported, 403, "urn:ami:problem:forbidden");
        assertEquals(200, send("GET", "/v1/accounts/admin", "admin", "s3cret", null).statusCode(), "admin is still there");
    }

    @Test
    void anAccountWithoutConfigIsForbiddenAndRaisesRequestNotAllowed() throws Exception {
        try (AmiTestClient watcher = securityWatcher()) {
            problem(send("GET", "/v1/accounts", "limited", "pw2", null), 403, "urn:ami:problem:forbidden");
            assertTrue(watcher.readMessage().startsWith("Event: SuccessfulAuth\r\n"), "the login itself is right");
            String refused = watcher.readMessage();
            assertTrue(refused.startsWith("Event: RequestNotAllowed\r\n"), refused);
            assertTrue(refused.contains("Service: REST\r\n") && refused.contains("AccountID: limited\r\n")
                    && refused.contains("RequestType: Action: GET /ami/api/v1/accounts\r\n"), refused);
        }
    }

    @Test
    void withoutALoginOrWithAWrongSecretItIsUnauthorizedAsAProblem() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/v1/accounts", null, null, null);
        problem(anonymous, 401, "urn:ami:problem:unauthorized");
        assertEquals("Basic realm=\"ami\", charset=\"UTF-8\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        long sent = System.nanoTime();
        HttpResponse<String> wrong = send("POST", "/v1/accounts", "admin", "wrong", CHANGE.replace("sec-made", "sec-made3"));
        long millis = (System.nanoTime() - sent) / 1_000_000;
        problem(wrong, 401, "urn:ami:problem:unauthorized");
        assertTrue(millis >= DELAYED_MILLIS, "refused after " + millis + " ms");
        assertEquals("Basic realm=\"ami\", charset=\"UTF-8\"", wrong.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(404, send("GET", "/v1/accounts/sec-made3", "admin", "s3cret", null).statusCode(), "nothing made");
    }

    @Test
    void theConsoleLogsInWithASessionCookieAndItsChangesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> login = send("POST", "/v1/session", null, null,
                "{\"username\":\"admin\",\"secret\":\"s3cret\"}");
        assertEquals(200, login.statusCode(), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("JSESSIONID="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("path=/ami") || setCookie.contains("Path=/ami"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: " + setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String token = member(login.body(), "csrfToken");
        assertEquals("admin", member(login.body(), "username"));
        assertEquals("admin", member(login.body(), "role"));

        HttpResponse<String> current = send("GET", "/v1/session", null, null, null, "Cookie", cookie);
        assertEquals(200, current.statusCode(), current.body());
        assertEquals(token, member(current.body(), "csrfToken"));
        assertEquals(200, send("GET", "/v1/accounts", null, null, null, "Cookie", cookie).statusCode());

        HttpResponse<String> forged = send("POST", "/v1/accounts", null, null, CHANGE.replace("sec-made", "sec-made2"),
                "Cookie", cookie);
        problem(forged, 403, "urn:ami:problem:csrf");
        problem(send("POST", "/v1/accounts", null, null, CHANGE.replace("sec-made", "sec-made2"), "Cookie", cookie,
                "X-CSRF-Token", token + "x"), 403, "urn:ami:problem:csrf");
        assertEquals(404, send("GET", "/v1/accounts/sec-made2", "admin", "s3cret", null).statusCode(), "nothing made");
        HttpResponse<String> made = send("POST", "/v1/accounts", null, null, CHANGE.replace("sec-made", "sec-made2"),
                "Cookie", cookie, "X-CSRF-Token", token);
        assertEquals(201, made.statusCode(), made.body());

        problem(send("DELETE", "/v1/session", null, null, null, "Cookie", cookie), 403, "urn:ami:problem:csrf");
        assertEquals(204, send("DELETE", "/v1/session", null, null, null, "Cookie", cookie, "X-CSRF-Token", token)
                .statusCode());
        HttpResponse<String> after = send("GET", "/v1/session", null, null, null, "Cookie", cookie);
        problem(after, 401, "urn:ami:problem:unauthorized");
        assertEquals(Optional.empty(), after.headers().firstValue("WWW-Authenticate"), "no browser prompt for the console");
        HttpResponse<String> stale = send("GET", "/v1/accounts", null, null, null, "Cookie", cookie);
        problem(stale, 401, "urn:ami:problem:unauthorized");
        assertEquals(Optional.empty(), stale.headers().firstValue("WWW-Authenticate"), "a cookie: the console's");
    }

    /** A browser replays Basic credentials it once prompted for, even on another site's form posts. */
    @Test
    void aBrowsersBasicChangeFromAnotherSiteIsRefusedAsCsrf() throws Exception {
        problem(send("POST", "/v1/accounts", "admin", "s3cret", CHANGE, "Sec-Fetch-Site", "cross-site"), 403,
                "urn:ami:problem:csrf");
        problem(send("POST", "/v1/accounts", "admin", "s3cret", CHANGE, "Origin", "https://evil.example"), 403,
                "urn:ami:problem:csrf");
        assertEquals(404, send("GET", "/v1/accounts/sec-made", "admin", "s3cret", null).statusCode(), "nothing made");
        assertEquals(200, send("GET", "/v1/accounts", "admin", "s3cret", null, "Sec-Fetch-Site", "cross-site")
                .statusCode(), "a read changes nothing");
    }

    @Test
    void aSessionLoginGetsANewSessionIdAndAReaderTheReaderRole() throws Exception {
        HttpResponse<String> first = send("POST", "/v1/session", null, null,
                "{\"username\":\"" + READER + "\",\"secret\":\"" + READER_SECRET + "\"}");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("reader", member(first.body(), "role"));
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = member(first.body(), "csrfToken");
        problem(send("POST", "/v1/accounts", null, null, CHANGE, "Cookie", cookie, "X-CSRF-Token", token), 403,
                "urn:ami:problem:forbidden");
        HttpResponse<String> again = send("POST", "/v1/session", null, null,
                "{\"username\":\"admin\",\"secret\":\"s3cret\"}", "Cookie", cookie);
        assertEquals(200, again.statusCode(), again.body());
        String renewed = again.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertNotEquals(cookie, renewed, "a login never keeps the session id it came with");
        assertNotEquals(token, member(again.body(), "csrfToken"));
        problem(send("GET", "/v1/session", null, null, null, "Cookie", cookie), 401, "urn:ami:problem:unauthorized");
    }

    @Test
    void aRefusedSessionLoginIsUnauthorizedAfterTheDelayWithoutAChallenge() throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> refused = send("POST", "/v1/session", null, null,
                "{\"username\":\"admin\",\"secret\":\"wrong\"}");
        long millis = (System.nanoTime() - sent) / 1_000_000;
        problem(refused, 401, "urn:ami:problem:unauthorized");
        assertTrue(millis >= DELAYED_MILLIS, "refused after " + millis + " ms");
        assertEquals(Optional.empty(), refused.headers().firstValue("WWW-Authenticate"));
        assertEquals(Optional.empty(), refused.headers().firstValue("Set-Cookie"), "no session for a refusal");
        problem(send("POST", "/v1/session", null, null, "{\"username\":\"limited\",\"secret\":\"pw2\"}"), 403,
                "urn:ami:problem:forbidden");
        problem(send("GET", "/v1/session", null, null, null), 401, "urn:ami:problem:unauthorized");
    }

    /** bin/ami-config against the real server: an administrator exports and imports, a reader only exports. */
    @Test
    void amiConfigWorksForAnAdministratorAndExportsForAReader() throws Exception {
        SystemTools.require(AmiConfigScriptTest.REQUIRED, "bin/ami-config with curl", "curl");
        Script admin = amiConfig("admin", "s3cret", "export", "manager.conf");
        assertEquals(0, admin.exitCode(), admin.output());
        assertTrue(admin.output().contains("[admin]"), admin.output());
        Script reader = amiConfig(READER, READER_SECRET, "export", "http.conf");
        assertEquals(0, reader.exitCode(), reader.output());
        Path conf = Files.createTempFile("ami-sec", ".conf");
        try {
            Files.writeString(conf, admin.output());
            Script dryRun = amiConfig("admin", "s3cret", "import", "manager.conf", conf.toString(), "--dry-run");
            assertEquals(0, dryRun.exitCode(), dryRun.output());
            assertTrue(dryRun.output().contains("\"applied\":false"), dryRun.output());
            Script refused = amiConfig(READER, READER_SECRET, "import", "manager.conf", conf.toString(), "--dry-run");
            assertNotEquals(0, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("urn:ami:problem:forbidden"), refused.output());
            Script wrong = amiConfig("admin", "wrong", "export", "manager.conf");
            assertNotEquals(0, wrong.exitCode(), wrong.output());
            assertTrue(wrong.output().contains("urn:ami:problem:unauthorized"), wrong.output());
        } finally {
            Files.delete(conf);
        }
    }

    private record Script(int exitCode, String output) {
    }

    private static Script amiConfig(String user, String secret, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Path.of(System.getProperty("user.dir"))
                .getParent().resolve("bin/ami-config").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("AMI_USER", user);
        builder.environment().put("AMI_SECRET", secret);
        builder.environment().put("AMI_URL", API);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Script(process.waitFor(), output);
    }

    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    /** An AMI session that receives security events, its own login's already read. */
    private static AmiTestClient securityWatcher() throws Exception {
        AmiTestClient watcher = AmiTestClient.connect(AmiEar.PORT);
        exchange(watcher, "Action: Login\nUsername: admin\nSecret: s3cret\nEvents: security\n\n",
                "Response: Success\nMessage: Authentication accepted\n\n" + TranscriptIT.successfulAuth("admin"));
        return watcher;
    }
}
