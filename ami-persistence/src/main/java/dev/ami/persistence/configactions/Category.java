package dev.ami.persistence.configactions;

import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One category of a configuration file as the configuration actions see it: a name and its lines, in order. */
final class Category {

    private String name;
    private final boolean template;
    private final List<String> inherits;
    private final List<String[]> lines = new ArrayList<>();

    Category(String name, boolean template, List<String> inherits) {
        this.name = name;
        this.template = template;
        this.inherits = List.copyOf(inherits);
    }

    static Category of(ConfigSection section) {
        Category c = new Category(section.name(), section.template(), List.of());
        for (ConfigEntry e : section.entries()) {
            c.lines.add(new String[] {e.name(), e.value()});
        }
        return c;
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    boolean template() {
        return template;
    }

    /** @return the lines as name/value pairs; changes write through */
    List<String[]> lines() {
        return lines;
    }

    /**
     * Asterisk's category filter: comma-separated {@code name=value} regular expressions, each of
     * which some line must match (found anywhere in its name and its value).
     */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        for (String condition : filter.split(",")) {
            int eq = condition.indexOf('=');
            if (eq < 0) {
                continue;
            }
            Pattern n = Pattern.compile(condition.substring(0, eq).strip());
            Pattern v = Pattern.compile(condition.substring(eq + 1).strip());
            if (lines.stream().noneMatch(l -> n.matcher(l[0]).find() && v.matcher(l[1]).find())) {
                return false;
            }
        }
        return true;
    }

    /** @return the category as config text */
    void render(StringBuilder out) {
        out.append('[').append(name).append(']');
        if (template || !inherits.isEmpty()) {
            List<String> flags = new ArrayList<>();
            if (template) {
                flags.add("!");
            }
            flags.addAll(inherits);
            out.append('(').append(String.join(",", flags)).append(')');
        }
        out.append('\n');
        for (String[] l : lines) {
            out.append(ConfigDocument.line(l[0], l[1])).append('\n');
        }
        out.append('\n');
    }
}
