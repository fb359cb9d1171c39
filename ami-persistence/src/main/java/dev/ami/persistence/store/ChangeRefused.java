package dev.ami.persistence.store;

import dev.ami.persistence.manager.FieldProblem;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A change that the store refused (of an account, of {@code [general]} settings or of a template);
 * nothing was changed. The message and the problems name fields or options, never a value (a value
 * may be a secret).
 */
@ApplicationException(rollback = true)
public class ChangeRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Reason {
        /** the account, settings or template (or a field of them) would not be valid in the file */
        INVALID,
        /** no account or template has the name */
        UNKNOWN,
        /** the name is taken (by another account, or by a template of manager.conf) */
        EXISTS,
        /** what is changed changed since the state the caller named */
        STALE,
        /** the store cannot make the change coherently (a template known from no kept manager.conf) */
        CONFLICT
    }

    private final Reason reason;
    private final List<FieldProblem> problems;

    /**
     * @param reason   why
     * @param message  what, for a person
     * @param problems the fields or options concerned (may be empty)
     */
    public ChangeRefused(Reason reason, String message, List<FieldProblem> problems) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    /** @return why the change was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the fields or options concerned */
    public List<FieldProblem> problems() {
        return problems;
    }
}
