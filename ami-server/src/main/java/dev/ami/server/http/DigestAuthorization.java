package dev.ami.server.http;

import java.util.Locale;
import java.util.Optional;

/**
 * The fields of a request's {@code Authorization: Digest ...} header, read as Asterisk reads them
 * (main/utils.c, ast_parse_digest, as main/manager.c's auth_http_callback calls it: a response, pedantic).
 *
 * <ul>
 *   <li>After optional blanks the header must begin with {@code Digest } (any case).</li>
 *   <li>Each known key is matched with its {@code =} and no blanks around it; a quoted value runs to
 *       the next {@code "} (backslash escapes are then undone), an unquoted one to the next
 *       {@code ,}; anything else is skipped up to the next {@code ,}.</li>
 *   <li>{@code algorithm} other than {@code MD5} is refused; {@code qop} counts only when it is
 *       {@code auth}; {@code nc} must begin with a hex number.</li>
 *   <li>realm, nonce, username, uri and response must be present, and with qop cnonce and nc too.</li>
 * </ul>
 *
 * @param username the user name as the client sent it
 * @param realm    the realm (present, otherwise unused, as in Asterisk)
 * @param nonce    the nonce as sent
 * @param uri      the digest URI, which goes into HA2 as sent
 * @param response the client's response hash
 * @param cnonce   the client nonce, or empty
 * @param nc       the nonce count as sent, or empty
 * @param qop      true if {@code qop=auth} was sent (RFC 2617), false for RFC 2069
 */
record DigestAuthorization(String username, String realm, String nonce, String uri, String response, String cnonce,
        String nc, boolean qop) {

    private static final String[] KEYS = {"username=", "realm=", "nonce=", "uri=", "domain=", "response=",
            "cnonce=", "opaque=", "algorithm=", "qop=", "nc="};

    /**
     * @param header the {@code Authorization} header's value
     * @return its fields, or empty when Asterisk would refuse it (the client then gets a new challenge)
     */
    static Optional<DigestAuthorization> parse(String header) {
        if (header == null || header.isEmpty()) {
            return Optional.empty();
        }
        int c = skipBlanks(header, 0);
        if (!header.regionMatches(true, c, "Digest ", 0, 7)) {
            return Optional.empty();
        }
        c += 7;
        Fields f = new Fields();
        int n = header.length();
        while (c >= 0 && c < n && (c = skipBlanks(header, c)) < n) {
            String key = keyAt(header, c);
            if (key == null) {
                int comma = header.indexOf(',', c);
                c = comma < 0 ? -1 : comma + 1;
                continue;
            }
            c += key.length();
            String value;
            if (c < n && header.charAt(c) == '"') {
                int close = header.indexOf('"', c + 1);
                value = unescape(header.substring(c + 1, close < 0 ? n : close));
                c = close < 0 ? -1 : close + 1;
            } else {
                int comma = header.indexOf(',', c);
                value = header.substring(c, comma < 0 ? n : comma);
                c = comma < 0 ? -1 : comma + 1;
            }
            if (!f.set(key, value)) {
                return Optional.empty();
            }
        }
        return f.complete();
    }

    private static String keyAt(String header, int at) {
        for (String key : KEYS) {
            if (header.regionMatches(true, at, key, 0, key.length())) {
                return key;
            }
        }
        return null;
    }

    /** ast_skip_blanks: spaces and other characters up to 32 are blanks. */
    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    /** ast_unescape_c: C escapes become their characters, any other escaped character itself. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                out.append(ch);
                continue;
            }
            char e = s.charAt(++i);
            out.append(switch (e) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'a' -> '\u0007';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'v' -> '\u000b';
                default -> e;
            });
        }
        return out.toString();
    }

    /** The fields found so far; a later field of the same name replaces an earlier one, as in Asterisk. */
    private static final class Fields {
        private String username = "";
        private String realm = "";
        private String nonce = "";
        private String uri = "";
        private String response = "";
        private String cnonce = "";
        private String nc = "";
        private boolean qop;

        /** @return false if the value makes the whole header invalid */
        boolean set(String key, String value) {
            switch (key) {
                case "username=" -> username = value;
                case "realm=" -> realm = value;
                case "nonce=" -> nonce = value;
                case "uri=" -> uri = value;
                case "response=" -> response = value;
                case "cnonce=" -> cnonce = value;
                case "algorithm=" -> {
                    return "md5".equals(value.toLowerCase(Locale.ROOT));
                }
                case "qop=" -> qop |= "auth".equals(value.toLowerCase(Locale.ROOT));
                case "nc=" -> {
                    if (HexScan.scanLong(value, 0, 30).isEmpty()) {
                        return false;
                    }
                    nc = value;
                }
                default -> {
                    // domain and opaque are read and not used
                }
            }
            return true;
        }

        Optional<DigestAuthorization> complete() {
            if (realm.isEmpty() || nonce.isEmpty() || username.isEmpty() || uri.isEmpty() || response.isEmpty()
                    || qop && (cnonce.isEmpty() || nc.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new DigestAuthorization(username, realm, nonce, uri, response, cnonce, nc, qop));
        }
    }
}
