package dev.ami.server.codec;

/**
 * Text received from a client as it may appear in a log: control characters escaped (so a client
 * cannot forge log lines or terminal sequences) and cut at a length, saying how long it was.
 */
public final class LogText {

    private LogText() {
    }

    /**
     * @param text the text as received
     * @param max  the most characters kept
     * @return the text, escaped and cut
     */
    public static String of(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 24);
        append(sb, text, max);
        return sb.toString();
    }

    /** Appends {@link #of(String, int)} of {@code text} to {@code sb}. */
    public static void append(StringBuilder sb, String text, int max) {
        int end = Math.min(text.length(), max);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (text.length() > max) {
            sb.append("… (").append(text.length()).append(" characters)");
        }
    }
}
