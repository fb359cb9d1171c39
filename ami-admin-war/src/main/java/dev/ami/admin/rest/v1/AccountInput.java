package dev.ami.admin.rest.v1;

import dev.ami.api.connector.Account;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An account as a client gives it ({@code POST}, {@code PUT}, or {@code PATCH} once merged), with
 * the checks that fit Bean Validation; addresses, filters, lengths and everything manager.conf
 * must hold are the import's checks, in the store.
 *
 * @param name               the account's name
 * @param secret             its secret (creation only), or null for none
 * @param read               the classes of events it receives, as Asterisk's names
 * @param write              the classes of actions it may run
 * @param acl                its permit/deny rules in order
 * @param allowMultipleLogin its own allowmultiplelogin, or null for {@code [general]}'s
 * @param displayConnects    its own displayconnects, or null for {@code [general]}'s
 * @param writeTimeout       its writetimeout in milliseconds, or null for the default
 * @param eventFilters       its event filters in order
 * @param variables          its setvar values ({@code NAME=value}) in order
 * @param namedAcls          the named ACLs of its acl lines, in order (stored, not applied)
 * @param upstream           the upstream its requests go to when they name none, or null (checked by the store)
 * @param upstreams          the upstreams it may use, empty for every upstream (names checked as read)
 */
record AccountInput(
        @AccountName String name,
        @Size(min = 1, message = "must not be empty; leave it out for an account without a secret") String secret,
        @NotNull List<@NotNull String> read,
        @NotNull List<@NotNull String> write,
        @NotNull List<@NotNull @Valid AclInput> acl,
        Boolean allowMultipleLogin,
        Boolean displayConnects,
        @Min(value = Account.DEFAULT_WRITE_TIMEOUT, message = "must be at least 100 milliseconds, as Asterisk's writetimeout")
        Integer writeTimeout,
        @NotNull List<@NotNull @Valid FilterInput> eventFilters,
        @NotNull List<@NotNull @Pattern(regexp = "[^=]+=.*", flags = Pattern.Flag.DOTALL,
                message = "must be NAME=value, as a setvar line") String> variables,
        @NotNull List<@NotNull @Pattern(regexp = "[^,\\s]([^,]*[^,\\s])?", flags = Pattern.Flag.DOTALL,
                message = "must be one name: no comma, no blank at either end") String> namedAcls,
        String upstream,
        @NotNull List<@NotNull String> upstreams) {

    /** An account without a default upstream, that may use every upstream. */
    AccountInput(String name, String secret, List<String> read, List<String> write, List<AclInput> acl,
            Boolean allowMultipleLogin, Boolean displayConnects, Integer writeTimeout, List<FilterInput> eventFilters,
            List<String> variables, List<String> namedAcls) {
        this(name, secret, read, write, acl, allowMultipleLogin, displayConnects, writeTimeout, eventFilters, variables,
                namedAcls, null, List.of());
    }

    /**
     * One permit or deny rule.
     *
     * @param rule    {@code permit} or {@code deny}
     * @param address what a permit= or deny= line takes: {@code address[/mask]}, comma-separated, {@code !} reversing one
     */
    record AclInput(
            @NotNull @Pattern(regexp = "permit|deny", message = "must be permit or deny") String rule,
            @NotNull String address) {
    }

    /**
     * One event filter, as Asterisk's Filter action takes it.
     *
     * @param criteria the advanced form's match criteria ({@code action(exclude),header(UserEvent),method(exact)})
     *                 without the outer parentheses, or null for the legacy form
     * @param pattern  the pattern (the legacy form's regex, {@code !} first to exclude)
     */
    record FilterInput(String criteria, @NotNull String pattern) {
    }
}
