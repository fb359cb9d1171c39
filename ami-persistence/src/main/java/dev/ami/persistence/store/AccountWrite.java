package dev.ami.persistence.store;

import dev.ami.persistence.manager.FieldProblem;
import java.util.List;

/**
 * What a change of one account stored.
 *
 * @param state    the account as stored now, or null once deleted
 * @param warnings what an import of the same account would have warned about
 * @param changed  false if the account already was as asked (nothing was written, nobody told)
 */
public record AccountWrite(AccountState state, List<FieldProblem> warnings, boolean changed) {

    public AccountWrite {
        warnings = List.copyOf(warnings);
    }
}
