package dev.ami.persistence.conf;

/**
 * How messages about configuration text show a piece of it. A message names the file, the line,
 * and at most an option, section or file name, never a value: a value may be a secret, and an
 * included file may hold text the caller must not read. Even a name is cut short and escaped, so
 * that a line of a key file that happens to contain {@code =} cannot come back whole, and no
 * control character reaches a log or a terminal.
 */
public final class ConfigText {

    /** The most characters of a name a message shows. */
    public static final int MAX_SHOWN = 40;

    private ConfigText() {
    }

    /**
     * @param name an option or file name as written
     * @return it in single quotes, cut short and escaped ({@link #shortened})
     */
    public static String name(String name) {
        return "'" + shortened(name) + "'";
    }

    /**
     * @param name a section name as written
     * @return it in square brackets, cut short and escaped ({@link #shortened})
     */
    public static String section(String name) {
        return "[" + shortened(name) + "]";
    }

    /**
     * @param name a name as written
     * @return at most {@value #MAX_SHOWN} characters of it (then {@code …}), control and other
     *         non-printable characters as {@code \\uXXXX}
     */
    public static String shortened(String name) {
        int end = Math.min(name.length(), MAX_SHOWN);
        if (end < name.length() && Character.isHighSurrogate(name.charAt(end - 1))) {
            end--; // never half a character
        }
        return escaped(name.substring(0, end)) + (end < name.length() ? "…" : "");
    }

    /**
     * @param text text made of names only (such as a filter's options)
     * @return it with control and other non-printable characters as {@code \\uXXXX}
     */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (printable(c)) {
                out.appendCodePoint(c);
            } else if (Character.isBmpCodePoint(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        });
        return out.toString();
    }

    private static boolean printable(int c) {
        if (c == '\\') {
            return false; // escaped itself, so that an escape in the text cannot pass for one of ours
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
