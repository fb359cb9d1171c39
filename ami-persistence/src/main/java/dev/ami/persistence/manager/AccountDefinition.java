package dev.ami.persistence.manager;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import java.util.Objects;

/**
 * An account as configured: the class lists are kept as written so that an export gives back
 * exactly what was imported, quirks included.
 *
 * @param username the section name
 * @param secret   the secret, or null when there is no {@code secret} line
 * @param read     the {@code read=} list as written (empty when absent)
 * @param write    the {@code write=} list as written (empty when absent)
 */
public record AccountDefinition(String username, String secret, String read, String write) {

    public AccountDefinition {
        Objects.requireNonNull(username, "username");
        read = read == null ? "" : read;
        write = write == null ? "" : write;
    }

    /** @return the account as the connector checks logins against it */
    public Account toAccount() {
        return new Account(username, secret, Authority.parse(read), Authority.parse(write));
    }

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "AccountDefinition[username=" + username + ", read=" + read + ", write=" + write + "]";
    }
}
