package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
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
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /ami/api/v1/accounts} on the real server: every endpoint, every refusal as an RFC 9457
 * problem that changes nothing stored, the 412 of a stale If-Match from a second client, changes
 * applied live over AMI TCP, and secrets in no answer and no line of the server's log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsRestIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String BASE = "http://127.0.0.1:" + (8080 + Integer.getInteger("it.port.offset", 0))
            + "/ami/api/v1/accounts";
    private static final String PROBLEM = "application/problem+json";
    private static final Pattern ETAG = Pattern.compile("^\"[A-Za-z0-9_-]+\"$");

    /** Every secret the tests set: none may appear in an answer or in the log. */
    private static final List<String> SECRETS = new ArrayList<>();
    /** Every answer the tests got, headers and body. */
    private static final List<String> ANSWERS = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    private static String secret() {
        String s = "rest-secret-" + UUID.randomUUID();
        SECRETS.add(s);
        return s;
    }

    /** One request as admin (config write); headers alternate name and value. */
    private static HttpResponse<String> call(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        return callAs("admin", "s3cret", method, path, contentType, body, headers);
    }

    private static HttpResponse<String> callAs(String user, String secret, String method, String path, String contentType,
            String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> answer = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        ANSWERS.add(answer.headers().map() + "\n" + answer.body());
        return answer;
    }

    private static HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        return call("POST", path, "application/json", json, headers);
    }

    private static HttpResponse<String> put(String path, String json, String... headers) throws Exception {
        return call("PUT", path, "application/json", json, headers);
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return call("GET", path, null, null, headers);
    }

    private static String etag(HttpResponse<String> answer) {
        String tag = answer.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + answer));
        assertTrue(ETAG.matcher(tag).matches(), "a strong ETag: " + tag);
        return tag;
    }

    /** The stored configuration as the export gives it, without its first line (which carries the time). */
    private static String stored() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(BASE.replace("/v1/accounts", "/config/manager.conf")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:s3cret"
                        .getBytes(StandardCharsets.UTF_8))).GET().build();
        String export = HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body();
        return export.substring(export.indexOf('\n') + 1);
    }

    /** Asserts an RFC 9457 problem of this status and type, and returns its body. */
    private static String problem(HttpResponse<String> answer, int status, String type) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(PROBLEM, answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        String body = answer.body();
        assertTrue(body.startsWith("{\"type\":\"" + type + "\",\"title\":\""), body);
        assertTrue(body.contains(",\"status\":" + status + ",\"detail\":\""), body);
        assertTrue(body.contains(",\"instance\":\"/ami/api/v1/"), body);
        assertTrue(body.contains(",\"errors\":["), body);
        return body;
    }

    private static String account(String name, String secret, String read) {
        return "{\"name\":\"" + name + "\"" + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + ",\"read\":" + read
                + ",\"write\":[\"system\",\"user\"],\"acl\":[{\"rule\":\"deny\",\"address\":\"0.0.0.0/0.0.0.0\"},"
                + "{\"rule\":\"permit\",\"address\":\"127.0.0.0/8\"}],\"writeTimeout\":250,"
                + "\"eventFilters\":[{\"criteria\":null,\"pattern\":\"!Event: Newexten\"}],\"variables\":[\"CODE=rest\"]}";
    }

    @Test
    void createReadListReplacePatchRenameSecretDelete() throws Exception {
        String first = secret();
        HttpResponse<String> created = post("", account("rest-crud", first, "[\"system\",\"call\"]"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(BASE + "/rest-crud", created.headers().firstValue("Location").orElseThrow());
        String tag = etag(created);
        assertTrue(created.body().startsWith("{\"name\":\"rest-crud\",\"hasSecret\":true,\"read\":[\"system\",\"call\"],"
                + "\"write\":[\"system\",\"user\"],\"acl\":[{\"rule\":\"deny\",\"address\":\"0.0.0.0/0.0.0.0\"},"
                + "{\"rule\":\"permit\",\"address\":\"127.0.0.0/8\"}],\"allowMultipleLogin\":null,\"displayConnects\":null,"
                + "\"writeTimeout\":250,\"eventFilters\":[{\"criteria\":null,\"pattern\":\"!Event: Newexten\"}],"
                + "\"variables\":[\"CODE=rest\"],\"namedAcls\":[],\"upstream\":null,\"upstreams\":[],"
                + "\"warnings\":[{\"field\":\"variables[0]\",\"reason\":\"setvar"),
                created.body());
        // live at once, as after an import: the account logs in over AMI
        assertTrue(Wire.eventually(() -> AmiTestClient.logsIn(AmiEar.PORT, "rest-crud", first)), "the new account cannot log in");
        assertTrue(stored().contains("\n[rest-crud]\nsecret = " + first + "\n"), "the export shows it");

        HttpResponse<String> read = get("/REST-CRUD");
        assertEquals(200, read.statusCode());
        assertEquals(tag, etag(read), "the same state, the same ETag");
        assertEquals(304, get("/rest-crud", "If-None-Match", tag).statusCode());

        post("", account("rest-crud2", null, "[]"));
        HttpResponse<String> page = get("?q=REST-CRUD&offset=1&limit=1");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().startsWith("{\"total\":2,\"offset\":1,\"limit\":1,\"accounts\":[{\"name\":\"rest-crud2\","
                + "\"hasSecret\":false,"), page.body());
        assertTrue(get("").body().contains("{\"name\":\"admin\","), "the whole list, default page");

        HttpResponse<String> replaced = put("/rest-crud", "{\"name\":\"rest-crud\",\"read\":[\"all\"],\"write\":[\"none\"],"
                + "\"allowMultipleLogin\":false}", "If-Match", tag);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(replaced.body().startsWith("{\"name\":\"rest-crud\",\"hasSecret\":true,\"read\":[\"all\"],\"write\":[],"
                + "\"acl\":[],\"allowMultipleLogin\":false,\"displayConnects\":null,\"writeTimeout\":null,\"eventFilters\":[],"
                + "\"variables\":[],\"namedAcls\":[],\"upstream\":null,\"upstreams\":[]}"), replaced.body());
        String replacedTag = etag(replaced);
        assertNotEquals(tag, replacedTag);
        assertTrue(AmiTestClient.logsIn(AmiEar.PORT, "rest-crud", first), "a replacement keeps the secret");

        HttpResponse<String> patched = call("PATCH", "/rest-crud", "application/merge-patch+json",
                "{\"displayConnects\":true,\"read\":[\"user\"],\"acl\":[{\"rule\":\"permit\",\"address\":\"::1\"}]}",
                "If-Match", replacedTag);
        assertEquals(200, patched.statusCode(), patched.body());
        assertTrue(patched.body().contains("\"read\":[\"user\"],\"write\":[],\"acl\":[{\"rule\":\"permit\",\"address\":\"::1\"}],"
                + "\"allowMultipleLogin\":false,\"displayConnects\":true,"), patched.body());
        String patchedTag = etag(patched);

        HttpResponse<String> renamed = post("/rest-crud/rename", "{\"name\":\"rest-renamed\"}", "If-Match", patchedTag);
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals(BASE + "/rest-renamed", renamed.headers().firstValue("Content-Location").orElseThrow());
        assertTrue(renamed.body().startsWith("{\"name\":\"rest-renamed\","), renamed.body());
        problem(get("/rest-crud"), 404, "urn:ami:problem:unknown-account");
        assertTrue(Wire.eventually(() -> AmiTestClient.logsIn(AmiEar.PORT, "rest-renamed", first)), "the new name logs in");
        assertFalse(AmiTestClient.logsIn(AmiEar.PORT, "rest-crud", first), "the old name no longer does");

        String second = secret();
        HttpResponse<String> secretSet = put("/rest-renamed/secret", "{\"secret\":\"" + second + "\"}", "If-Match",
                etag(renamed));
        assertEquals(204, secretSet.statusCode(), secretSet.body());
        String secretTag = etag(secretSet);
        assertNotEquals(etag(renamed), secretTag, "a new secret is a new state");
        assertTrue(Wire.eventually(() -> AmiTestClient.logsIn(AmiEar.PORT, "rest-renamed", second)), "the new secret works");
        assertFalse(AmiTestClient.logsIn(AmiEar.PORT, "rest-renamed", first), "the old secret no longer does");
        HttpResponse<String> noSecret = call("DELETE", "/rest-renamed/secret", null, null, "If-Match", secretTag);
        assertEquals(204, noSecret.statusCode());
        assertTrue(get("/rest-renamed").body().contains("\"hasSecret\":false"));

        assertEquals(204, call("DELETE", "/rest-renamed", null, null, "If-Match", "*").statusCode());
        problem(get("/rest-renamed"), 404, "urn:ami:problem:unknown-account");
        assertFalse(AmiTestClient.logsIn(AmiEar.PORT, "rest-renamed", second), "a deleted account cannot log in");
        assertEquals(204, call("DELETE", "/rest-crud2", null, null, "If-Match", "*").statusCode());
        assertFalse(stored().contains("[rest-crud") || stored().contains("[rest-renamed]"), "nothing of this test is left");
    }

    @Test
    void refusalsAreProblemsAndChangeNothing() throws Exception {
        String secret = secret();
        HttpResponse<String> created = post("", account("rest-refusals", secret, "[\"system\"]"));
        assertEquals(201, created.statusCode(), created.body());
        String tag = etag(created);
        String before = stored();

        // bad JSON, and bodies that are JSON of the wrong shape
        String badJson = problem(post("", "{\"name\":\"rest-x\",\"secret\":\"" + secret + "\" oops"), 400,
                "urn:ami:problem:bad-json");
        assertTrue(badJson.contains("\"detail\":\"the body is not JSON (line 1, column "), badJson);
        problem(post("", "[]"), 400, "urn:ami:problem:bad-json");
        problem(put("/rest-refusals", "{\"read\":[\"system\"],\"read\":[\"all\"]}", "If-Match", tag), 400,
                "urn:ami:problem:bad-json");
        // unknown class names, an invalid address, a filter that does not compile, a bad option: each named
        String invalid = problem(post("", "{\"name\":\"rest-x\",\"read\":[\"system\",\"System\"],\"write\":[\"everything\"],"
                + "\"acl\":[{\"rule\":\"permit\",\"address\":\"10.0.0.0/33\"}],\"writeTimeout\":50,"
                + "\"eventFilters\":[{\"pattern\":\"(unclosed\"}]}"), 400, "urn:ami:problem:invalid");
        assertTrue(invalid.contains("{\"field\":\"read[1]\",\"reason\":\"is not an authority class;"), invalid);
        assertTrue(invalid.contains("{\"field\":\"write[0]\",\"reason\":\"is not an authority class;"), invalid);
        assertTrue(invalid.contains("{\"field\":\"writeTimeout\",\"reason\":\"must be at least 100 milliseconds"), invalid);
        String checked = problem(post("", "{\"name\":\"rest-x\",\"acl\":[{\"rule\":\"permit\",\"address\":\"10.0.0.0/33\"},"
                + "{\"rule\":\"deny\",\"address\":\"nowhere\"}],\"eventFilters\":[{\"pattern\":\"(unclosed\"}]}"), 400,
                "urn:ami:problem:invalid");
        assertTrue(checked.contains("{\"field\":\"acl[0]\",\"reason\":\"permit in [rest-x]: entry 1: a prefix of 33 bits"
                + " is too long\"}"), checked);
        assertTrue(checked.contains("{\"field\":\"acl[1]\",\"reason\":\"deny in [rest-x]: entry 1"), checked);
        assertTrue(checked.contains("{\"field\":\"eventFilters[0]\",\"reason\":\"eventfilter in [rest-x]: its pattern is"
                + " not a regular expression that compiles\"}"), checked);
        problem(put("/rest-refusals", "{\"colour\":\"blue\"}", "If-Match", tag), 400, "urn:ami:problem:invalid");
        problem(put("/rest-refusals", "{\"secret\":\"" + secret + "\"}", "If-Match", tag), 400, "urn:ami:problem:invalid");
        problem(put("/rest-refusals/secret", "{\"secret\":\"two\\nlines\"}", "If-Match", tag), 400, "urn:ami:problem:invalid");
        problem(post("/rest-refusals/rename", "{\"name\":\"general\"}", "If-Match", tag), 400, "urn:ami:problem:invalid");
        problem(get("?limit=0"), 400, "urn:ami:problem:invalid");
        problem(get("?offset=x"), 400, "urn:ami:problem:invalid");
        problem(put("/rest-refusals", "{}", "If-Match", "not-quoted"), 400, "urn:ami:problem:invalid");
        // duplicates, unknown accounts, If-Match missing or stale, media types the methods do not take
        problem(post("", account("ADMIN", null, "[]")), 409, "urn:ami:problem:name-taken");
        problem(post("/rest-refusals/rename", "{\"name\":\"Admin\"}", "If-Match", tag), 409, "urn:ami:problem:name-taken");
        problem(get("/nobody"), 404, "urn:ami:problem:unknown-account");
        problem(put("/nobody", "{}", "If-Match", "*"), 404, "urn:ami:problem:unknown-account");
        problem(call("DELETE", "/nobody", null, null, "If-Match", "*"), 404, "urn:ami:problem:unknown-account");
        problem(put("/rest-refusals", "{}"), 428, "urn:ami:problem:if-match-required");
        problem(call("DELETE", "/rest-refusals", null, null), 428, "urn:ami:problem:if-match-required");
        problem(put("/rest-refusals", "{}", "If-Match", "\"stale\""), 412, "urn:ami:problem:stale");
        // a stale If-Match is answered before a body is read, on every change that takes one
        problem(post("/rest-refusals/rename", "not json", "If-Match", "\"stale\""), 412, "urn:ami:problem:stale");
        problem(call("PUT", "/rest-refusals/secret", "application/json", "not json", "If-Match", "\"stale\""), 412,
                "urn:ami:problem:stale");
        problem(call("DELETE", "/rest-refusals", null, null, "If-Match", "W/" + tag), 412, "urn:ami:problem:stale");
        problem(call("POST", "", "text/plain", account("rest-x", null, "[]")), 415, "about:blank");
        problem(call("PATCH", "/rest-refusals", "application/json", "{}", "If-Match", tag), 415, "about:blank");
        HttpResponse<String> notAllowed = call("PUT", "", "application/json", "{}");
        problem(notAllowed, 405, "about:blank");
        assertTrue(notAllowed.headers().firstValue("Allow").orElse("").contains("GET"), notAllowed.headers().map().toString());
        problem(get("/rest-refusals/nothing-here"), 404, "about:blank");

        assertEquals(before, stored(), "a refused request changed the store");
        assertEquals(tag, etag(get("/rest-refusals")), "a refused request changed the account");
        assertTrue(AmiTestClient.logsIn(AmiEar.PORT, "rest-refusals", secret));
        assertEquals(204, call("DELETE", "/rest-refusals", null, null, "If-Match", tag).statusCode());
    }

    @Test
    void aSecondAdministratorWithAStaleEtagGets412AndOverwritesNothing() throws Exception {
        HttpResponse<String> created = post("", account("rest-race", secret(), "[\"system\"]"));
        assertEquals(201, created.statusCode(), created.body());
        String seenByBoth = etag(get("/rest-race"));

        HttpResponse<String> first = call("PATCH", "/rest-race", "application/merge-patch+json", "{\"read\":[\"call\"]}",
                "If-Match", seenByBoth);
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> second = call("PATCH", "/rest-race", "application/merge-patch+json", "{\"write\":[\"all\"]}",
                "If-Match", seenByBoth);
        problem(second, 412, "urn:ami:problem:stale");
        HttpResponse<String> now = get("/rest-race");
        assertEquals(etag(first), etag(now));
        assertTrue(now.body().contains("\"read\":[\"call\"],\"write\":[\"system\",\"user\"],"), now.body());

        // If-Match: * changes whatever the state
        HttpResponse<String> anyState = call("PATCH", "/rest-race", "application/merge-patch+json", "{\"write\":[\"all\"]}",
                "If-Match", "*");
        assertEquals(200, anyState.statusCode(), anyState.body());
        assertEquals(204, call("DELETE", "/rest-race", null, null, "If-Match", etag(anyState)).statusCode());
    }

    @Test
    void aChangedReadClassReachesTheNextLogin() throws Exception {
        String secret = secret();
        HttpResponse<String> created = post("", account("rest-live", secret, "[\"system\"]"));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(Wire.eventually(() -> AmiTestClient.logsIn(AmiEar.PORT, "rest-live", secret)));
        try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            try (AmiTestClient before = AmiTestClient.login(AmiEar.PORT, "rest-live", secret, "user")) {
                admin.send(crlf("Action: UserEvent\nUserEvent: RestLive\n\n"));
                admin.readMessage();
                assertTrue(before.isQuietFor(300), "read = system: no user events");
            }
            HttpResponse<String> patched = call("PATCH", "/rest-live", "application/merge-patch+json",
                    "{\"read\":[\"system\",\"user\"]}", "If-Match", etag(created));
            assertEquals(200, patched.statusCode(), patched.body());
            assertTrue(Wire.eventually(() -> receivesUserEvent(admin, secret)), "read = system,user: the user event");
        }
        assertEquals(204, call("DELETE", "/rest-live", null, null, "If-Match", "*").statusCode());
    }

    private static boolean receivesUserEvent(AmiTestClient admin, String secret) {
        try (AmiTestClient after = AmiTestClient.login(AmiEar.PORT, "rest-live", secret, "user")) {
            admin.send(crlf("Action: UserEvent\nUserEvent: RestLive\n\n"));
            admin.readMessage();
            return !after.isQuietFor(500) && after.readMessage().equals(crlf(
                    "Event: UserEvent\nPrivilege: user,all\nUserEvent: RestLive\n\n"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onlyConfigAccountsMayUseIt() throws Exception {
        assertEquals(401, callAs(null, null, "GET", "", null, null).statusCode());
        assertEquals(403, callAs("limited", "pw2", "GET", "", null, null).statusCode(), "no config class");
        assertEquals(401, callAs("admin", "wrong", "POST", "", "application/json", "{\"name\":\"rest-intruder\"}")
                .statusCode());
        problem(get("/rest-intruder"), 404, "urn:ami:problem:unknown-account");
    }

    /** Runs after every test of the class: what they set as secrets is in no answer and no log line. */
    @AfterAll
    static void secretsAreNeverShownNorLogged() throws Exception {
        assertFalse(SECRETS.isEmpty());
        for (String answer : ANSWERS) {
            for (String secret : SECRETS) {
                assertFalse(answer.contains(secret), "an answer shows a secret: " + answer);
            }
        }
        String log = Files.readString(serverLog(), StandardCharsets.UTF_8);
        assertTrue(log.contains("Account changed through the administration API"), "the log is the server's");
        for (String secret : SECRETS) {
            assertFalse(log.contains(secret), "the server log holds a secret");
        }
    }

    /** The suite server's log file, found through its management interface (the base folder is a temporary copy). */
    private static Path serverLog() throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(),
                Integer.getInteger("it.management.port"))) {
            ModelNode op = new ModelNode();
            op.get("operation").set("read-attribute");
            op.get("address").add("path", "jboss.server.log.dir");
            op.get("name").set("path");
            ModelNode result = client.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IOException("cannot read the log folder: " + result);
            }
            return Path.of(result.get("result").asString(), "server.log");
        }
    }
}
