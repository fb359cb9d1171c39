package dev.ami.api.connector;

import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of the stored configuration, handed by the application to the connector.
 * The connector checks logins against it in memory, without a container round trip.
 *
 * @param general  the {@code [general]} settings
 * @param accounts every account
 */
public record ManagerConfiguration(GeneralSettings general, List<Account> accounts) {

    public ManagerConfiguration {
        accounts = List.copyOf(accounts);
    }

    /**
     * Finds an account the way Asterisk does: by name, without regard to case.
     *
     * @param username the name a client sent
     * @return the account, or empty
     */
    public Optional<Account> account(String username) {
        return accounts.stream().filter(a -> a.username().equalsIgnoreCase(username)).findFirst();
    }
}
