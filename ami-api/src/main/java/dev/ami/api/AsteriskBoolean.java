package dev.ami.api;

/** Asterisk's reading of boolean words (ast_true / ast_false), used by its config and protocol. */
public final class AsteriskBoolean {

    private AsteriskBoolean() {
    }

    /** @param s a value @return true for yes, true, y, t, 1, on (any case) */
    public static boolean isTrue(String s) {
        return s != null && (s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("y")
                || s.equalsIgnoreCase("t") || s.equals("1") || s.equalsIgnoreCase("on"));
    }

    /** @param s a value @return true for no, false, n, f, 0, off (any case) */
    public static boolean isFalse(String s) {
        return s != null && (s.equalsIgnoreCase("no") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("n")
                || s.equalsIgnoreCase("f") || s.equals("0") || s.equalsIgnoreCase("off"));
    }
}
