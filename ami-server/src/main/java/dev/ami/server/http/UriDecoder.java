package dev.ami.server.http;

/**
 * Percent-decoding exactly as Asterisk's HTTP server applies it to query strings and form bodies
 * (main/utils.c, ast_uri_decode with ast_uri_http_legacy), so that a parameter means the same here
 * as there, malformed escapes included.
 *
 * <ul>
 *   <li>{@code +} is a space.</li>
 *   <li>{@code %} followed by at least two more characters is read with {@code sscanf("%2x")}
 *       ({@link HexScan}); when that converts, the low byte of the result is written and the
 *       {@code %} and the next two characters are consumed, whatever sscanf itself read: {@code %4}
 *       followed by {@code z} gives byte 0x04 and swallows the {@code z}; {@code %-1} gives 0xFF.</li>
 *   <li>Otherwise the {@code %} is copied as it is ({@code %zz}, {@code %4} at the end).</li>
 *   <li>The result is a C string: a decoded NUL ({@code %00}) ends it.</li>
 * </ul>
 * Text is a byte string (one char per byte, ISO-8859-1), as in the AMI codec.
 */
final class UriDecoder {

    private UriDecoder() {
    }

    /**
     * Decodes one name or value.
     *
     * @param s the encoded text, without NUL
     * @return the decoded text, cut at the first decoded NUL
     */
    static String decode(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.append(' ');
                continue;
            }
            if (c == '%' && i + 2 < n) {
                long value = HexScan.scan(s, i + 1, 2);
                if (value != HexScan.FAILED) {
                    char decoded = (char) (value & 0xFF);
                    if (decoded == 0) {
                        break;
                    }
                    out.append(decoded);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
