package dev.ami.persistence.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One recorded change.
 *
 * @param id      its number, increasing with time
 * @param at      when it was made
 * @param actor   who made it, from where and through what
 * @param target  what it concerned
 * @param action  {@code create}, {@code replace}, {@code patch}, {@code delete}, {@code rename},
 *                {@code secret}, {@code import}, {@code update} or {@code kick}
 * @param changes the fields it touched, in order
 */
public record AuditEntry(long id, Instant at, Actor actor, AuditTarget target, String action, List<AuditChange> changes) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(action, "action");
        changes = List.copyOf(changes);
    }
}
