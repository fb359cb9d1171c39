package dev.ami.admin.login;

import dev.ami.api.event.ManagerEvent;
import java.util.Optional;

/**
 * What {@link HttpLogin} decided.
 *
 * @param outcome  admitted, or why not
 * @param username the name as the client gave it (as its AccountID: cut where no account name is
 *                 longer); empty when none could be read
 * @param event    the security event to publish, if the outcome raises one
 */
public record LoginResult(Outcome outcome, String username, Optional<ManagerEvent> event) {

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
        NOT_ALLOWED("account without config write");

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
     * @return true if the refusal waits for {@link HttpLogin#FAILURE_DELAY}: every attempt that
     *         offered credentials, so that each guess costs a second, as an AMI login does
     */
    public boolean delayed() {
        return outcome != Outcome.ADMITTED && outcome != Outcome.NO_CREDENTIALS;
    }
}
