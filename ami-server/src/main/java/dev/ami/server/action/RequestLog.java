package dev.ami.server.action;

import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.message.ManagerAction;
import dev.ami.server.codec.LogText;
import java.util.List;
import java.util.Locale;

/**
 * A request as the debug log shows it ({@code debug = yes}): its lines joined with {@code " | "},
 * the values of {@code Secret}, {@code Key} and of the headers the action declares sensitive
 * replaced by {@code <redacted>}, each line cut at {@value #MAX_LINE} characters (saying how long
 * it was), and control characters escaped so that a request cannot forge log lines.
 */
final class RequestLog {

    /** The longest part of one request line that is logged. */
    static final int MAX_LINE = 200;

    private static final List<String> ALWAYS_SENSITIVE = List.of("secret", "key");

    private RequestLog() {
    }

    /**
     * @param action    the request
     * @param sensitive the header names the action declares sensitive ({@code *} at the end: any rest)
     * @return the text to log
     */
    static String describe(ManagerAction action, List<String> sensitive) {
        StringBuilder sb = new StringBuilder();
        for (String line : action.lines()) {
            int colon = line.indexOf(':');
            if (colon > 0 && isSensitive(line.substring(0, colon).strip(), sensitive)) {
                appendCut(sb, line.substring(0, colon + 1));
                sb.append(" <redacted>");
            } else {
                appendCut(sb, line);
            }
            sb.append(" | ");
        }
        return sb.toString();
    }

    private static boolean isSensitive(String header, List<String> declared) {
        return ALWAYS_SENSITIVE.contains(header.toLowerCase(Locale.ROOT))
                || ApplicationAction.matchesAny(declared, header);
    }

    private static void appendCut(StringBuilder sb, String text) {
        LogText.append(sb, text, MAX_LINE);
    }
}
