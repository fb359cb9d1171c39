package dev.ami.admin.login;

import dev.ami.api.event.ManagerEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link HttpLogin} decided.
 *
 * @param outcome  admitted, or why not
 * @param username the name as the client gave it (as its AccountID: cut where no account name is
 *                 longer); empty when none could be read
 * @param event    the security event to publish, if the outcome raises one
 * @param delay    how long a refusal waits before it is answered (zero when it is answered at once)
 */
public record LoginResult(Outcome outcome, String username, Optional<ManagerEvent> event, Duration delay) {

    /** Checks that nothing is null. */
    public LoginResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(delay, "delay");
    }

    /**
     * A result whose refusal, if it is one that waits ({@link #delayed()}), waits Asterisk's second.
     *
     * @param outcome  admitted, or why not
     * @param username the name as the client gave it
     * @param event    the security event to publish, if any
     */
    public LoginResult(Outcome outcome, String username, Optional<ManagerEvent> event) {
        this(outcome, username, event, outcome == Outcome.ADMITTED || outcome == Outcome.NO_CREDENTIALS ? Duration.ZERO
                : HttpLogin.FAILURE_DELAY);
    }

    /** Admitted, or the reason for a refusal. */
    public enum Outcome {
        /** Right account, address, secret and config write. */
        ADMITTED("admitted"),
        /** No Basic credentials at all: the client's first try, answered with the challenge at once. */
        NO_CREDENTIALS("no credentials"),
        /** Basic credentials that cannot be read, or without a name. */
        MALFORMED("unreadable credentials"),
        UNKNOWN_ACCOUNT("no such account"),
        ACL_REFUSED("address refused by the account's permit/deny"),
        WRONG_SECRET("wrong secret"),
        /** The login is right, but the account lacks config write. */
        NOT_ALLOWED("account without config write"),
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

    /** @return true if the request may go on */
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
