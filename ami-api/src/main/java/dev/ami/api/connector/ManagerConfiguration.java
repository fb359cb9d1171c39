package dev.ami.api.connector;

import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of the stored configuration, handed by the application to the connector.
 * The connector checks logins against it in memory, without a container round trip.
 *
 * @param general  the {@code [general]} settings
 * @param accounts every account
 * @param http      http.conf's {@code [general]}: the HTTP manager's listener and URIs
 * @param upstreams the upstream AMI servers ami keeps a session with
 */
public record ManagerConfiguration(GeneralSettings general, List<Account> accounts, HttpSettings http,
        List<Upstream> upstreams) {

    /** Copies the lists; no http.conf means Asterisk's defaults (HTTP off). */
    public ManagerConfiguration {
        accounts = List.copyOf(accounts);
        http = http == null ? HttpSettings.DEFAULTS : http;
        upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
    }

    /**
     * A configuration without upstreams.
     *
     * @param general  the {@code [general]} settings
     * @param accounts every account
     * @param http     http.conf's {@code [general]}
     */
    public ManagerConfiguration(GeneralSettings general, List<Account> accounts, HttpSettings http) {
        this(general, accounts, http, List.of());
    }

    /**
     * A configuration without http.conf: Asterisk's defaults, HTTP off.
     *
     * @param general  the {@code [general]} settings
     * @param accounts every account
     */
    public ManagerConfiguration(GeneralSettings general, List<Account> accounts) {
        this(general, accounts, HttpSettings.DEFAULTS);
    }

    /**
     * @param name an upstream's name, compared without regard to case
     * @return that upstream, or empty
     */
    public Optional<Upstream> upstream(String name) {
        for (Upstream upstream : upstreams) {
            if (upstream.name().equalsIgnoreCase(name)) {
                return Optional.of(upstream);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds an account the way Asterisk does: by name, without regard to case.
     *
     * @param username the name a client sent
     * @return the account, or empty
     */
    public Optional<Account> account(String username) {
        // a plain loop: every login looks up its account twice (the allowmultiplelogin check and the
        // login itself), and a stream pipeline per look-up showed in profiles of logins
        for (Account account : accounts) {
            if (account.username().equalsIgnoreCase(username)) {
                return Optional.of(account);
            }
        }
        return Optional.empty();
    }
}
