package dev.ami.server.http;

import java.util.List;
import java.util.Optional;

/**
 * http.conf's {@code redirect = <from> <to>} lines: a request whose path, percent-decoded, is
 * {@code from} (ASCII case ignored) is answered {@code 302 Moved Temporarily} with
 * {@code Location: <to>}, whatever else the path would name (main/http.c, handle_uri and
 * add_redirect).
 */
final class HttpRedirects {

    private HttpRedirects() {
    }

    /**
     * @param redirects   the lines' values ({@code from to}), in order; the first that matches wins
     * @param requestPath the request's path, not decoded, without the query string
     * @return where to send the client, if a line matches
     */
    static Optional<String> location(List<String> redirects, String requestPath) {
        if (redirects.isEmpty()) {
            return Optional.empty();
        }
        String path = UriDecoder.decode(requestPath);
        for (String line : redirects) {
            String[] fromTo = line.strip().split("\\s+", 2);
            if (fromTo.length == 2 && fromTo[0].equalsIgnoreCase(path)) {
                return Optional.of(fromTo[1]);
            }
        }
        return Optional.empty();
    }
}
