package dev.ami.admin.rest.v1;

import java.nio.charset.StandardCharsets;

/** An account name as one path segment of a URI: RFC 3986's unreserved characters as they are, the rest percent-encoded. */
final class Segments {

    private static final String HEX = "0123456789ABCDEF";

    private Segments() {
    }

    /** @return the name as a path segment ({@code a b/c} becomes {@code a%20b%2Fc}) */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }
}
