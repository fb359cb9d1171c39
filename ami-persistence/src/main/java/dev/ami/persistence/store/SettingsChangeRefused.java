package dev.ami.persistence.store;

import dev.ami.persistence.manager.FieldProblem;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A change of {@code [general]} settings or of a template that the store refused; nothing was
 * changed. The message and the problems name options, never a value.
 */
@ApplicationException(rollback = true)
public class SettingsChangeRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Reason {
        /** an option would not be valid in the file, or would not read back as given */
        INVALID,
        /** no template has the name */
        UNKNOWN,
        /** the settings changed since the state the caller named */
        STALE,
        /** the store cannot make the change coherently (a template known from no kept manager.conf) */
        CONFLICT
    }

    private final Reason reason;
    private final List<FieldProblem> problems;

    /**
     * @param reason   why
     * @param message  what, for a person
     * @param problems the options concerned (may be empty)
     */
    public SettingsChangeRefused(Reason reason, String message, List<FieldProblem> problems) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    /** @return why the change was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the options concerned */
    public List<FieldProblem> problems() {
        return problems;
    }
}
