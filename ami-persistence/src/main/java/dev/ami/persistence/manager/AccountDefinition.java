package dev.ami.persistence.manager;

import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.filter.EventFilter;
import dev.ami.api.filter.EventFilterException;
import dev.ami.api.filter.EventFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An account as configured. Values are kept as written so that an export gives back exactly what
 * was imported, quirks included; options left out are null and take the {@code [general]} default.
 *
 * @param username           the section name
 * @param secret             the secret, or null when there is no {@code secret} line
 * @param read               the {@code read=} list as written (empty when absent)
 * @param write              the {@code write=} list as written (empty when absent)
 * @param acl                the {@code permit=}/{@code deny=} lines in order (validated at import)
 * @param allowMultipleLogin {@code allowmultiplelogin}, or null for the {@code [general]} value
 * @param displayConnects    {@code displayconnects}, or null for the {@code [general]} value
 * @param writeTimeout       {@code writetimeout} in milliseconds, or null for the default 100
 * @param eventFilters       the {@code eventfilter} lines in order (validated at import)
 * @param variables          the {@code setvar} values ({@code NAME=value}) in order: stored and shown by
 *                           {@code manager show user}; there is no Originate here to apply them to
 * @param namedAcls          the names of {@code acl} lines in order: stored, not applied (no acl.conf here)
 * @param upstream           ami's own {@code upstream} option: the upstream its requests go to when they name
 *                           none, or null
 * @param upstreams          ami's own {@code upstreams} option: the names of the upstreams whose events its
 *                           sessions receive and to which its requests may go, in order; empty for every upstream
 */
public record AccountDefinition(String username, String secret, String read, String write, List<AclLine> acl,
        Boolean allowMultipleLogin, Boolean displayConnects, Integer writeTimeout, List<FilterLine> eventFilters,
        List<String> variables, List<String> namedAcls, String upstream, List<String> upstreams) {

    public AccountDefinition {
        Objects.requireNonNull(username, "username");
        read = read == null ? "" : read;
        write = write == null ? "" : write;
        acl = acl == null ? List.of() : List.copyOf(acl);
        eventFilters = eventFilters == null ? List.of() : List.copyOf(eventFilters);
        variables = variables == null ? List.of() : List.copyOf(variables);
        namedAcls = namedAcls == null ? List.of() : List.copyOf(namedAcls);
        upstream = upstream == null || upstream.isEmpty() ? null : upstream;
        upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
    }

    /** An account that may use every upstream. */
    public AccountDefinition(String username, String secret, String read, String write, List<AclLine> acl,
            Boolean allowMultipleLogin, Boolean displayConnects, Integer writeTimeout, List<FilterLine> eventFilters,
            List<String> variables, List<String> namedAcls, String upstream) {
        this(username, secret, read, write, acl, allowMultipleLogin, displayConnects, writeTimeout, eventFilters,
                variables, namedAcls, upstream, List.of());
    }

    /** An account without a default upstream, that may use every upstream. */
    public AccountDefinition(String username, String secret, String read, String write, List<AclLine> acl,
            Boolean allowMultipleLogin, Boolean displayConnects, Integer writeTimeout, List<FilterLine> eventFilters,
            List<String> variables, List<String> namedAcls) {
        this(username, secret, read, write, acl, allowMultipleLogin, displayConnects, writeTimeout, eventFilters,
                variables, namedAcls, null);
    }

    /**
     * @param name an upstream's name, or null for none
     * @return this account with that default upstream
     */
    public AccountDefinition withUpstream(String name) {
        return new AccountDefinition(username, secret, read, write, acl, allowMultipleLogin, displayConnects, writeTimeout,
                eventFilters, variables, namedAcls, name, upstreams);
    }

    /**
     * @param names the upstreams it may use, empty for every upstream
     * @return this account limited to those upstreams
     */
    public AccountDefinition withUpstreams(List<String> names) {
        return new AccountDefinition(username, secret, read, write, acl, allowMultipleLogin, displayConnects, writeTimeout,
                eventFilters, variables, namedAcls, upstream, names);
    }

    /** An account with rights only. */
    public static AccountDefinition of(String username, String secret, String read, String write) {
        return new AccountDefinition(username, secret, read, write, List.of(), null, null, null, List.of(), List.of(),
                List.of());
    }

    /**
     * @param general the {@code [general]} settings whose defaults apply
     * @return the account as the connector checks logins against it
     */
    public Account toAccount(GeneralSettings general) {
        List<AclRule> rules = new ArrayList<>();
        acl.forEach(line -> rules.addAll(AclRule.parse(line.permit(), line.value())));
        List<EventFilter> filters = new ArrayList<>();
        for (FilterLine line : eventFilters) {
            try {
                filters.add(EventFilters.parse(line.key(), line.value()));
            } catch (EventFilterException e) {
                throw new IllegalStateException("stored filter of " + username + " no longer parses: " + e.getMessage(), e);
            }
        }
        return new Account(username, secret, Authority.parse(read), Authority.parse(write), new AccessList(rules),
                allowMultipleLogin == null ? general.allowMultipleLogin() : allowMultipleLogin,
                displayConnects == null ? general.displayConnects() : displayConnects,
                writeTimeout == null ? Account.DEFAULT_WRITE_TIMEOUT : writeTimeout, filters, variables, upstream,
                upstreams);
    }

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "AccountDefinition[username=" + username + ", read=" + read + ", write=" + write + ", acl=" + acl + "]";
    }
}
