package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API's OpenAPI document is served without a login at {@code /ami/api/v1/openapi.json},
 * and only there: no variant of an account's path gets past the login by resembling it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    private static final int PORT = 8080 + Integer.getInteger("it.port.offset", 0);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Test
    void theDocumentIsServedWithoutALogin() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                + "/ami/api/v1/openapi.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                answer.headers().toString());
        String body = answer.body();
        // the document's top members, read without a JSON library on the test's classpath
        assertTrue(body.matches("(?s)\\{\\s*\"openapi\"\\s*:\\s*\"3\\.[0-9.]+\".*"), body.substring(0, 100));
        assertTrue(body.contains("\"/v1/accounts\""), "the accounts are described");
        assertTrue(body.contains("\"/v1/accounts/{name}\""), "an account is described");
        assertTrue(body.contains("\"/v1/cluster\""), "the cluster view is described");
        assertEquals(200, raw("HEAD", "/ami/api/v1/openapi.json").status(), "HEAD, as GET");
    }

    @Test
    void noVariantOfAnAccountsPathPassesAsTheDocument() throws Exception {
        for (String path : List.of("/ami/api/v1/accounts", "/ami/api/v1/accounts/admin",
                "/ami/api/v1/accounts;openapi.json", "/ami/api/v1/accounts;/openapi.json",
                "/ami/api/v1/accounts/admin;/openapi.json", "/ami/api/v1/accounts?/openapi.json",
                "/ami/api/v1/openapi.json/../accounts", "/ami/api/v1/openapi.json/..;/accounts",
                "/ami/api/v1/openapi.json;/../accounts", "/ami/api/v1/openapi.json%2F..%2Faccounts",
                "/ami/api/v1//accounts", "/ami/api/v1/./accounts", "/ami/api/v1/%61ccounts")) {
            Raw answer = raw("GET", path);
            // refused for want of a login, or reaching no resource at all: never served
            assertTrue(answer.status() == 401 || answer.status() == 404, path + " answered " + answer.head());
        }
        int post = raw("POST", "/ami/api/v1/openapi.json").status();
        assertTrue(post == 401 || post == 405, "only a read is served, POST answered " + post);
    }

    /**
     * @param status the status code
     * @param head   the status line and headers
     */
    private record Raw(int status, String head) {
    }

    /** A request as written, on a plain socket, so that no client library normalizes its path. */
    private static Raw raw(String method, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 10_000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = reply.indexOf("\r\n\r\n");
            String head = split < 0 ? reply : reply.substring(0, split);
            return new Raw(Integer.parseInt(reply.substring(9, 12)), head);
        }
    }
}
