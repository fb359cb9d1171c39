package dev.ami.admin.rest.v1;

import dev.ami.persistence.manager.FieldProblem;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The entity tags of an {@code If-Match} or {@code If-None-Match} header (RFC 9110 section 13.1):
 * {@code *}, or a comma list of tags, each in quotes, {@code W/} before a weak one. If-Match
 * compares strongly, so a weak tag never matches (this API gives strong ones only); If-None-Match
 * compares weakly.
 *
 * @param any    true for {@code *}
 * @param strong the strong tags' values, without their quotes
 * @param weak   the weak tags' values, without {@code W/} and quotes
 */
record EntityTags(boolean any, Set<String> strong, Set<String> weak) {

    EntityTags {
        strong = Set.copyOf(strong);
        weak = Set.copyOf(weak);
    }

    /**
     * The If-Match a change must carry.
     *
     * @param lines the request's If-Match lines
     * @param which what the tag must be of, for the problem ({@code the account as last read, or * to
     *              change it whatever its state})
     * @return the tags
     * @throws ProblemException 428 when the header is absent, 400 when it is not a list of entity tags
     */
    static EntityTags requiredIfMatch(List<String> lines, String which) {
        EntityTags tags = parse(HttpHeaders.IF_MATCH, lines);
        if (tags == null) {
            throw new ProblemException(new Problem(Problem.IF_MATCH_REQUIRED, "If-Match is required", 428,
                    "a change must name the state it changes: If-Match with the ETag of " + which, List.of()));
        }
        return tags;
    }

    /**
     * @param header the header's name, for a problem
     * @param lines  its lines (null or empty: absent)
     * @return the tags, or null when the header is absent
     * @throws ProblemException 400 when it is not a list of entity tags
     */
    static EntityTags parse(String header, List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        String value = String.join(",", lines).strip();
        if (value.equals("*")) {
            return new EntityTags(true, Set.of(), Set.of());
        }
        Set<String> strong = new HashSet<>();
        Set<String> weak = new HashSet<>();
        int i = 0;
        boolean any = false;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean isWeak = value.startsWith("W/", i);
            int open = isWeak ? i + 2 : i;
            int close = open < value.length() && value.charAt(open) == '"' ? value.indexOf('"', open + 1) : -1;
            if (close < 0 || value.substring(open + 1, close).chars().anyMatch(ch -> ch < 0x21 && ch != 0x09 || ch == 0x7f)) {
                throw malformed(header);
            }
            (isWeak ? weak : strong).add(value.substring(open + 1, close));
            any = true;
            i = close + 1;
            if (i < value.length() && value.charAt(i) != ',' && value.charAt(i) != ' ' && value.charAt(i) != '\t') {
                throw malformed(header);
            }
        }
        if (!any) {
            throw malformed(header);
        }
        return new EntityTags(false, strong, weak);
    }

    /** @return If-Match's test of a current ETag: strong comparison */
    Predicate<String> strongMatch() {
        return etag -> any || strong.contains(etag);
    }

    /** @return If-None-Match's test of a current ETag: weak comparison */
    boolean weakMatch(String etag) {
        return any || strong.contains(etag) || weak.contains(etag);
    }

    private static ProblemException malformed(String header) {
        return new ProblemException(new Problem(Problem.INVALID, "The request is not valid", 400,
                header + " is not * or a comma list of entity tags in quotes",
                List.of(new FieldProblem(header, "must be * or entity tags such as \"abc\", as ETag gives them"))));
    }
}
