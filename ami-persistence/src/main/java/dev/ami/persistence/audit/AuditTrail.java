package dev.ami.persistence.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail in the database. A change is recorded in the transaction of the change itself
 * (the caller's: {@link #record} joins it), so an entry exists exactly when its change was committed.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext(unitName = "ami")
    EntityManager em;

    /** For the container. */
    public AuditTrail() {
    }

    /**
     * An audit trail writing through a given entity manager, in its current transaction (tests).
     *
     * @param em the entity manager
     */
    public AuditTrail(EntityManager em) {
        this.em = em;
    }

    /**
     * Records a change, in the caller's transaction.
     *
     * @param actor   who made it
     * @param target  what it concerned
     * @param action  what was done ({@link AuditEntry#action()})
     * @param changes the fields it touched
     */
    public void record(Actor actor, AuditTarget target, String action, List<AuditChange> changes) {
        em.persist(new AuditEntryEntity(Instant.now(), actor, target, action, changes));
    }

    /**
     * @param query which entries
     * @return the page of matching entries, newest first, and how many match in all
     */
    public AuditPage page(AuditQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.account() != null) {
            where.append(" and e.targetKind = :kind and e.targetKey = :target");
            parameters.put("kind", AuditTarget.ACCOUNT);
            parameters.put("target", AuditEntryEntity.key(query.account()));
        }
        if (query.actor() != null) {
            where.append(" and e.actorKey = :actor");
            parameters.put("actor", AuditEntryEntity.key(query.actor()));
        }
        if (query.from() != null) {
            where.append(" and e.at >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and e.at < :to");
            parameters.put("to", query.to());
        }
        TypedQuery<Long> ids = em.createQuery("select e.id from AuditEntryEntity e" + where + " order by e.id desc",
                Long.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEntryEntity e" + where, Long.class);
        parameters.forEach((name, value) -> {
            ids.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Long> page = ids.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
        if (page.isEmpty()) {
            return new AuditPage(List.of(), count.getSingleResult());
        }
        // the page's entries with their changes in one query (a fetch join cannot be paged in the database)
        List<AuditEntry> entries = new ArrayList<>();
        em.createQuery("select distinct e from AuditEntryEntity e left join fetch e.changes where e.id in :ids"
                + " order by e.id desc", AuditEntryEntity.class).setParameter("ids", page).getResultList()
                .forEach(e -> entries.add(e.toEntry()));
        return new AuditPage(entries, count.getSingleResult());
    }
}
