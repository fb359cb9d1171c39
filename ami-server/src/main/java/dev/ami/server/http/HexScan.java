package dev.ami.server.http;

import java.util.OptionalLong;

/**
 * C's {@code sscanf(s, "%<width>x", &unsigned_int)} as glibc performs it in the C locale, because
 * Asterisk reads both percent escapes (main/utils.c, ast_uri_decode: {@code "%2x"}) and the session
 * cookie (main/http.c, ast_http_manid_from_vars: {@code "%30x"}) with it, and its quirks decide
 * what malformed input means:
 * <ul>
 *   <li>leading white space ({@code isspace}) is skipped and does not count towards the width;</li>
 *   <li>a {@code +} or {@code -} sign may come first and counts towards the width; {@code -}
 *       negates as {@code strtoul} does;</li>
 *   <li>a {@code 0x} / {@code 0X} prefix is skipped (so {@code "0x"} alone reads as 0);</li>
 *   <li>at most the width in characters is read, and reading stops at the first non-hex digit;</li>
 *   <li>a value beyond 64 bits saturates (strtoul's {@code ULONG_MAX}); with {@code %x} the result
 *       is then stored in a 32-bit {@code unsigned int}, keeping its low 32 bits, with {@code %lx}
 *       (the digest nonce and nonce count, main/manager.c, auth_http_callback) in 64 bits.</li>
 * </ul>
 */
final class HexScan {

    /** No conversion: sscanf did not return 1. */
    static final long FAILED = -1;

    private HexScan() {
    }

    /**
     * Scans one hexadecimal number.
     *
     * @param s     the text (a C string: it ends at the end of {@code s})
     * @param from  where scanning starts
     * @param width the field width
     * @return the unsigned 32-bit value, or {@link #FAILED} when nothing was converted
     */
    static long scan(String s, int from, int width) {
        OptionalLong value = scanLong(s, from, width);
        return value.isEmpty() ? FAILED : value.getAsLong() & 0xFFFF_FFFFL;
    }

    /**
     * Scans one hexadecimal number into an {@code unsigned long} ({@code "%<width>lx"}).
     *
     * @param s     the text
     * @param from  where scanning starts
     * @param width the field width
     * @return the unsigned 64-bit value (as a long's bits), or empty when nothing was converted
     */
    static OptionalLong scanLong(String s, int from, int width) {
        int n = s.length();
        int i = from;
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int left = width;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            left--;
            i++;
        }
        boolean zero = false;
        if (left != 0 && i < n && s.charAt(i) == '0') {
            zero = true;
            left--;
            i++;
            if (left != 0 && i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
                left--;
                i++;
            }
        }
        long value = 0;
        boolean overflow = false;
        int digits = 0;
        while (left != 0 && i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80) {
            if (Long.compareUnsigned(value, 0x0FFF_FFFF_FFFF_FFFFL) > 0) {
                overflow = true;
            } else {
                value = value << 4 | Character.digit(s.charAt(i), 16);
            }
            digits++;
            left--;
            i++;
        }
        if (digits == 0 && !zero) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(overflow ? -1L : negative ? -value : value);
    }

    /** C's isspace in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }
}
