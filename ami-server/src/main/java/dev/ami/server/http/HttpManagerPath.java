package dev.ami.server.http;

import java.util.List;
import java.util.Optional;

/**
 * One of the six URIs main/manager.c registers with Asterisk's HTTP server, found the way
 * main/http.c (handle_uri) finds a handler, so that exactly the paths Asterisk answers are answered.
 *
 * <ul>
 *   <li>http.conf's {@code prefix}, when set, is served as {@code /<prefix>}; the path must begin
 *       with it, then a {@code /}; an empty prefix leaves just the {@code /}.</li>
 *   <li>Prefix and URI are compared without regard to ASCII case.</li>
 *   <li>One trailing {@code /} is tolerated ({@code /rawman/}), nothing more ({@code /rawman//} and
 *       {@code /rawman/x} are not the manager: its URIs have no subtree).</li>
 *   <li>The path is compared before any percent-decoding ({@code /raw%6Dan} is not {@code /rawman}).</li>
 * </ul>
 *
 * @param uri    the URI as registered, e.g. {@code rawman}
 * @param format the rendering of the answer
 * @param digest true for the HTTP Digest forms ({@code /amanager}, {@code /arawman}, {@code /amxml}),
 *               false for the cookie session forms
 */
public record HttpManagerPath(String uri, OutputFormat format, boolean digest) {

    /** The registrations of main/manager.c (manageruri, rawmanuri, managerxmluri and the digest ones). */
    private static final List<HttpManagerPath> ALL = List.of(
            new HttpManagerPath("manager", OutputFormat.HTML, false),
            new HttpManagerPath("rawman", OutputFormat.RAW, false),
            new HttpManagerPath("mxml", OutputFormat.XML, false),
            new HttpManagerPath("amanager", OutputFormat.HTML, true),
            new HttpManagerPath("arawman", OutputFormat.RAW, true),
            new HttpManagerPath("amxml", OutputFormat.XML, true));

    /**
     * Finds the manager URI a request path names.
     *
     * @param prefix      http.conf's {@code prefix} as written (empty or null: none)
     * @param requestPath the request target's path, not decoded; anything from a {@code ?} on is
     *                    ignored, as handle_uri splits the query off first
     * @return the URI, or empty when the path is not one of the six
     */
    public static Optional<HttpManagerPath> match(String prefix, String requestPath) {
        if (requestPath == null) {
            return Optional.empty();
        }
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        String served = prefix == null || prefix.isEmpty() ? "" : "/" + prefix;
        int l = served.length();
        if (path.length() <= l || !path.regionMatches(true, 0, served, 0, l) || path.charAt(l) != '/') {
            return Optional.empty();
        }
        String rest = path.substring(l + 1);
        for (HttpManagerPath candidate : ALL) {
            String uri = candidate.uri();
            int n = uri.length();
            boolean exact = rest.length() == n || rest.length() == n + 1 && rest.charAt(n) == '/';
            if (exact && rest.regionMatches(true, 0, uri, 0, n)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The media type of the answer.
     *
     * @return {@code text/plain}, {@code text/html} or {@code text/xml}
     */
    public String contentType() {
        return format.contentType();
    }
}
