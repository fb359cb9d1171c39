package dev.ami.persistence.conf;

import java.util.List;
import java.util.Optional;

/**
 * A {@code [section]} with its entries in file order (inherited entries first).
 *
 * @param name     the section name as written
 * @param template true for {@code [name](!)}: a template is never an account
 * @param entries  every entry, repeated names kept in order
 * @param line     the line of the section header
 */
public record ConfigSection(String name, boolean template, List<ConfigEntry> entries, int line) {

    public ConfigSection {
        entries = List.copyOf(entries);
    }

    /**
     * The last entry with this name (for single-valued options the last one wins).
     *
     * @param option the option name, matched without regard to case
     * @return the entry, or empty
     */
    public Optional<ConfigEntry> last(String option) {
        ConfigEntry found = null;
        for (ConfigEntry e : entries) {
            if (e.name().equalsIgnoreCase(option)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }
}
