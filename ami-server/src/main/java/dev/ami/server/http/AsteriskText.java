package dev.ami.server.http;

/**
 * The few C string helpers of Asterisk (include/asterisk/strings.h) that decide how HTTP input is
 * read: a string ends at its first NUL, and "blanks" are all bytes below 33, not just spaces.
 */
final class AsteriskText {

    private AsteriskText() {
    }

    /** The text up to its first NUL, as C sees it. */
    static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** ast_skip_blanks then ast_trim_blanks: bytes below 33 removed at both ends. */
    static String strip(String s) {
        return trimBlanks(skipBlanks(s));
    }

    /** ast_skip_blanks: bytes below 33 removed at the start. */
    static String skipBlanks(String s) {
        int start = 0;
        while (start < s.length() && s.charAt(start) < 33) {
            start++;
        }
        return s.substring(start);
    }

    /** ast_trim_blanks: bytes below 33 removed at the end. */
    static String trimBlanks(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) < 33) {
            end--;
        }
        return s.substring(0, end);
    }
}
