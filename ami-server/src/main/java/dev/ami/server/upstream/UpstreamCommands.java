package dev.ami.server.upstream;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The actions an upstream lists for ami's account (its ListCommands answer) with their write
 * classes. Asterisk writes one line per action, {@code Name: Synopsis  (Priv: system,call,all)},
 * with {@code <none>} for an action that needs no class (main/manager.c, action_listcommands).
 *
 * @param classes the write classes by action name, names compared without regard to case
 */
public record UpstreamCommands(Map<String, Authority> classes) {

    private static final String PRIV = "(Priv: ";

    public UpstreamCommands {
        TreeMap<String, Authority> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(classes);
        classes = Collections.unmodifiableMap(copy);
    }

    /**
     * @param answer the ListCommands response
     * @return the actions it lists; lines without a {@code (Priv: …)} part (Response, ActionID) are not actions
     */
    public static UpstreamCommands parse(UpstreamMessage answer) {
        Map<String, Authority> classes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : answer.lines()) {
            int colon = line.indexOf(':');
            int priv = line.lastIndexOf(PRIV);
            int end = line.lastIndexOf(')');
            if (colon > 0 && priv > colon && end > priv) {
                classes.put(line.substring(0, colon), classes(line.substring(priv + PRIV.length(), end)));
            }
        }
        return new UpstreamCommands(classes);
    }

    /**
     * @param action an action name, compared without regard to case
     * @return its write classes, or empty when the upstream did not list it
     */
    public Optional<Authority> of(String action) {
        return Optional.ofNullable(classes.get(action));
    }

    /**
     * A {@code Priv:} list as Asterisk prints it: every class the action needs, then {@code all}.
     * {@code <none>} is no class; a list naming only classes unknown here ({@code all} alone) asks for every class.
     */
    static Authority classes(String list) {
        if (list.strip().equals("<none>")) {
            return Authority.NONE;
        }
        int bits = 0;
        for (String token : list.split(",")) {
            String name = token.strip();
            for (AuthorityClass c : AuthorityClass.values()) {
                if (c != AuthorityClass.ALL && c.label().equals(name)) {
                    bits |= c.bits();
                }
            }
        }
        return bits == 0 ? Authority.ALL : new Authority(bits);
    }
}
