package dev.ami.server.http;

import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code mansession_id} cookie that ties HTTP requests to a manager session, written and read
 * as Asterisk does, so that clients written against Asterisk keep their session here. Reading never
 * throws: whatever is not a usable id means "no session", and the request starts a fresh one.
 */
public final class ManagerCookie {

    /** The cookie's name; Asterisk compares it without regard to case. */
    public static final String NAME = "mansession_id";

    private static final int SCAN_WIDTH = 30;

    private ManagerCookie() {
    }

    /**
     * The value of the {@code Set-Cookie} header every cookie-session answer carries
     * (main/manager.c, generic_http_callback): {@code mansession_id="%08x"; Version=1; Max-Age=<httptimeout>}.
     *
     * @param sessionId   the session id (never 0 for a real session), printed as 8 lowercase hex digits
     * @param httpTimeout manager.conf {@code httptimeout}, in seconds
     * @return the header value
     */
    public static String setCookie(int sessionId, int httpTimeout) {
        String hex = Integer.toHexString(sessionId);
        return NAME + "=\"" + "0".repeat(8 - hex.length()) + hex + "\"; Version=1; Max-Age=" + httpTimeout;
    }

    /**
     * The session id a request names, found as main/http.c does (ast_http_get_cookies,
     * parse_cookies, ast_http_manid_from_vars):
     * <ul>
     *   <li>only the last {@code Cookie} header counts (one with an empty value is no header to
     *       Asterisk's request parser, so it does not count);</li>
     *   <li>it is split on {@code ;} and each cookie at its first {@code =}; names and values are
     *       stripped of blanks (bytes below 33), a value of one pair of double quotes loses them, and
     *       a cookie with an empty name or value is skipped;</li>
     *   <li>the last {@code mansession_id} in the header (name compared without regard to case) is
     *       the one read, even when an earlier one was better;</li>
     *   <li>its value is read with {@code sscanf("%30x")} ({@link HexScan}): leading hex digits are
     *       enough ({@code 1a2bzz} is 0x1a2b), more than 8 keep the low 32 bits, a value that does
     *       not start with a hex digit reads as nothing.</li>
     * </ul>
     *
     * @param cookieHeaders the values of all {@code Cookie} headers (name compared without regard to
     *                      case), in request order
     * @return the id, or empty when there is none or it reads as 0 (which no session has)
     */
    public static OptionalInt sessionId(List<String> cookieHeaders) {
        String last = null;
        for (String header : cookieHeaders) {
            if (header != null) {
                String value = AsteriskText.strip(AsteriskText.cString(header));
                if (!value.isEmpty()) {
                    last = value;
                }
            }
        }
        if (last == null) {
            return OptionalInt.empty();
        }
        String[] cookies = last.split(";", -1);
        for (int i = cookies.length - 1; i >= 0; i--) {
            String cookie = cookies[i];
            int eq = cookie.indexOf('=');
            if (eq <= 0 || eq == cookie.length() - 1) {
                continue;
            }
            String name = AsteriskText.strip(cookie.substring(0, eq));
            String value = stripQuoted(cookie.substring(eq + 1));
            if (name.isEmpty() || value.isEmpty() || !NAME.equalsIgnoreCase(name)) {
                continue;
            }
            long id = HexScan.scan(value, 0, SCAN_WIDTH);
            return id > 0 ? OptionalInt.of((int) id) : OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    /** main/utils.c ast_strip_quoted(s, "\"", "\""): stripped, then one enclosing pair of quotes removed. */
    private static String stripQuoted(String s) {
        String stripped = AsteriskText.strip(s);
        if (stripped.startsWith("\"") && stripped.endsWith("\"")) {
            return stripped.length() == 1 ? "" : stripped.substring(1, stripped.length() - 1);
        }
        return stripped;
    }
}
