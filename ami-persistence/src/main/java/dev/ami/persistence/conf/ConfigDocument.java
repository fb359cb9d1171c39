package dev.ami.persistence.conf;

import java.util.ArrayList;
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
     * The document as Asterisk holds a loaded file: includes inlined, comments dropped, templates
     * marked {@code (!)}, each section naming the templates it inherits from and then its own
     * lines. It parses back to the same sections; where it would not (a template extended with
     * {@code (+)} after a section copied it), every section is written with all its lines and no
     * inheritance instead.
     *
     * @return configuration text
     */
    public String render() {
        String withTemplates = render(true);
        try {
            if (sameAs(AsteriskConfigParser.parse(file, withTemplates, AsteriskConfigParser.NO_INCLUDES))) {
                return withTemplates;
            }
        } catch (ConfigParseException unexpected) {
            // fall back to the form that needs no inheritance
        }
        return render(false);
    }

    private String render(boolean inheritance) {
        StringBuilder out = new StringBuilder();
        for (ConfigSection s : sections) {
            List<String> flags = new ArrayList<>();
            if (s.template()) {
                flags.add("!");
            }
            if (inheritance) {
                flags.addAll(s.templates());
            }
            out.append(header(s.name(), flags)).append('\n');
            List<ConfigEntry> entries = inheritance ? s.entries().subList(s.inherited(), s.entries().size()) : s.entries();
            for (ConfigEntry e : entries) {
                out.append(line(e.name(), e.value())).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private boolean sameAs(ConfigDocument other) {
        if (other.sections.size() != sections.size()) {
            return false;
        }
        for (int i = 0; i < sections.size(); i++) {
            ConfigSection a = sections.get(i);
            ConfigSection b = other.sections.get(i);
            if (!a.name().equals(b.name()) || a.template() != b.template() || !a.templates().equals(b.templates())
                    || !pairs(a).equals(pairs(b))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> pairs(ConfigSection s) {
        return s.entries().stream().map(e -> e.name() + "=" + e.value()).toList();
    }

    /**
     * @param name  a section name
     * @param flags {@code !} for a template, then the sections it inherits from; may be empty
     * @return its header line, {@code [name](flags)}, with {@code ;} escaped so that it is not read as a comment
     */
    public static String header(String name, List<String> flags) {
        String header = "[" + name.replace(";", "\\;") + "]";
        return flags.isEmpty() ? header : header + "(" + String.join(",", flags) + ")";
    }

    /**
     * @param name  an option name
     * @param value its value
     * @return one {@code name = value} line that reads back as this name and value: {@code ;} is
     *         escaped so that it is not read as a comment, and a name that begins with {@code [},
     *         {@code #} or a backslash gets the backslash that makes it an option (the escape
     *         {@link AsteriskConfigParser} reads)
     */
    public static String line(String name, String value) {
        String n = name.replace(";", "\\;");
        if (n.startsWith("[") || n.startsWith("#") || n.startsWith("\\")) {
            n = "\\" + n;
        }
        return n + " = " + value.replace(";", "\\;");
    }
}
