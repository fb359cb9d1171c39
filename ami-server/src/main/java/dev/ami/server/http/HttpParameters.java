package dev.ami.server.http;

import dev.ami.api.message.ManagerAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of an HTTP manager request and the AMI action they make, as Asterisk derives them,
 * so that the action reaches the same dispatcher as a TCP one with the same header lines.
 *
 * <ul>
 *   <li>GET and HEAD use the query string (main/http.c, handle_uri); POST uses only a body of type
 *       {@code application/x-www-form-urlencoded} and then ignores the query string entirely
 *       (main/manager.c, generic_http_callback; main/http.c, ast_http_get_post_vars). Any other
 *       body gives no parameters at all, hence {@code Missing action in request}.</li>
 *   <li>Pairs are split on {@code &}, then at the first {@code =}; a pair without {@code =} has an
 *       empty value, and empty pairs ({@code a&&b}, a trailing {@code &}, a bare {@code ?}) are
 *       pairs with an empty name. Names and values are decoded by {@link UriDecoder}.</li>
 *   <li>Every pair is kept here (main/manager.c's xml_translate looks for {@code ajaxdest} among
 *       all of them); only the first {@value #MAX_HEADERS} become header lines of the action.</li>
 * </ul>
 * Text is a byte string (one char per byte, ISO-8859-1), as in the AMI codec; input is a C string
 * to Asterisk, so anything from a NUL byte on is ignored.
 */
public final class HttpParameters {

    /** AST_MAX_MANHEADERS: astman_append_headers stops there and drops the rest silently. */
    public static final int MAX_HEADERS = 128;

    /**
     * main/http.c MAX_CONTENT_LENGTH: a longer form body is answered 413. Only a form body is read,
     * so only a form body is held to it.
     */
    public static final int MAX_CONTENT_LENGTH = 40960;

    private static final String FORM = "application/x-www-form-urlencoded";

    private HttpParameters() {
    }

    /**
     * Whether Asterisk's manager serves this method; it answers any other with 501.
     *
     * @param method the request method, compared without regard to case as main/http.c does
     * @return true for GET, HEAD and POST
     */
    public static boolean methodAllowed(String method) {
        return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) || "POST".equalsIgnoreCase(method);
    }

    /**
     * Whether the request's body is read for parameters: a POST whose first {@code Content-Type},
     * cut at the first {@code ;}, is {@code application/x-www-form-urlencoded} (main/http.c,
     * get_content_type then strcasecmp). Nothing is trimmed after the cut, so
     * {@code application/x-www-form-urlencoded ; charset=UTF-8} is another type.
     *
     * @param method      the request method
     * @param contentType the value of the first {@code Content-Type} header, or null
     * @return true when the body carries the parameters (and {@link #MAX_CONTENT_LENGTH} applies)
     */
    public static boolean readsBody(String method, String contentType) {
        if (!"POST".equalsIgnoreCase(method) || contentType == null) {
            return false;
        }
        String value = AsteriskText.strip(AsteriskText.cString(contentType));
        int semicolon = value.indexOf(';');
        return FORM.equalsIgnoreCase(semicolon < 0 ? value : value.substring(0, semicolon));
    }

    /**
     * The parameters of a request.
     *
     * @param method      the request method
     * @param queryString the raw query string after {@code ?}, not decoded; null when the target
     *                    had no {@code ?}
     * @param contentType the value of the first {@code Content-Type} header, or null
     * @param body        the request body (only read for a form POST), or null
     * @return the pairs in request order; empty for other methods, which are answered 501 first
     */
    public static List<HttpParameter> of(String method, String queryString, String contentType, byte[] body) {
        if ("POST".equalsIgnoreCase(method)) {
            if (!readsBody(method, contentType) || body == null || body.length == 0) {
                return List.of();
            }
            return decode(new String(body, StandardCharsets.ISO_8859_1));
        }
        if ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) {
            return decode(queryString);
        }
        return List.of();
    }

    /**
     * Decodes a query string or form body.
     *
     * @param encoded the text, a byte string; null means no parameters (no {@code ?} at all),
     *                while the empty string is one empty pair, as in Asterisk
     * @return the pairs in order
     */
    public static List<HttpParameter> decode(String encoded) {
        if (encoded == null) {
            return List.of();
        }
        List<HttpParameter> pairs = new ArrayList<>();
        for (String pair : AsteriskText.cString(encoded).split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = UriDecoder.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : UriDecoder.decode(pair.substring(eq + 1));
            pairs.add(new HttpParameter(name, value));
        }
        return List.copyOf(pairs);
    }

    /**
     * The AMI action the parameters make: a header line {@code name: value} for each of the first
     * {@value #MAX_HEADERS} pairs, in order (main/manager.c, astman_append_headers). Lookups then
     * follow {@link ManagerAction}'s rules, so {@code action=ping} names the action {@code ping}.
     *
     * @param parameters the decoded pairs
     * @return the action to dispatch
     */
    public static ManagerAction toAction(List<HttpParameter> parameters) {
        List<String> lines = new ArrayList<>();
        for (HttpParameter p : parameters) {
            if (lines.size() == MAX_HEADERS) {
                break;
            }
            lines.add(p.name() + ": " + p.value());
        }
        return new ManagerAction(lines);
    }
}
