package dev.ami.api.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An inbound AMI request: the header lines of one message, kept verbatim as Asterisk keeps them.
 *
 * <p>Lines are not split when received; lookups apply Asterisk's rules:
 * <ul>
 *   <li>the name matches without regard to case and must be followed immediately by {@code :}
 *       ({@code Action : Ping} does not name {@code Action});</li>
 *   <li>the value is what follows the colon with leading blanks and control characters skipped;
 *       trailing blanks are kept ({@code Action: Ping } names the action {@code "Ping "});</li>
 *   <li>the first line with the name wins, except {@link #action()}, which takes the first
 *       non-empty {@code Action} value;</li>
 *   <li>lines without a colon are kept but never match.</li>
 * </ul>
 *
 * @param lines the header lines in the order received, without their terminators
 */
public record ManagerAction(List<String> lines) {

    /** Asterisk splits one Variable header into at most this many pairs. */
    public static final int MAX_VARIABLES_PER_LINE = 64;

    public ManagerAction {
        lines = List.copyOf(lines);
    }

    /**
     * Builds an action from {@code name: value} pairs, mainly for tests and in-server callers.
     *
     * @param namesAndValues alternating names and values
     * @return the action
     */
    public static ManagerAction of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            lines.add(namesAndValues[i] + ": " + namesAndValues[i + 1]);
        }
        return new ManagerAction(lines);
    }

    /**
     * The value of the first header with this name.
     *
     * @param name the header name, matched without regard to case
     * @return the value (possibly empty), or empty when no line carries that name
     */
    public Optional<String> header(String name) {
        for (String line : lines) {
            String value = valueIfNamed(line, name);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The value of the first header with this name, or the empty string.
     *
     * @param name the header name, matched without regard to case
     * @return the value, never null
     */
    public String get(String name) {
        return header(name).orElse("");
    }

    /**
     * The action name: the first non-empty {@code Action} value.
     *
     * @return the action name exactly as sent (trailing blanks kept), or empty when there is none
     */
    public Optional<String> action() {
        for (String line : lines) {
            String value = valueIfNamed(line, "Action");
            if (value != null && !value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * Every {@code name=value} pair of every {@code Variable} header, in order: unlike other
     * headers, all {@code Variable} lines count, and each may hold a comma-separated list (at most
     * 64 pairs per line, as Asterisk splits it).
     *
     * @return the pairs as written, e.g. {@code ["A=1", "B=2"]}
     */
    public List<String> variables() {
        List<String> pairs = new ArrayList<>();
        for (String line : lines) {
            String value = valueIfNamed(line, "Variable");
            if (value != null && !value.isEmpty()) {
                String[] parts = value.split(",", -1);
                for (int i = 0; i < parts.length && i < MAX_VARIABLES_PER_LINE; i++) {
                    pairs.add(parts[i]);
                }
            }
        }
        return pairs;
    }

    /**
     * The ActionID to echo in the response: present only when the request carried a non-empty one.
     *
     * @return the ActionID, or empty
     */
    public Optional<String> actionId() {
        return header("ActionID").filter(id -> !id.isEmpty());
    }

    private static String valueIfNamed(String line, String name) {
        int n = name.length();
        if (line.length() <= n || line.charAt(n) != ':' || !line.regionMatches(true, 0, name, 0, n)) {
            return null;
        }
        int start = n + 1;
        while (start < line.length() && line.charAt(start) < 0x21) {
            start++;
        }
        return line.substring(start);
    }
}
