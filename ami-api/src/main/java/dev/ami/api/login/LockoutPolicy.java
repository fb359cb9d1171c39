package dev.ami.api.login;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed logins are slowed down and then locked out ({@code [general]} of manager.conf, options
 * of ami's own: Asterisk has no lockout and logs them as unknown keywords). Failures are counted
 * in a row: per account and source address, per source over all accounts, and per account over all
 * sources; a count reaching its threshold locks that pair, source or account for {@link #lockout},
 * even for the right secret. A count of 0 turns that lock off. The pair's lock comes first and
 * does not let one address lock the account's user out elsewhere; the account's own is meant to be
 * far above it.
 *
 * @param pairFailures    {@code ami_lockout_failures}: failures in a row from one source for one
 *                        account that lock that pair (10)
 * @param sourceFailures  {@code ami_lockout_source_failures}: failures in a row from one source, any
 *                        account, that lock the source (50)
 * @param accountFailures {@code ami_lockout_account_failures}: failures in a row for one account, any
 *                        source, that lock the account everywhere (500)
 * @param backoffAfter    {@code ami_login_backoff_after}: failures of a pair answered after Asterisk's
 *                        one second; each further one waits twice as long, up to 8 s (3)
 * @param lockout         {@code ami_lockout_minutes}: how long a lock holds, and how long a count
 *                        lasts without a new failure (10 minutes)
 */
public record LockoutPolicy(int pairFailures, int sourceFailures, int accountFailures, int backoffAfter,
        Duration lockout) {

    /** The defaults. */
    public static final LockoutPolicy DEFAULTS = new LockoutPolicy(10, 50, 500, 3, Duration.ofMinutes(10));

    /**
     * The longest wait before a refused login is answered: longer would let a guesser hold the
     * unauthenticated connections that {@code authlimit} counts, and lock the real user out that way.
     */
    public static final Duration MAX_DELAY = Duration.ofSeconds(8);

    /** Asterisk's wait before a refused login is answered. */
    public static final Duration BASE_DELAY = Duration.ofSeconds(1);

    /** Checks the values: counts 0 or more, a lockout of at least a minute. */
    public LockoutPolicy {
        if (pairFailures < 0 || sourceFailures < 0 || accountFailures < 0 || backoffAfter < 0) {
            throw new IllegalArgumentException("failure counts must be 0 or more");
        }
        Objects.requireNonNull(lockout, "lockout");
        if (lockout.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("a lockout lasts at least a minute");
        }
    }

    /**
     * @param failuresInARow a pair's failures so far, this one included
     * @return how long to wait before answering this failure
     */
    public Duration delayAfter(int failuresInARow) {
        int beyond = failuresInARow - backoffAfter;
        if (beyond <= 0) {
            return BASE_DELAY;
        }
        Duration delay = BASE_DELAY.multipliedBy(1L << Math.min(beyond, 4));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
