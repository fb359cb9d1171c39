package dev.ami.persistence.store;

import dev.ami.persistence.manager.AclLine;
import dev.ami.persistence.manager.StoredLengths;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stored permit/deny line of an account; its position is the list index. */
@Embeddable
public class AclEntryEmbeddable {

    @Column(nullable = false)
    private boolean permit;

    @Column(name = "rule_value", nullable = false, length = StoredLengths.VALUE)
    private String value;

    protected AclEntryEmbeddable() {
    }

    AclEntryEmbeddable(AclLine line) {
        permit = line.permit();
        value = line.value();
    }

    AclLine toLine() {
        return new AclLine(permit, value);
    }
}
