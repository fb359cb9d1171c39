package dev.ami.server.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * main/manager.c xml_translate: turns the AMI text a session produced into the rows of the XML or
 * HTML rendering, line by line, exactly as Asterisk does, since pages and scripts parse its output.
 *
 * <ul>
 *   <li>A line ends at CR or LF; an LF right after the ending character is skipped with it. Trailing
 *       blanks (bytes below 33) are trimmed.</li>
 *   <li>An empty (or all-blank) line closes the current block; the text's end closes the last block
 *       too, so a missing final empty line changes nothing.</li>
 *   <li>{@code Name: value} splits at the first colon; the name loses trailing blanks, the value
 *       leading ones. Within a block a repeated name (compared exactly, case included) gets
 *       {@code -2}, {@code -3}, ... after it.</li>
 *   <li>A line without a colon starts opaque data: a field {@code Opaque-data} whose value is that
 *       line and every following line of the block, joined by {@code \n} (XML) or {@code <br>\n}
 *       (HTML). Asterisk closes its quote only when an empty line follows or the text ends right
 *       after the first opaque line, so opaque data that runs to the end of the text leaves the
 *       attribute unclosed; this is reproduced.</li>
 *   <li>XML: each block is {@code <response type='object' id='ajaxdest'><ajaxobjtype name='value' ...
 *       /></response>\n}; the last non-empty {@code ajaxdest} / {@code ajaxobjtype} parameter
 *       (names compared without regard to case) gives the id and element, else {@code unknown} and
 *       {@code generic}; they are inserted unescaped, as Asterisk inserts them.</li>
 *   <li>HTML: each field is {@code <tr><td>Name</td><td>value</td></tr>\n}; each block ends with
 *       {@code <tr><td colspan="2"><hr></td></tr>\r\n}.</li>
 * </ul>
 */
final class XmlTranslator {

    private static final String HTML_BLOCK_END = "<tr><td colspan=\"2\"><hr></td></tr>\r\n";
    private static final String XML_BLOCK_END = " /></response>\n";

    private XmlTranslator() {
    }

    /** Appends the rendering of {@code in} (a C string: it ends at its first NUL). */
    static void translate(StringBuilder out, String in, boolean xml, List<HttpParameter> parameters) {
        String dest = null;
        String objType = null;
        if (xml) {
            for (HttpParameter p : parameters) {
                if (p.name().equalsIgnoreCase("ajaxdest")) {
                    dest = p.value();
                } else if (p.name().equalsIgnoreCase("ajaxobjtype")) {
                    objType = p.value();
                }
            }
            dest = dest == null || dest.isEmpty() ? "unknown" : dest;
            objType = objType == null || objType.isEmpty() ? "generic" : objType;
        }
        String text = AsteriskText.cString(in);
        int n = text.length();
        int pos = 0;
        boolean inData = false;
        Map<String, Integer> counts = null;
        while (pos < n) {
            int end = lineEnd(text, pos);
            String line = AsteriskText.trimBlanks(text.substring(pos, end));
            pos = end < n ? end + 1 : n;
            if (end < n && pos < n && text.charAt(pos) == '\n') {
                pos++;
            }
            if (line.isEmpty()) {
                if (inData) {
                    out.append(xml ? "'" : "</td></tr>\n");
                    inData = false;
                }
                if (counts != null) {
                    out.append(xml ? XML_BLOCK_END : HTML_BLOCK_END);
                    counts = null;
                }
                continue;
            }
            if (counts == null) {
                if (xml) {
                    out.append("<response type='object' id='").append(dest).append("'><").append(objType);
                }
                counts = new HashMap<>();
            }
            if (inData) {
                out.append(xml ? "\n" : "<br>\n");
                XmlEscape.text(out, line);
                continue;
            }
            String name;
            String value;
            int colon = line.indexOf(':');
            if (colon >= 0) {
                name = AsteriskText.trimBlanks(line.substring(0, colon));
                value = AsteriskText.skipBlanks(line.substring(colon + 1));
            } else {
                name = "Opaque-data";
                value = line;
                inData = true;
            }
            out.append(xml ? " " : "<tr><td>");
            int count = counts.merge(name, 1, Integer::sum);
            if (xml) {
                XmlEscape.attributeName(out, name);
            } else {
                XmlEscape.text(out, name);
            }
            if (count > 1) {
                out.append('-').append(count);
            }
            out.append(xml ? "='" : "</td><td>");
            XmlEscape.text(out, value);
            if (!inData || pos >= n) {
                out.append(xml ? "'" : "</td></tr>\n");
            }
        }
        if (counts != null) {
            out.append(xml ? XML_BLOCK_END : HTML_BLOCK_END);
        }
    }

    /** strsep(&in, "\r\n"): the first CR or LF, or the end. */
    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                return i;
            }
        }
        return text.length();
    }
}
