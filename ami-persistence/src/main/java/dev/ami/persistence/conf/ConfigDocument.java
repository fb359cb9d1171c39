package dev.ami.persistence.conf;

import java.util.List;
import java.util.Optional;

/**
 * A parsed configuration file.
 *
 * @param file     the file name, for messages
 * @param sections the sections in file order
 * @param warnings problems that Asterisk also only warns about (the line is ignored)
 */
public record ConfigDocument(String file, List<ConfigSection> sections, List<String> warnings) {

    public ConfigDocument {
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param name a section name, matched without regard to case
     * @return the first section with that name
     */
    public Optional<ConfigSection> section(String name) {
        return sections.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
