package dev.ami.api.authority;

import dev.ami.api.AsteriskBoolean;
import java.util.StringJoiner;

/**
 * A set of authority classes, as the bit mask Asterisk uses for an account's {@code read} and
 * {@code write} rights, an action's required classes, an event's class and a session's event mask.
 *
 * @param bits the class bits; {@link AuthorityClass#ALL} is {@link Integer#MAX_VALUE}
 */
public record Authority(int bits) {

    /** No class at all: an action with this authority may be run by any logged-in account. */
    public static final Authority NONE = new Authority(0);

    /** Every class. */
    public static final Authority ALL = new Authority(Integer.MAX_VALUE);

    /**
     * @param classes the classes to combine
     * @return the set holding exactly those classes
     */
    public static Authority of(AuthorityClass... classes) {
        int bits = 0;
        for (AuthorityClass c : classes) {
            bits |= c.bits();
        }
        return new Authority(bits);
    }

    /**
     * Parses a class list exactly as Asterisk parses {@code read=} and {@code write=}.
     *
     * <p>Names are comma-separated and case-sensitive, with no trimming. Asterisk's matcher has two
     * quirks reproduced here: every token but the last matches any class whose name it is a prefix
     * of ({@code sys,call} grants system and call), and an empty token before the last matches every
     * class including {@code all}. Unknown names add nothing. See
     * {@link #isQuirky(String)} to warn about such lists.
     *
     * @param list the list, possibly null or empty
     * @return the classes granted
     */
    public static Authority parse(String list) {
        if (list == null) {
            return NONE;
        }
        int bits = 0;
        for (AuthorityClass c : AuthorityClass.values()) {
            if (inList(list, c.label())) {
                bits |= c.bits();
            }
        }
        return new Authority(bits);
    }

    /**
     * Parses an {@code EventMask} (the Events action and the {@code Events} header of Login).
     *
     * <p>Empty is invalid; all digits is a raw bit mask ({@code 1} is system only); false words
     * ({@code no, false, n, f, off}) are no classes; true words ({@code yes, true, y, t, on}) are all
     * classes; anything else is a class list parsed like {@link #parse(String)}.
     *
     * @param mask the mask text
     * @return the classes, or null when the mask is invalid (empty)
     */
    public static Authority parseEventMask(String mask) {
        if (mask == null || mask.isEmpty()) {
            return null;
        }
        if (mask.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return new Authority(atoi(mask));
        }
        if (AsteriskBoolean.isFalse(mask)) {
            return NONE;
        }
        if (AsteriskBoolean.isTrue(mask)) {
            return ALL;
        }
        return parse(mask);
    }

    /**
     * Tells whether a class list relies on Asterisk's matcher quirks, which operators rarely mean:
     * an empty token granting everything, a non-final token matched as a prefix, or a token that is
     * no class name as written (a blank after a comma, another case, a typo) and grants nothing.
     * A trailing comma is harmless and not reported.
     *
     * @param list the list as written
     * @return true if parsing differs from an exact, whole-token reading
     */
    public static boolean isQuirky(String list) {
        if (list == null || list.isEmpty()) {
            return false;
        }
        String[] tokens = list.split(",", -1);
        for (int i = 0; i < tokens.length; i++) {
            boolean last = i == tokens.length - 1;
            if (tokens[i].isEmpty() ? !last : !isClassName(tokens[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClassName(String token) {
        for (AuthorityClass c : AuthorityClass.values()) {
            if (c.label().equals(token)) {
                return true;
            }
        }
        return false;
    }

    /** @param other another set @return true if the two sets share at least one bit */
    public boolean intersects(Authority other) {
        return (bits & other.bits) != 0;
    }

    /** @param other another set @return true if every bit of {@code other} is in this set */
    public boolean containsAll(Authority other) {
        return (bits & other.bits) == other.bits;
    }

    /** @param other another set @return the classes in both */
    public Authority and(Authority other) {
        return new Authority(bits & other.bits);
    }

    /** @return true if no class is set */
    public boolean isEmpty() {
        return bits == 0;
    }

    /**
     * The {@code Privilege:} form: every named class sharing a bit with this set, in table order,
     * comma-separated; {@code <none>} for the empty set. Any non-empty set ends in {@code all}.
     *
     * @return the privilege string
     */
    public String privilege() {
        StringJoiner joiner = new StringJoiner(",");
        for (AuthorityClass c : AuthorityClass.values()) {
            if ((bits & c.bits()) != 0) {
                joiner.add(c.label());
            }
        }
        return joiner.length() == 0 ? "<none>" : joiner.toString();
    }

    /** Asterisk's ast_instring with ',' as delimiter: prefix match for all but the last token. */
    private static boolean inList(String list, String label) {
        int start = 0;
        while (true) {
            int comma = list.indexOf(',', start);
            if (comma < 0) {
                return list.substring(start).equals(label);
            }
            String token = list.substring(start, comma);
            if (label.startsWith(token)) {
                return true;
            }
            start = comma + 1;
            if (start >= list.length()) {
                return false;
            }
        }
    }

    /** C atoi on a digit string: wraps like a 32-bit int instead of failing on overflow. */
    private static int atoi(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length() && i < 19; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return (int) value;
    }
}
