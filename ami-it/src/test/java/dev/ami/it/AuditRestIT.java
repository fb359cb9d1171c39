package dev.ami.it;

import static dev.ami.it.Wire.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /ami/api/v1/audit} on the real server: a change made over REST, by {@code bin/ami-config}'s
 * import and by UpdateConfig over AMI is each recorded with who, from where, through what and what
 * changed, secrets masked; the trail filters by account, actor and time and refuses a bad filter.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditRestIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String API = "http://127.0.0.1:" + (8080 + Integer.getInteger("it.port.offset", 0))
            + "/ami/api";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    private static HttpResponse<String> call(String method, String path, String contentType, String body, String agent)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(API + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:s3cret"
                        .getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (agent != null) {
            b.header("User-Agent", agent);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<JsonObject> audit(String query) throws Exception {
        HttpResponse<String> answer = call("GET", "/v1/audit?" + query, null, null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer.body()).getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String change(JsonObject entry, String field, String which) {
        JsonObject change = entry.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("field").equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(field + " not in " + entry));
        return change.isNull(which) ? null : change.getString(which);
    }

    @Test
    void aRestChangeIsRecordedWithWhoWhereHowAndWhatSecretMasked() throws Exception {
        Instant start = Instant.now();
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "audit-secret-" + UUID.randomUUID();
        HttpResponse<String> created = call("POST", "/v1/accounts", "application/json", "{\"name\": \"" + name
                + "\", \"secret\": \"" + secret + "\", \"read\": [\"system\", \"call\"], \"write\": [\"originate\"],"
                + " \"acl\": [{\"rule\": \"permit\", \"address\": \"10.1.0.0/16\"}]}", null);
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(API + "/v1/accounts/" + name))
                .DELETE().header("If-Match", "*").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode(), deleted.body());

        List<JsonObject> entries = audit("account=" + encoded(name.toUpperCase()));
        assertEquals(List.of("delete", "create"), entries.stream().map(e -> e.getString("action")).toList(),
                "newest first: " + entries);
        assertEquals("system,call", change(entries.get(0), "read", "before"));
        JsonObject entry = entries.get(1);
        assertEquals("create", entry.getString("action"));
        assertEquals("admin", entry.getString("actor"));
        assertEquals("127.0.0.1", entry.getString("address"));
        assertEquals("REST", entry.getString("via"));
        assertEquals(Json.createObjectBuilder().add("kind", "account").add("name", name).build(),
                entry.getJsonObject("target"));
        assertFalse(Instant.parse(entry.getString("at")).isBefore(start.minusSeconds(1)), entry.toString());
        assertEquals("********", change(entry, "secret", "after"));
        assertEquals("system,call", change(entry, "read", "after"));
        assertEquals("permit = 10.1.0.0/16", change(entry, "acl", "after"));
        assertFalse(entries.toString().contains(secret), "the secret in clear: " + entries);

        assertEquals(0, audit("account=" + encoded(name) + "&to=" + encoded(start.minusSeconds(1).toString())).size());
        assertEquals(2, audit("account=" + encoded(name) + "&from=" + encoded(start.minusSeconds(1).toString())
                + "&actor=ADMIN").size());
        assertEquals(0, audit("account=" + encoded(name) + "&actor=monitor").size());
    }

    @Test
    void anImportByTheScriptAndAnUpdateConfigAreRecordedAsSuch() throws Exception {
        String stored = call("GET", "/config/manager.conf", null, null, null).body();
        String name = "imported-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            HttpResponse<String> imported = call("POST", "/config/manager.conf", "text/plain", stored + "\n[" + name
                    + "]\nsecret = imported-secret\nread = call\nwrite = call\n", "ami-config/1");
            assertEquals(200, imported.statusCode(), imported.body());
            List<JsonObject> entries = audit("account=" + encoded(name));
            assertEquals(1, entries.size(), entries.toString());
            assertEquals("import", entries.get(0).getString("action"));
            assertEquals("ami-config", entries.get(0).getString("via"));
            JsonObject file = audit("limit=1000").stream().filter(e -> e.getJsonObject("target").getString("kind")
                    .equals("manager.conf")).findFirst().orElseThrow();
            assertEquals(name, change(file, "accountsAdded", "after"));
            assertTrue(change(file, "backup", "after").contains("manager.conf."), file.toString());
            assertFalse(entries.toString().contains("imported-secret"));

            try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
                exchange(admin, "Action: UpdateConfig\nSrcFilename: manager.conf\nDstFilename: manager.conf\n"
                        + "Action-000000: Append\nCat-000000: " + name + "\nVar-000000: writetimeout\n"
                        + "Value-000000: 250\n\n", "Response: Success\n\n");
            }
            JsonObject updated = audit("account=" + encoded(name)).get(0);
            assertEquals("import", updated.getString("action"));
            assertEquals("UpdateConfig", updated.getString("via"));
            assertEquals("admin", updated.getString("actor"));
            assertEquals("127.0.0.1", updated.getString("address"));
            assertEquals(List.of(Json.createObjectBuilder().add("field", "writeTimeout").add("before", JsonValue.NULL)
                    .add("after", "250").build()), updated.getJsonArray("changes"));
        } finally {
            assertEquals(200, call("POST", "/config/manager.conf", "text/plain", stored, null).statusCode());
        }
    }

    @Test
    void aBadFilterIsAProblemNamingIt() throws Exception {
        HttpResponse<String> answer = call("GET", "/v1/audit?from=yesterday&limit=0", null, null, null);
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        List<String> fields = json(answer.body()).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertEquals(List.of("from", "limit"), fields);
    }
}
