package dev.ami.api.http;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * One request to the HTTP manager ({@code /manager}, {@code /rawman}, {@code /mxml} and the
 * digest forms {@code /amanager}, {@code /arawman}, {@code /amxml}), as the web side hands it to
 * the connector: nothing decoded yet, so that the connector decodes it as
 * Asterisk does.
 *
 * @param method        the HTTP method as sent ({@code GET}, {@code POST}, ...)
 * @param path          the request path, not percent-decoded, without the query string
 * @param query         the query string without {@code ?}, or empty
 * @param contentType   the {@code Content-Type} header, or empty
 * @param body          the request body (empty for GET); at most what the web side accepts
 * @param cookieHeaders every {@code Cookie} header, in order
 * @param local         the server's end of the connection
 * @param remote        the client's end of the connection
 * @param authorization the first {@code Authorization} header, or empty; only the digest forms read it
 * @param secure        true if the request came over HTTPS (security events then name TLS)
 */
public record HttpManagerRequest(String method, String path, String query, String contentType, byte[] body,
        List<String> cookieHeaders, InetSocketAddress local, InetSocketAddress remote, String authorization,
        boolean secure) {

    /** Checks that nothing is null and copies the lists. */
    public HttpManagerRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        contentType = contentType == null ? "" : contentType;
        body = body == null ? new byte[0] : body;
        cookieHeaders = List.copyOf(cookieHeaders);
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        authorization = authorization == null ? "" : authorization;
    }

    /**
     * A request over plain HTTP.
     *
     * @param method        the HTTP method as sent
     * @param path          the request path, not percent-decoded
     * @param query         the query string without {@code ?}, or empty
     * @param contentType   the {@code Content-Type} header, or empty
     * @param body          the request body
     * @param cookieHeaders every {@code Cookie} header, in order
     * @param local         the server's end of the connection
     * @param remote        the client's end of the connection
     * @param authorization the first {@code Authorization} header, or empty
     */
    public HttpManagerRequest(String method, String path, String query, String contentType, byte[] body,
            List<String> cookieHeaders, InetSocketAddress local, InetSocketAddress remote, String authorization) {
        this(method, path, query, contentType, body, cookieHeaders, local, remote, authorization, false);
    }

    /**
     * A request over plain HTTP without an {@code Authorization} header.
     *
     * @param method        the HTTP method as sent
     * @param path          the request path, not percent-decoded
     * @param query         the query string without {@code ?}, or empty
     * @param contentType   the {@code Content-Type} header, or empty
     * @param body          the request body
     * @param cookieHeaders every {@code Cookie} header, in order
     * @param local         the server's end of the connection
     * @param remote        the client's end of the connection
     */
    public HttpManagerRequest(String method, String path, String query, String contentType, byte[] body,
            List<String> cookieHeaders, InetSocketAddress local, InetSocketAddress remote) {
        this(method, path, query, contentType, body, cookieHeaders, local, remote, "");
    }
}
