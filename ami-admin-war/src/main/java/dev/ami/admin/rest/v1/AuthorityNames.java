package dev.ami.admin.rest.v1;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.persistence.manager.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * An account's {@code read} or {@code write} classes as the API shows them: a list of Asterisk's
 * class names. Shown is what the stored list grants, as Asterisk parses it ({@link Authority#parse},
 * quirks and all): {@code ["all"]} when it grants every class (the {@code all} bits), else the
 * named classes it grants, in Asterisk's table order ({@code []} for none). Taken is a list of
 * names written exactly as Asterisk writes them; {@code all} grants every class, {@code none}
 * nothing; the stored list is then written plainly ({@code system,call}), which grants exactly those.
 */
final class AuthorityNames {

    /** The names a list may hold, in Asterisk's table order. */
    static final String KNOWN = Arrays.stream(AuthorityClass.values()).map(AuthorityClass::label)
            .collect(Collectors.joining(", "));

    private AuthorityNames() {
    }

    /**
     * @param stored a {@code read=} or {@code write=} list as stored
     * @return the class names it grants
     */
    static List<String> shown(String stored) {
        Authority granted = Authority.parse(stored);
        if (granted.equals(Authority.ALL)) {
            return List.of(AuthorityClass.ALL.label());
        }
        List<String> names = new ArrayList<>();
        for (AuthorityClass c : AuthorityClass.values()) {
            if (c != AuthorityClass.ALL && c != AuthorityClass.NONE && granted.intersects(Authority.of(c))) {
                names.add(c.label());
            }
        }
        return names;
    }

    /**
     * @param names    class names as given
     * @param field    the field they were given in, for problems
     * @param problems gets one problem per name that is no class (a null, not a string, was reported already)
     * @return the list to store
     */
    static String stored(List<String> names, String field, List<FieldProblem> problems) {
        Set<AuthorityClass> classes = EnumSet.noneOf(AuthorityClass.class);
        for (int i = 0; i < names.size(); i++) {
            AuthorityClass c = names.get(i) == null ? null : byLabel(names.get(i));
            if (c == null && names.get(i) != null) {
                problems.add(new FieldProblem(field + "[" + i + "]", "is not an authority class; the classes are " + KNOWN
                        + " (lower case, as Asterisk writes them)"));
            } else if (c != null) {
                classes.add(c);
            }
        }
        if (classes.contains(AuthorityClass.ALL)) {
            return AuthorityClass.ALL.label();
        }
        StringJoiner list = new StringJoiner(",");
        classes.stream().filter(c -> c != AuthorityClass.NONE).forEach(c -> list.add(c.label()));
        return list.toString();
    }

    private static AuthorityClass byLabel(String name) {
        for (AuthorityClass c : AuthorityClass.values()) {
            if (c.label().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
