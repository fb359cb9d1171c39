package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /ami/api/v1/settings}, {@code /v1/templates} and {@code /v1/config} on the real server:
 * manager.conf's {@code [general]} read with an ETag, patched and replaced with If-Match (428
 * without, 412 stale), the change live for the next AMI login and in the export; bad bodies and
 * bad values refused naming each member, nothing changed; an http.conf change moving the HTTP
 * manager's listener as an import does; templates with their inheritors; an import's dry run
 * answering the field-level diff with secrets masked and changing nothing, the real one applied;
 * the old {@code /ami/api/config} endpoints as before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsRestIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Pattern ETAG = Pattern.compile("^\"[A-Za-z0-9_-]+\"$");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    /**
     * Leaves the shared server as it started: both files imported again as the first start imported
     * them, so that the kept text other tests read (GetConfig) is the same as before.
     */
    @AfterAll
    static void importTheTestFilesAgain() throws Exception {
        Path conf = Path.of(System.getProperty("user.dir"), "src", "test", "conf");
        for (String file : new String[] {"manager.conf", "http.conf"}) {
            HttpResponse<String> done = call("POST", "/v1/config/" + file, "text/plain",
                    Files.readString(conf.resolve(file), StandardCharsets.UTF_8));
            assertEquals(200, done.statusCode(), done.body());
        }
        assertTrue(serves(18088, "Asterisk/22.10.1"), "the HTTP listener is not back");
    }

    /** One request as admin (config write); headers alternate name and value. */
    private static HttpResponse<String> call(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        return AdminApi.call(method, path, contentType, body, headers);
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return call("GET", path, null, null, headers);
    }

    private static HttpResponse<String> patch(String path, String json, String... headers) throws Exception {
        return call("PATCH", path, MERGE_PATCH, json, headers);
    }

    private static String etag(HttpResponse<String> answer) {
        String tag = answer.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + answer));
        assertTrue(ETAG.matcher(tag).matches(), "a strong ETag: " + tag);
        return tag;
    }

    /** Asserts an RFC 9457 problem of this status and type, and returns its body. */
    private static String problem(HttpResponse<String> answer, int status, String type) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(PROBLEM, answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        assertTrue(answer.body().startsWith("{\"type\":\"" + type + "\",\"title\":\""), answer.body());
        return answer.body();
    }

    /** The export of manager.conf over v1, without its first line (which carries the time). */
    private static String exported(String file) throws Exception {
        HttpResponse<String> export = get("/v1/config/" + file);
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return export.body().substring(export.body().indexOf('\n') + 1);
    }

    /** Whether an event a new AMI login receives carries a Timestamp (manager.conf's timestampevents). */
    private static boolean eventsHaveTimestamp() {
        try (AmiTestClient c = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "user")) {
            c.send(Wire.crlf("Action: UserEvent\nUserEvent: SettingsIT\nActionID: ts\n\n"));
            String answers = c.readMessages(2);
            assertTrue(answers.contains("Event: UserEvent\r\n"), answers);
            return answers.contains("\r\nTimestamp: ");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void generalSettingsReadPatchedAndReplacedLive() throws Exception {
        HttpResponse<String> read = get("/v1/settings/general");
        assertEquals(200, read.statusCode(), read.body());
        String original = read.body();
        assertTrue(original.startsWith("{\"enabled\":true,\"port\":25038,\"bindaddr\":\"127.0.0.1\",\"displayconnects\":true,"),
                original);
        assertTrue(original.contains(",\"timestampevents\":false,")
                && original.contains(",\"tlscertfile\":\"keys/ami-cert.pem\","), original);
        String tag = etag(read);
        assertEquals(304, get("/v1/settings/general", "If-None-Match", tag).statusCode());
        assertFalse(eventsHaveTimestamp());
        try {
            problem(patch("/v1/settings/general", "{\"timestampevents\":true}"), 428, "urn:ami:problem:if-match-required");
            HttpResponse<String> patched = patch("/v1/settings/general", "{\"timestampevents\":true}", "If-Match", tag);
            assertEquals(200, patched.statusCode(), patched.body());
            assertTrue(patched.body().contains(",\"timestampevents\":true,"), patched.body());
            String patchedTag = etag(patched);
            assertNotEquals(tag, patchedTag);
            // live, as after an import: the next login's answers carry Timestamp
            assertTrue(Wire.eventually(SettingsRestIT::eventsHaveTimestamp), "timestampevents not applied");
            assertTrue(exported("manager.conf").contains("\ntimestampevents = yes\n"), "the export says so");
            String audit = get("/v1/audit?actor=admin&limit=1").body();
            assertTrue(audit.contains("\"via\":\"REST\",\"target\":{\"kind\":\"general\",\"name\":\"general\"},"
                    + "\"action\":\"replace\",\"changes\":[{\"field\":\"timestampevents\",\"before\":\"false\","
                    + "\"after\":\"true\"}]"), audit);

            // a second client still holding the first state
            problem(patch("/v1/settings/general", "{\"displayconnects\":false}", "If-Match", tag), 412, "urn:ami:problem:stale");
            problem(call("PUT", "/v1/settings/general", "application/json", original, "If-Match", tag), 412,
                    "urn:ami:problem:stale");

            HttpResponse<String> replaced = call("PUT", "/v1/settings/general", "application/json", original,
                    "If-Match", patchedTag);
            assertEquals(200, replaced.statusCode(), replaced.body());
            assertEquals(original, replaced.body());
            assertEquals(tag, etag(replaced), "the same values, the same ETag");
            assertTrue(Wire.eventually(() -> !eventsHaveTimestamp()), "the replacement not applied");
        } finally {
            call("PUT", "/v1/settings/general", "application/json", original, "If-Match", "*");
        }
    }

    @Test
    void badBodiesAndValuesChangeNothing() throws Exception {
        HttpResponse<String> read = get("/v1/settings/general");
        String tag = etag(read);
        String export = exported("manager.conf");

        problem(patch("/v1/settings/general", "{\"port\":", "If-Match", tag), 400, "urn:ami:problem:bad-json");
        String types = problem(patch("/v1/settings/general", "{\"port\":\"5038\",\"displayconnects\":\"yes\",\"nosuch\":1}",
                "If-Match", tag), 400, "urn:ami:problem:invalid");
        assertTrue(types.contains("{\"field\":\"nosuch\",\"reason\":\"is not an option of manager.conf [general]")
                && types.contains("{\"field\":\"port\",\"reason\":\"must be a whole number\"}")
                && types.contains("{\"field\":\"displayconnects\",\"reason\":\"must be true or false\"}"), types);
        String values = problem(patch("/v1/settings/general", "{\"port\":80,\"authtimeout\":0,\"bindaddr\":\"10.0.0.1:5038\"}",
                "If-Match", tag), 400, "urn:ami:problem:invalid");
        assertTrue(values.contains("{\"field\":\"port\",\"reason\":\"port: Invalid port number (must be 1024-65535)\"}")
                && values.contains("{\"field\":\"authtimeout\",\"reason\":\"authtimeout is not a number of at least 1;")
                && values.contains("{\"field\":\"bindaddr\",\"reason\":\"does not read back"), values);
        problem(call("PATCH", "/v1/settings/general", "application/json", "{}", "If-Match", tag), 415, "about:blank");
        problem(get("/v1/settings/sip"), 404, "about:blank");

        assertEquals(tag, etag(get("/v1/settings/general")), "nothing changed");
        assertEquals(export, exported("manager.conf"));
    }

    /** The HTTP manager's Server header on this port, or null if nothing answers there. */
    private static String server(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/rawman?action=ping")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.headers().firstValue("Server").orElse("");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits for the HTTP listener to move (a management operation of its own, after the commit). */
    private static boolean serves(int port, String serverName) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (serverName.equals(server(port))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void anHttpSettingsChangeMovesTheListenerAsAnImportDoes() throws Exception {
        HttpResponse<String> read = get("/v1/settings/http");
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().startsWith("{\"enabled\":true,\"bindaddr\":\"127.0.0.1\",\"bindport\":18088,\"prefix\":\"\","),
                read.body());
        assertTrue(read.body().contains(",\"redirect\":[],"), read.body());
        assertEquals("Asterisk/22.10.1", server(18088));
        try {
            HttpResponse<String> patched = patch("/v1/settings/http", "{\"bindport\":18098,\"servername\":\"settings-it\"}",
                    "If-Match", etag(read));
            assertEquals(200, patched.statusCode(), patched.body());
            assertTrue(serves(18098, "settings-it"), "the listener did not move");
            assertTrue(exported("http.conf").contains("\nbindport = 18098\n"));
            problem(patch("/v1/settings/http", "{\"bindport\":0,\"redirect\":[\"/one-uri-only\"]}", "If-Match", "*"), 400,
                    "urn:ami:problem:invalid");
        } finally {
            patch("/v1/settings/http", "{\"bindport\":18088,\"servername\":\"Asterisk/22.10.1\"}", "If-Match", "*");
        }
        assertTrue(serves(18088, "Asterisk/22.10.1"), "the listener did not move back");
    }

    /** Whether this account's Command is refused for want of command write. */
    private static boolean commandDenied(String user, String secret) {
        try (AmiTestClient c = AmiTestClient.login(AmiEar.PORT, user, secret, "off")) {
            c.send(Wire.crlf("Action: Command\nCommand: core show uptime\nActionID: cmd\n\n"));
            return c.readMessage().contains("Message: Permission denied");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void templatesDryRunAndImportOverV1AndTheOldEndpoints() throws Exception {
        String before = get("/v1/config/manager.conf").body();
        String incoming = before + "\n[ops](!)\nread = all\nwrite = system\n\n[tpl-user](ops)\nsecret = tpl-secret\n"
                + "\n[tpl-user2](ops)\nsecret = tpl-secret2\nwrite = all\n";
        try {
            HttpResponse<String> dry = call("POST", "/v1/config/manager.conf?dryRun=true", "text/plain", incoming);
            assertEquals(200, dry.statusCode(), dry.body());
            String body = dry.body();
            assertTrue(body.startsWith("{\"file\":\"manager.conf\",\"dryRun\":true,\"applied\":false,\"changes\":["), body);
            assertTrue(body.contains("{\"kind\":\"account\",\"name\":\"tpl-user\",\"change\":\"added\",\"fields\":["
                    + "{\"field\":\"secret\",\"before\":null,\"after\":\"********\"},"
                    + "{\"field\":\"read\",\"before\":null,\"after\":\"all\"},"
                    + "{\"field\":\"write\",\"before\":null,\"after\":\"system\"}]}"), body);
            assertTrue(body.contains("{\"kind\":\"template\",\"name\":\"ops\",\"change\":\"added\",\"fields\":["), body);
            assertFalse(body.contains("tpl-secret"), "a secret in the answer: " + body);
            assertFalse(AmiTestClient.logsIn(AmiEar.PORT, "tpl-user", "tpl-secret"), "a dry run changed the store");
            assertFalse(get("/v1/templates").body().contains("\"ops\""));

            String refused = problem(call("POST", "/v1/config/manager.conf", "text/plain", incoming + "deny = nowhere\n"),
                    400, "urn:ami:problem:refused-file");
            assertTrue(refused.contains("\"errors\":[{\"field\":\"manager.conf:"), refused);
            assertFalse(AmiTestClient.logsIn(AmiEar.PORT, "tpl-user", "tpl-secret"), "a refused file changed the store");

            HttpResponse<String> done = call("POST", "/v1/config/manager.conf?dryRun=false", "text/plain", incoming);
            assertEquals(200, done.statusCode(), done.body());
            assertTrue(done.body().startsWith("{\"file\":\"manager.conf\",\"dryRun\":false,\"applied\":true,"), done.body());
            assertTrue(Wire.eventually(() -> AmiTestClient.logsIn(AmiEar.PORT, "tpl-user", "tpl-secret")),
                    "the imported account cannot log in");

            HttpResponse<String> templates = get("/v1/templates");
            assertEquals(200, templates.statusCode(), templates.body());
            assertTrue(templates.body().startsWith("{\"total\":1,\"offset\":0,\"limit\":100,\"templates\":[{\"name\":\"ops\","
                    + "\"accounts\":[\"tpl-user\",\"tpl-user2\"],\"templates\":[],\"options\":{\"read\":\"all\","
                    + "\"write\":\"system\"}}]}"), templates.body());
            HttpResponse<String> ops = get("/v1/templates/OPS");
            assertEquals(200, ops.statusCode(), ops.body());
            assertEquals(304, get("/v1/templates/ops", "If-None-Match", etag(ops)).statusCode());
            problem(get("/v1/templates/nosuch"), 404, "urn:ami:problem:unknown-template");

            // a template's change reaches its inheritors at once, as an import would
            assertTrue(commandDenied("tpl-user", "tpl-secret"), "write = system runs no Command");
            problem(call("PUT", "/v1/templates/ops", "application/json", "{\"options\":{\"read\":\"all\"}}"), 428,
                    "urn:ami:problem:if-match-required");
            String opsTag = etag(ops);
            HttpResponse<String> changed = call("PUT", "/v1/templates/ops", "application/json",
                    "{\"name\":\"ops\",\"options\":{\"read\":\"all\",\"write\":\"all\"}}", "If-Match", opsTag);
            assertEquals(200, changed.statusCode(), changed.body());
            assertTrue(changed.body().startsWith("{\"name\":\"ops\",\"accounts\":[\"tpl-user\",\"tpl-user2\"],"
                    + "\"templates\":[],\"options\":{\"read\":\"all\",\"write\":\"all\"}}"), changed.body());
            assertNotEquals(opsTag, etag(changed));
            problem(call("PUT", "/v1/templates/ops", "application/json", "{\"options\":{}}", "If-Match", opsTag), 412,
                    "urn:ami:problem:stale");
            assertTrue(Wire.eventually(() -> !commandDenied("tpl-user", "tpl-secret")), "the inheritor did not change");
            assertTrue(get("/v1/accounts/tpl-user").body().contains("\"write\":[\"all\"]"));
            String audit = get("/v1/audit?account=tpl-user&limit=1").body();
            assertTrue(audit.contains("\"target\":{\"kind\":\"account\",\"name\":\"tpl-user\"},\"action\":\"update\","
                    + "\"changes\":[{\"field\":\"write\",\"before\":\"system\",\"after\":\"all\"}]"), audit);
            String bad = problem(call("PUT", "/v1/templates/ops", "application/json",
                    "{\"options\":{\"permit\":\"nowhere\",\"read\":1}}", "If-Match", "*"), 400, "urn:ami:problem:invalid");
            assertTrue(bad.contains("{\"field\":\"options.read\",\"reason\":\"must be a string or an array of strings\"}"),
                    bad);
            problem(get("/v1/config/sip.conf"), 404, "urn:ami:problem:unknown-file");

            // the old endpoints answer as before
            HttpResponse<String> old = call("POST", "/config/manager.conf?dryRun=true", "text/plain", before);
            assertEquals(200, old.statusCode(), old.body());
            assertTrue(old.body().contains("\"accountsRemoved\":[\"tpl-user\",\"tpl-user2\"]"), old.body());
            assertFalse(old.body().contains("\"changes\""), old.body());
            assertEquals(200, get("/config/http.conf").statusCode());
        } finally {
            call("POST", "/v1/config/manager.conf", "text/plain", before);
        }
        assertTrue(Wire.eventually(() -> !AmiTestClient.logsIn(AmiEar.PORT, "tpl-user", "tpl-secret")));
    }
}
