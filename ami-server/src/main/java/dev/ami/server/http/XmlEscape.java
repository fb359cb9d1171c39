package dev.ami.server.http;

/**
 * main/manager.c xml_copy_escape: how a name or value is written into the XML or HTML rendering.
 * Values (and HTML names) keep their case and have {@code < > " ' &} escaped; XML attribute names
 * are lowercased, with every character that is not an ASCII letter or digit replaced by {@code _}
 * and an {@code _} put before a leading digit (an XML name cannot start with one). Bytes from 0x80
 * up are not alphanumeric in the C locale, so each becomes one {@code _}.
 */
final class XmlEscape {

    private XmlEscape() {
    }

    /** Appends a value, or a name of the HTML rendering (mode 0). */
    static void text(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
    }

    /** Appends an XML attribute name (mode 1 | 2). */
    static void attributeName(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i == 0 && c >= '0' && c <= '9') {
                out.append('_').append(c);
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else {
                out.append('_');
            }
        }
    }
}
