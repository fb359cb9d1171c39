package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upstreams over the REST API on the deployed server (issue 17): upstreams.conf imported with a dry
 * run first and exported back, one upstream added, replaced without its secret (which is kept) and
 * deleted with If-Match; the secret never in an answer; a bad body named field by field; an account's
 * default upstream. Leaves no upstream behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpstreamsRestIT {

    private static final String UPSTREAMS = """
            [pbx-it]
            host = 127.0.0.1
            port = 15038
            username = proxy
            secret = it-secret
            events = system,call
            enabled = no
            """;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    private static HttpResponse<String> call(String method, String path, String type, String body, String... headers)
            throws Exception {
        return AdminApi.call(method, path, type, body, headers);
    }

    @AfterEach
    void noUpstreamLeft() throws Exception {
        assertEquals(200, call("POST", "/config/upstreams.conf", "text/plain", "").statusCode());
    }

    @Test
    void upstreamsConfIsImportedAfterADryRunAndExportedBack() throws Exception {
        HttpResponse<String> dry = call("POST", "/v1/config/upstreams.conf?dryRun=true", "text/plain", UPSTREAMS);
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(dry.body().contains("\"applied\":false") && dry.body().contains("\"kind\":\"upstream\""), dry.body());
        assertEquals("{\"upstreams\":[]}", call("GET", "/v1/upstreams", null, null).body(), "a dry run changes nothing");

        HttpResponse<String> imported = call("POST", "/config/upstreams.conf", "text/plain", UPSTREAMS);
        assertEquals(200, imported.statusCode(), imported.body());
        String list = call("GET", "/v1/upstreams", null, null).body();
        assertTrue(list.contains("\"name\":\"pbx-it\",\"host\":\"127.0.0.1\",\"port\":15038"), list);
        assertTrue(list.contains("\"events\":[\"system\",\"call\"],\"enabled\":false"), list);
        assertFalse(list.contains("it-secret"), list);
        String export = call("GET", "/config/upstreams.conf", null, null).body();
        assertTrue(export.contains("\n[pbx-it]\nhost = 127.0.0.1\nport = 15038\n"), export);
        assertTrue(export.contains("\nsecret = it-secret\n"), export);

        HttpResponse<String> bad = call("POST", "/v1/config/upstreams.conf", "text/plain", UPSTREAMS.replace("no", "maybe"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("upstreams.conf:7: enabled in [pbx-it]: it is yes or no"), bad.body());
    }

    @Test
    void oneUpstreamIsAddedReplacedWithItsSecretKeptAndDeleted() throws Exception {
        HttpResponse<String> refused = call("POST", "/v1/upstreams", "application/json",
                "{\"name\":\"a b\",\"host\":\"h\",\"port\":0}");
        assertEquals(400, refused.statusCode());
        for (String field : new String[] {"name", "username", "secret", "port"}) {
            assertTrue(refused.body().contains("\"field\":\"" + field + "\""), field + ": " + refused.body());
        }

        HttpResponse<String> created = call("POST", "/v1/upstreams", "application/json",
                "{\"name\":\"pbx-rest\",\"host\":\"127.0.0.1\",\"port\":15039,\"username\":\"proxy\",\"secret\":\"first\","
                        + "\"enabled\":false}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/ami/api/v1/upstreams/pbx-rest"));
        String etag = created.headers().firstValue("ETag").orElseThrow();

        assertEquals(428, call("PUT", "/v1/upstreams/pbx-rest", "application/json", "{}").statusCode());
        HttpResponse<String> replaced = call("PUT", "/v1/upstreams/PBX-REST", "application/json",
                "{\"host\":\"localhost\",\"username\":\"proxy2\",\"enabled\":false}", "If-Match", etag);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(replaced.body().contains("\"host\":\"localhost\",\"port\":5038"), replaced.body());
        assertTrue(call("GET", "/config/upstreams.conf", null, null).body().contains("\nsecret = first\n"),
                "a replacement without a secret keeps it");
        assertEquals(412, call("DELETE", "/v1/upstreams/pbx-rest", null, null, "If-Match", etag).statusCode());

        // an account naming it as its default and as the one upstream it may use (another name not stored: a warning)
        HttpResponse<String> badName = call("POST", "/v1/accounts", "application/json",
                "{\"name\":\"upstream-user\",\"upstreams\":[\"pbx-rest\",\"no such\"]}");
        assertEquals(400, badName.statusCode(), badName.body());
        assertTrue(badName.body().contains("\"field\":\"upstreams[1]\""), badName.body());
        HttpResponse<String> account = call("POST", "/v1/accounts", "application/json",
                "{\"name\":\"upstream-user\",\"secret\":\"u\",\"read\":[\"all\"],\"upstream\":\"pbx-rest\","
                        + "\"upstreams\":[\"pbx-rest\",\"pbx-later\"]}");
        assertEquals(201, account.statusCode(), account.body());
        assertTrue(account.body().contains("\"upstream\":\"pbx-rest\",\"upstreams\":[\"pbx-rest\",\"pbx-later\"]"),
                account.body());
        assertTrue(account.body().contains("\"field\":\"upstreams[1]\""), account.body());
        assertTrue(call("GET", "/config/manager.conf", null, null).body().contains("\nupstreams = pbx-rest,pbx-later\n"));
        assertEquals(204, call("DELETE", "/v1/accounts/upstream-user", null, null, "If-Match", "*").statusCode());

        assertEquals(204, call("DELETE", "/v1/upstreams/pbx-rest", null, null, "If-Match",
                replaced.headers().firstValue("ETag").orElseThrow()).statusCode());
        assertEquals(404, call("GET", "/v1/upstreams/pbx-rest", null, null).statusCode());
    }
}
