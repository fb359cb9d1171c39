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

    /**
     * The document as Asterisk holds a loaded file: includes inlined, each section with every line
     * it has (inherited ones first), templates marked {@code (!)}, comments dropped. It parses back
     * to the same sections.
     *
     * @return configuration text
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (ConfigSection s : sections) {
            out.append('[').append(s.name()).append(']').append(s.template() ? "(!)" : "").append('\n');
            for (ConfigEntry e : s.entries()) {
                out.append(line(e.name(), e.value())).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** @return one {@code name = value} line, with {@code ;} escaped so that it is not read as a comment */
    public static String line(String name, String value) {
        return name + " = " + value.replace(";", "\\;");
    }
}
