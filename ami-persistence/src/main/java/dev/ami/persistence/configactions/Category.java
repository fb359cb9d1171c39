package dev.ami.persistence.configactions;

import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** One category of a configuration file as the configuration actions see it: a name and its lines, in order. */
final class Category {

    private String name;
    private final boolean template;
    /** Written as {@code (a,b)} when the category is saved; its lines then hold only its own. */
    private final List<String> inherits;
    /** The templates it was made from, as GetConfig reports them. */
    private final List<String> templates;
    private final List<String[]> lines = new ArrayList<>();

    /** A new category (UpdateConfig's NewCat) that takes its templates' lines when saved. */
    Category(String name, boolean template, List<String> inherits) {
        this(name, template, inherits, inherits);
    }

    private Category(String name, boolean template, List<String> inherits, List<String> templates) {
        this.name = name;
        this.template = template;
        this.inherits = List.copyOf(inherits);
        this.templates = List.copyOf(templates);
    }

    /** A stored category: every line it has, the inherited ones first, as Asterisk holds it. */
    static Category of(ConfigSection section) {
        Category c = new Category(section.name(), section.template(), List.of(), section.templates());
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

    /** @return the templates it inherits from, for GetConfig's {@code Templates-} header */
    List<String> templates() {
        return templates;
    }

    /** @return the lines as name/value pairs; changes write through */
    List<String[]> lines() {
        return lines;
    }

    /**
     * Asterisk's category filter ({@code does_category_match}): {@code name=value} regular
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
            String name = parts[0].strip();
            String value = parts[1].strip();
            if (name.equals("TEMPLATES")) {
                if (value.equalsIgnoreCase("include")) {
                    templateOk |= template;
                    found++;
                } else if (value.equalsIgnoreCase("restrict")) {
                    if (!template) {
                        break;
                    }
                    templateOk = true;
                    found++;
                }
                continue;
            }
            Pattern n;
            Pattern v;
            try {
                n = Pattern.compile(name);
                v = Pattern.compile(value);
            } catch (PatternSyntaxException bad) {
                return false;
            }
            if (lines.stream().anyMatch(l -> n.matcher(l[0]).find() && v.matcher(l[1]).find())) {
                found++;
            }
        }
        return found == expressions && (!template || templateOk);
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
