package dev.ami.admin.login;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What an HTTP login is decided on.
 *
 * @param authorization the {@code Authorization} header, or null
 * @param method        the HTTP method, for the RequestNotAllowed event
 * @param path          the request path (no query), for the RequestNotAllowed event
 * @param local         the server's end of the connection
 * @param remote        the client's end, which the account's permit/deny judges
 * @param secure        true over HTTPS
 */
public record LoginRequest(String authorization, String method, String path, InetSocketAddress local,
        InetSocketAddress remote, boolean secure) {

    public LoginRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }
}
