package dev.ami.api.login;

import java.net.InetAddress;
import java.time.Instant;

/**
 * A lock on logins, as an administrator lists it.
 *
 * @param scope    what is locked
 * @param account  the account name (lowercase), or empty for a source's lock
 * @param source   the source address, or null for an account's lock
 * @param failures the failures in a row that set it
 * @param until    when it ends
 */
public record Lockout(Scope scope, String account, InetAddress source, int failures, Instant until) {

    /** What a lock covers. */
    public enum Scope {
        /** One account from one source address. */
        ACCOUNT_FROM_SOURCE,
        /** Every account from one source address. */
        SOURCE,
        /** One account from every address. */
        ACCOUNT
    }

    /** @return the lock as a log line or the CLI names it: {@code 'admin' from 10.0.0.1} */
    public String describe() {
        return switch (scope) {
            case ACCOUNT_FROM_SOURCE -> "'" + account + "' from " + source.getHostAddress();
            case SOURCE -> "every account from " + source.getHostAddress();
            case ACCOUNT -> "'" + account + "' from every address";
        };
    }
}
