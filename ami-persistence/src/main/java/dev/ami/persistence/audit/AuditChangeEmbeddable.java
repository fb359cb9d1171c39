package dev.ami.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stored {@link AuditChange}; its position is the list index. */
@Embeddable
public class AuditChangeEmbeddable {

    @Column(nullable = false)
    private String field;

    @Column(name = "before_value", length = AuditChange.MAX_VALUE)
    private String before;

    @Column(name = "after_value", length = AuditChange.MAX_VALUE)
    private String after;

    protected AuditChangeEmbeddable() {
    }

    AuditChangeEmbeddable(AuditChange change) {
        field = change.field();
        before = change.before();
        after = change.after();
    }

    AuditChange toChange() {
        return new AuditChange(field, before, after);
    }
}
