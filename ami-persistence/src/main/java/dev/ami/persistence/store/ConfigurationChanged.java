package dev.ami.persistence.store;

import dev.ami.persistence.manager.ConfigurationDiff;

/**
 * Fired when an import replaced the stored configuration; observe it with
 * {@code during = TransactionPhase.AFTER_SUCCESS} to act only on what was committed.
 *
 * @param diff what changed
 */
public record ConfigurationChanged(ConfigurationDiff diff) {
}
