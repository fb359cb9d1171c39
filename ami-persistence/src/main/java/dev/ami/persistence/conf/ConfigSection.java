package dev.ami.persistence.conf;

import java.util.List;
import java.util.Optional;

/**
 * A {@code [section]} with its entries in file order (inherited entries first).
 *
 * @param name      the section name as written
 * @param template  true for {@code [name](!)}: a template is never an account
 * @param entries   every entry, repeated names kept in order
 * @param line      the line of the section header
 * @param templates the sections it inherits from ({@code [name](a,b)}), in order
 * @param inherited how many of the first entries were copied from those sections
 */
public record ConfigSection(String name, boolean template, List<ConfigEntry> entries, int line,
        List<String> templates, int inherited) {

    public ConfigSection {
        entries = List.copyOf(entries);
        templates = List.copyOf(templates);
    }

    /** A section that inherits nothing. */
    public ConfigSection(String name, boolean template, List<ConfigEntry> entries, int line) {
        this(name, template, entries, line, List.of(), 0);
    }

    /** @return the section's name as a message shows it, in brackets ({@link ConfigText#section}) */
    public String shownName() {
        return ConfigText.section(name);
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
