package dev.ami.api.connector;

import dev.ami.api.acl.AccessList;
import dev.ami.api.authority.Authority;
import dev.ami.api.filter.EventFilter;
import java.util.List;
import java.util.Objects;

/**
 * One AMI account as the connector sees it: what a login is checked against, with every default
 * from {@code [general]} already applied.
 *
 * @param username           the section name in manager.conf; logins match it without regard to case
 * @param secret             the secret in clear text (Challenge/MD5 logins need it), or null when the
 *                           account has no {@code secret} line and so can never log in
 * @param read               the classes of events the account may receive
 * @param write              the classes of actions the account may run
 * @param acl                the permit/deny rules a client address must pass at login
 * @param allowMultipleLogin whether the account may hold several sessions at once
 * @param displayConnects    whether its logins and logoffs are logged
 * @param writeTimeoutMillis how long one write to its sessions may stall (at least 100)
 * @param eventFilters       its {@code eventfilter} lines, in order, copied into each session at login
 * @param variables          its {@code setvar} lines ({@code NAME=value}), in order
 * @param upstream           the name of the upstream its requests go to when they name none (ami's own
 *                           {@code upstream} option), or null
 * @param upstreams          the upstreams whose events its sessions receive and to which its requests may go
 *                           (ami's own {@code upstreams} option); empty for every upstream
 */
public record Account(String username, String secret, Authority read, Authority write, AccessList acl,
        boolean allowMultipleLogin, boolean displayConnects, int writeTimeoutMillis, List<EventFilter> eventFilters,
        List<String> variables, String upstream, List<String> upstreams) {

    /** Asterisk's default and minimum {@code writetimeout}, in milliseconds. */
    public static final int DEFAULT_WRITE_TIMEOUT = 100;

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(acl, "acl");
        eventFilters = List.copyOf(eventFilters);
        variables = List.copyOf(variables);
        upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
    }

    /** An account that may use every upstream. */
    public Account(String username, String secret, Authority read, Authority write, AccessList acl,
            boolean allowMultipleLogin, boolean displayConnects, int writeTimeoutMillis, List<EventFilter> eventFilters,
            List<String> variables, String upstream) {
        this(username, secret, read, write, acl, allowMultipleLogin, displayConnects, writeTimeoutMillis, eventFilters,
                variables, upstream, List.of());
    }

    /**
     * @param name an upstream's name, compared without regard to case
     * @return whether this account's sessions receive that upstream's events and may send it requests
     */
    public boolean mayUse(String name) {
        if (upstreams.isEmpty()) {
            return true;
        }
        for (String allowed : upstreams) {
            if (allowed.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** An account without a default upstream. */
    public Account(String username, String secret, Authority read, Authority write, AccessList acl,
            boolean allowMultipleLogin, boolean displayConnects, int writeTimeoutMillis, List<EventFilter> eventFilters,
            List<String> variables) {
        this(username, secret, read, write, acl, allowMultipleLogin, displayConnects, writeTimeoutMillis, eventFilters,
                variables, null);
    }

    /** An account without channel variables. */
    public Account(String username, String secret, Authority read, Authority write, AccessList acl,
            boolean allowMultipleLogin, boolean displayConnects, int writeTimeoutMillis, List<EventFilter> eventFilters) {
        this(username, secret, read, write, acl, allowMultipleLogin, displayConnects, writeTimeoutMillis, eventFilters,
                List.of());
    }

    /** An account with the defaults of an empty {@code [general]} for everything but its rights. */
    public static Account of(String username, String secret, Authority read, Authority write) {
        return new Account(username, secret, read, write, AccessList.ALLOW_ALL, true, true, DEFAULT_WRITE_TIMEOUT,
                List.of());
    }

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "Account[username=" + username + ", secret=" + (secret == null ? "none" : "****")
                + ", read=" + read.privilege() + ", write=" + write.privilege() + ", acl=" + acl.rules().size()
                + " rules, allowMultipleLogin=" + allowMultipleLogin + (upstream == null ? "" : ", upstream=" + upstream)
                + (upstreams.isEmpty() ? "" : ", upstreams=" + upstreams) + "]";
    }
}
