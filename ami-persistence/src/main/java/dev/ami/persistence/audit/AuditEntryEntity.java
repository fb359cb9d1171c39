package dev.ami.persistence.audit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One row of the audit trail; see V15__audit_trail.sql. */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "happened_at", nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(name = "actor_key", nullable = false)
    private String actorKey;

    @Column(length = 100)
    private String address;

    @Column(nullable = false, length = 32)
    private String via;

    @Column(name = "target_kind", nullable = false, length = 32)
    private String targetKind;

    @Column(name = "target_name", nullable = false)
    private String targetName;

    @Column(name = "target_key", nullable = false)
    private String targetKey;

    @Column(nullable = false, length = 32)
    private String action;

    // fetched with the page's entries in one more query (AuditTrail.page), not one per entry
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "audit_change", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "position")
    private List<AuditChangeEmbeddable> changes = new ArrayList<>();

    protected AuditEntryEntity() {
    }

    AuditEntryEntity(Instant at, Actor actor, AuditTarget target, String action, List<AuditChange> changes) {
        this.at = at;
        this.actor = actor.name();
        this.actorKey = key(actor.name());
        this.address = actor.address();
        this.via = actor.via();
        this.targetKind = target.kind();
        this.targetName = target.name();
        this.targetKey = key(target.name());
        this.action = action;
        changes.forEach(c -> this.changes.add(new AuditChangeEmbeddable(c)));
    }

    /** Names are matched without regard to case, as logins match them. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, at, new Actor(actor, address, via), new AuditTarget(targetKind, targetName), action,
                changes.stream().map(AuditChangeEmbeddable::toChange).toList());
    }
}
