package dev.ami.api.filter;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses event filters as Asterisk 22 does (main/manager.c, manager_add_filter and should_send_event):
 * the legacy form {@code eventfilter = [!]regex}
 * and the advanced form {@code eventfilter(action(…),name(…),header(…),method(…)) = [pattern]}.
 */
public final class EventFilters {

    private EventFilters() {
    }

    /**
     * @param key   the option name: {@code eventfilter}, or {@code eventfilter(criteria)}
     * @param value the pattern (may be empty for the advanced form)
     * @return the filter
     * @throws EventFilterException if the filter is malformed or its regex does not compile
     */
    public static EventFilter parse(String key, String value) throws EventFilterException {
        int open = key.indexOf('(');
        if (open < 0) {
            return legacy(value);
        }
        if (!key.endsWith(")")) {
            throw malformed("the criteria of " + key + " must end with ')'");
        }
        return advanced(key.substring(open + 1, key.length() - 1), value);
    }

    /**
     * The Filter action's form: {@code MatchCriteria} without its outer parentheses, if any.
     *
     * @param criteria the MatchCriteria header, or empty for a legacy filter
     * @param pattern  the Filter header
     * @return the filter
     * @throws EventFilterException if the filter is malformed or its regex does not compile
     */
    public static EventFilter fromAction(String criteria, String pattern) throws EventFilterException {
        return criteria.isEmpty() ? legacy(pattern) : advanced(criteria, pattern);
    }

    private static EventFilter legacy(String value) throws EventFilterException {
        boolean include = !value.startsWith("!");
        String regex = include ? value : value.substring(1);
        if (regex.isEmpty()) {
            throw malformed("an empty filter pattern");
        }
        Pattern p = compile(regex);
        return new Advanced(include, null, null, Method.REGEX, regex, p);
    }

    private static EventFilter advanced(String criteria, String value) throws EventFilterException {
        Boolean include = null;
        String name = null;
        String header = null;
        Method method = null;
        Set<String> seen = new HashSet<>();
        // Asterisk splits the criteria on spaces, commas and ')'.
        for (String token : criteria.split("[ ,)]+")) {
            if (token.isEmpty()) {
                continue;
            }
            int paren = token.indexOf('(');
            if (paren < 0) {
                throw malformed("'" + token + "' is not action(…), name(…), header(…) or method(…)");
            }
            String option = token.substring(0, paren);
            String arg = token.substring(paren + 1);
            if (!seen.add(option)) {
                throw malformed(option + "(…) given twice");
            }
            switch (option) {
                case "action" -> {
                    if (!arg.equals("include") && !arg.equals("exclude")) {
                        throw malformed("action(" + arg + ") must be include or exclude");
                    }
                    include = arg.equals("include");
                }
                case "name" -> name = nonEmpty(option, arg);
                case "header" -> {
                    String h = nonEmpty(option, arg);
                    header = h.endsWith(":") ? h : h + ":";
                }
                case "method" -> method = Method.of(arg);
                default -> throw malformed("unknown criterion " + option + "(…)");
            }
        }
        if (seen.isEmpty()) {
            throw malformed("no criteria");
        }
        String pattern = value;
        if (pattern.startsWith("!")) {
            pattern = pattern.substring(1);
            if (include == null) {
                include = false;
            }
        }
        if (method == null) {
            method = Method.NONE;
        }
        if (method == Method.NONE && !pattern.isEmpty()) {
            throw malformed("a pattern needs a method(…)");
        }
        if (method != Method.NONE && pattern.isEmpty()) {
            throw malformed("method(" + method.word + ") needs a pattern");
        }
        if (method == Method.NONE && name == null && header == null) {
            throw malformed("method(none) needs name(…) or header(…)");
        }
        return new Advanced(include == null || include, name, header, method, pattern,
                method == Method.REGEX ? compile(pattern) : null);
    }

    private static String nonEmpty(String option, String arg) throws EventFilterException {
        if (arg.isEmpty()) {
            throw malformed(option + "() is empty");
        }
        return arg;
    }

    /** POSIX extended regex, case-sensitive, '.' crossing line ends, searched anywhere in the text. */
    private static Pattern compile(String regex) throws EventFilterException {
        try {
            return Pattern.compile(posixClasses(regex), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new EventFilterException("'" + regex + "' does not compile: " + e.getDescription(), true);
        }
    }

    /** POSIX bracket classes such as {@code [[:digit:]]} in Java's spelling. */
    private static String posixClasses(String regex) {
        return regex.replace("[:alpha:]", "\\p{Alpha}").replace("[:digit:]", "\\p{Digit}")
                .replace("[:alnum:]", "\\p{Alnum}").replace("[:upper:]", "\\p{Upper}")
                .replace("[:lower:]", "\\p{Lower}").replace("[:space:]", "\\s").replace("[:punct:]", "\\p{Punct}")
                .replace("[:xdigit:]", "\\p{XDigit}").replace("[:blank:]", "\\p{Blank}")
                .replace("[:print:]", "\\p{Print}").replace("[:graph:]", "\\p{Graph}").replace("[:cntrl:]", "\\p{Cntrl}");
    }

    private static EventFilterException malformed(String why) {
        return new EventFilterException(why, false);
    }

    enum Method {
        REGEX("regex"), EXACT("exact"), STARTS_WITH("starts_with"), ENDS_WITH("ends_with"), CONTAINS("contains"),
        NONE("none");

        final String word;

        Method(String word) {
            this.word = word;
        }

        static Method of(String word) throws EventFilterException {
            for (Method m : values()) {
                if (m.word.equals(word)) {
                    return m;
                }
            }
            throw malformed("method(" + word + ") is not regex, exact, starts_with, ends_with, contains or none");
        }
    }

    /** Every filter: the legacy form is a regex over the whole text with no name or header. */
    private record Advanced(boolean include, String name, String header, Method method, String pattern,
            Pattern regex) implements EventFilter {

        @Override
        public boolean matches(String eventName, String eventText) {
            if (name != null && !name.equals(eventName)) {
                return false;
            }
            if (header == null) {
                return test(eventText);
            }
            for (String line : eventText.split("\r\n")) {
                if (line.startsWith(header)) {
                    String v = line.substring(header.length()).stripLeading();
                    if (!v.isEmpty() && test(v)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean test(String data) {
            return switch (method) {
                case REGEX -> regex.matcher(data).find();
                case EXACT -> data.equals(pattern);
                case STARTS_WITH -> data.startsWith(pattern);
                case ENDS_WITH -> data.endsWith(pattern);
                case CONTAINS -> data.contains(pattern);
                case NONE -> true;
            };
        }
    }
}
