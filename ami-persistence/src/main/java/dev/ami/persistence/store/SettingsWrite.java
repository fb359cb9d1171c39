package dev.ami.persistence.store;

/**
 * What a change of settings or of a template stored.
 *
 * @param state   the state as stored now, with what an import of it would warn about
 * @param changed false if it already was as asked (nothing was written, nobody told)
 */
public record SettingsWrite(SettingsState state, boolean changed) {
}
