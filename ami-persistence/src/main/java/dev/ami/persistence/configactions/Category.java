package dev.ami.persistence.configactions;

import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One category of a configuration file as the configuration actions see it: a name and its lines,
 * in order. Immutable: UpdateConfig's edits make new categories.
 *
 * @param name      the category name
 * @param template  true for a template ({@code [name](!)})
 * @param inherits  written as {@code (a,b)} when the category is saved, its lines then holding only
 *                  its own (a category made by NewCat with {@code inherit=})
 * @param templates the templates it was made from, as GetConfig reports them
 * @param lines     its lines, the inherited ones first
 */
record Category(String name, boolean template, List<String> inherits, List<String> templates, List<Line> lines) {

    /**
     * One {@code name = value} line of a category.
     *
     * @param name  the option name
     * @param value its value
     */
    record Line(String name, String value) {
    }

    Category {
        inherits = List.copyOf(inherits);
        templates = List.copyOf(templates);
        lines = List.copyOf(lines);
    }

    /** A new, empty category (UpdateConfig's NewCat) that takes its templates' lines when saved. */
    static Category created(String name, boolean template, List<String> inherits) {
        return new Category(name, template, inherits, inherits, List.of());
    }

    /** A stored category: every line it has, the inherited ones first, as Asterisk holds it. */
    static Category of(ConfigSection section) {
        return new Category(section.name(), section.template(), List.of(), section.templates(),
                section.entries().stream().map((ConfigEntry e) -> new Line(e.name(), e.value())).toList());
    }

    Category renamed(String newName) {
        return new Category(newName, template, inherits, templates, lines);
    }

    Category withLines(List<Line> newLines) {
        return new Category(name, template, inherits, templates, newLines);
    }

    /**
     * Asterisk's category filter (main/config.c, does_category_match): {@code name=value} regular
     * expressions separated by {@code ,} or {@code &}, each of which some line must match (found
     * anywhere in its name and its value). Templates are left out unless the filter says
     * {@code TEMPLATES=include} (templates too) or {@code TEMPLATES=restrict} (templates only). An
     * entry without {@code =}, or a regular expression that does not compile, matches nothing.
     */
    boolean matches(String filter) {
        if (filter == null || filter.isEmpty()) {
            return !template;
        }
        int expressions = 0;
        int found = 0;
        boolean templateOk = false;
        for (String entry : filter.split("[,&]", -1)) {
            expressions++;
            String[] parts = entry.split("=", -1);
            if (parts.length < 2) {
                break;
            }
            String n = parts[0].strip();
            String v = parts[1].strip();
            if (n.equals("TEMPLATES")) {
                if (v.equalsIgnoreCase("include")) {
                    templateOk |= template;
                    found++;
                } else if (v.equalsIgnoreCase("restrict")) {
                    if (!template) {
                        break;
                    }
                    templateOk = true;
                    found++;
                }
                continue;
            }
            Pattern namePattern;
            Pattern valuePattern;
            try {
                namePattern = Pattern.compile(n);
                valuePattern = Pattern.compile(v);
            } catch (PatternSyntaxException bad) {
                return false;
            }
            if (lines.stream().anyMatch(l -> namePattern.matcher(l.name()).find() && valuePattern.matcher(l.value()).find())) {
                found++;
            }
        }
        return found == expressions && (!template || templateOk);
    }

    /** Appends the category as config text. */
    void render(StringBuilder out) {
        List<String> flags = new ArrayList<>();
        if (template) {
            flags.add("!");
        }
        flags.addAll(inherits);
        out.append(ConfigDocument.header(name, flags)).append('\n');
        for (Line l : lines) {
            out.append(ConfigDocument.line(l.name(), l.value())).append('\n');
        }
        out.append('\n');
    }
}
