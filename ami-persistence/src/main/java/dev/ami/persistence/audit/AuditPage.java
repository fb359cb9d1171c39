package dev.ami.persistence.audit;

import java.util.List;

/**
 * A page of the audit trail, newest first.
 *
 * @param entries the entries
 * @param total   how many entries match in all
 */
public record AuditPage(List<AuditEntry> entries, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
