package dev.ami.api.acl;

import java.net.InetAddress;
import java.util.List;

/**
 * An account's ordered permit/deny rules, evaluated as Asterisk does: start from "allow", let every
 * rule that matches the client set the result to its sense; the last matching rule wins. An empty
 * list allows everyone.
 *
 * @param rules the rules in configuration order
 */
public record AccessList(List<AclRule> rules) {

    /** Allows every client. */
    public static final AccessList ALLOW_ALL = new AccessList(List.of());

    public AccessList {
        rules = List.copyOf(rules);
    }

    /**
     * @param client the client's address
     * @return true if the client may log in
     */
    public boolean permits(InetAddress client) {
        boolean allowed = true;
        for (AclRule rule : rules) {
            if (rule.matches(client)) {
                allowed = rule.permit();
            }
        }
        return allowed;
    }
}
