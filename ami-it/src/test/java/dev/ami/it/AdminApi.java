package dev.ami.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests to the REST API of the suite's server as {@code admin} (HTTP Basic, config write). */
final class AdminApi {

    /** The API's root on the suite's server. */
    static final String BASE = "http://127.0.0.1:" + (8080 + Integer.getInteger("it.port.offset", 0)) + "/ami/api";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private AdminApi() {
    }

    /**
     * @param path        below {@link #BASE}
     * @param contentType the body's type, or null
     * @param body        the body, or null for none
     * @param headers     more headers, name and value alternating
     * @return the answer
     */
    static HttpResponse<String> call(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:s3cret"
                        .getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
