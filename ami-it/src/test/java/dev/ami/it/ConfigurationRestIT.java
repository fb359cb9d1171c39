package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Import and export over {@code /ami/api/config/...} (what bin/ami-config calls): only accounts
 * with config write; a dry run changes nothing; a bad line is refused with its line number.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfigurationRestIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    private static HttpResponse<String> call(String method, String file, String query, String user, String secret,
            String body) throws Exception {
        int port = 8080 + Integer.getInteger("it.port.offset", 0);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ami/api/config/" + file + query));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "text/plain");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyConfigAccountsExportAndOnlyConfigWritersImport() throws Exception {
        assertEquals(401, call("GET", "manager.conf", "", null, null, null).statusCode());
        assertEquals(401, call("GET", "manager.conf", "", "admin", "wrong", null).statusCode());
        assertEquals(403, call("GET", "manager.conf", "", "limited", "pw2", null).statusCode(), "no config class");

        HttpResponse<String> export = call("GET", "manager.conf", "", "admin", "s3cret", null);
        assertEquals(200, export.statusCode());
        assertTrue(export.body().contains("\n[admin]\nsecret = s3cret\n"), export.body());

        String incoming = export.body() + "\n[restuser]\nsecret = r\nread = all\n";
        HttpResponse<String> dry = call("POST", "manager.conf", "?dryRun=true", "admin", "s3cret", incoming);
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(dry.body().contains("\"applied\":false"), dry.body());
        assertTrue(dry.body().contains("\"accountsAdded\":[\"restuser\"]"), dry.body());
        assertTrue(!AmiTestClient.logsIn(AmiEar.PORT, "restuser", "r"), "a dry run changed the store");

        HttpResponse<String> bad = call("POST", "manager.conf", "", "admin", "s3cret", incoming + "deny = nowhere\n");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().startsWith("{\"error\":\"manager.conf:"), bad.body());

        HttpResponse<String> http = call("GET", "http.conf", "", "admin", "s3cret", null);
        assertTrue(http.body().contains("\nbindport = 18088\n"), http.body());
        assertEquals(404, call("GET", "sip.conf", "", "admin", "s3cret", null).statusCode());
    }
}
