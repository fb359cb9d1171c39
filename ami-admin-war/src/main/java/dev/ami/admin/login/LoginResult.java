package dev.ami.admin.login;

import dev.ami.api.event.ManagerEvent;
import dev.ami.api.event.security.SecurityPeer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link HttpLogin} decided.
 *
 * @param outcome  admitted, or why not
 * @param username admitted: the account's name as stored; refused: the name as the client gave it
 *                 (as its AccountID: cut where no account name is longer), empty when none could be read
 * @param groups   admitted: the account's {@link Roles} (possibly none); refused: none
 * @param peer     admitted: the session the login opened, named in the events of its later
 *                 requests; refused: null
 * @param event    the security event to publish, if the outcome raises one
 * @param delay    how long a refusal waits before it is answered (zero when it is answered at once)
 */
public record LoginResult(Outcome outcome, String username, Set<String> groups, SecurityPeer peer,
        Optional<ManagerEvent> event, Duration delay) {

    /** Checks that nothing but the peer is null, and that only an admitted login has one. */
    public LoginResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(delay, "delay");
        groups = Set.copyOf(groups);
        if ((peer != null) != (outcome == Outcome.ADMITTED)) {
            throw new IllegalArgumentException("a peer exactly when admitted");
        }
    }

    /**
     * A refusal which, if it is one that waits ({@link #delayed()}), waits Asterisk's second.
     *
     * @param outcome  why not
     * @param username the name as the client gave it
     * @param event    the security event to publish, if any
     * @return the result
     */
    public static LoginResult refused(Outcome outcome, String username, Optional<ManagerEvent> event) {
        return new LoginResult(outcome, username, Set.of(), null, event,
                outcome == Outcome.NO_CREDENTIALS ? Duration.ZERO : HttpLogin.FAILURE_DELAY);
    }

    /** Admitted, or the reason for a refusal. */
    public enum Outcome {
        /** Right account, address and secret; what it may do is its {@link #groups}. */
        ADMITTED("admitted"),
        /** No Basic credentials at all: the client's first try, answered with the challenge at once. */
        NO_CREDENTIALS("no credentials"),
        /** Basic credentials that cannot be read, or without a name. */
        MALFORMED("unreadable credentials"),
        UNKNOWN_ACCOUNT("no such account"),
        ACL_REFUSED("address refused by the account's permit/deny"),
        WRONG_SECRET("wrong secret"),
        /** Too many failures in a row: this account, source or pair is locked for a while, whatever the secret. */
        LOCKED_OUT("logins locked after repeated failures");

        private final String reason;

        Outcome(String reason) {
            this.reason = reason;
        }

        /** @return how a log line names it */
        public String reason() {
            return reason;
        }
    }

    /** @return true if the login is right (the groups say what it may do) */
    public boolean admitted() {
        return outcome == Outcome.ADMITTED;
    }

    /**
     * @return true if the refusal waits ({@link #delay}): every attempt that offered credentials, so
     *         that each guess costs at least a second, as an AMI login does
     */
    public boolean delayed() {
        return !delay.isZero();
    }
}
