package dev.ami.api.connector;

import dev.ami.api.authority.Authority;
import java.util.Objects;

/**
 * One AMI account as the connector sees it: what a login is checked against.
 *
 * @param username the section name in manager.conf; logins match it without regard to case
 * @param secret   the secret in clear text (Challenge/MD5 logins need it), or null when the account
 *                 has no {@code secret} line and so can never log in
 * @param read     the classes of events the account may receive
 * @param write    the classes of actions the account may run
 */
public record Account(String username, String secret, Authority read, Authority write) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
    }

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "Account[username=" + username + ", secret=" + (secret == null ? "none" : "****")
                + ", read=" + read.privilege() + ", write=" + write.privilege() + "]";
    }
}
