package dev.ami.persistence.audit;

import java.time.Instant;

/**
 * Which entries of the audit trail to read: every condition given must hold.
 *
 * @param account only entries about this account (matched without regard to case), or null
 * @param actor   only entries made by this account (without regard to case), or null
 * @param from    only entries made at or after this, or null
 * @param to      only entries made before this, or null
 * @param offset  how many matching entries to skip, newest first
 * @param limit   how many to return at most
 */
public record AuditQuery(String account, String actor, Instant from, Instant to, int offset, int limit) {
}
