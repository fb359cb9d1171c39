package dev.ami.persistence.store;

import dev.ami.persistence.manager.FieldProblem;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A change of one account that the store refused; nothing was changed. The message and the
 * problems name fields, never a value (a value may be a secret).
 */
@ApplicationException(rollback = true)
public class AccountChangeRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Reason {
        /** the account (or a field of it) would not be valid in manager.conf */
        INVALID,
        /** no account has the name */
        UNKNOWN,
        /** the name is taken (by another account, or by a template of manager.conf) */
        EXISTS,
        /** the account changed since the state the caller named */
        STALE
    }

    private final Reason reason;
    private final List<FieldProblem> problems;

    /**
     * @param reason   why
     * @param message  what, for a person
     * @param problems the fields concerned (may be empty)
     */
    public AccountChangeRefused(Reason reason, String message, List<FieldProblem> problems) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    /** @return why the change was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the fields concerned */
    public List<FieldProblem> problems() {
        return problems;
    }
}
