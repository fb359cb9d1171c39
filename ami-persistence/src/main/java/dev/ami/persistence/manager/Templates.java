package dev.ami.persistence.manager;

import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The templates of manager.conf ({@code [name](!)} sections) and the accounts that inherit from
 * them. The store keeps templates only in the kept manager.conf text: the structured tables hold
 * each account with its inherited lines already applied, as Asterisk holds a loaded file.
 */
public final class Templates {

    private Templates() {
    }

    /**
     * One template.
     *
     * @param name      its name
     * @param templates the templates it inherits from itself, in order
     * @param options   its own lines: option name to its value, or to its values in order when written more than once
     * @param accounts  the accounts that inherit from it, directly or through another template, in file order
     */
    public record Template(String name, List<String> templates, Map<String, Object> options, List<String> accounts) {

        public Template {
            templates = List.copyOf(templates);
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
            accounts = List.copyOf(accounts);
        }

        /** @return its ETag: a digest of its name, the templates it names and its own options */
        public String etag() {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("(inherits)", templates);
            all.putAll(options);
            return Digests.of("template " + name, all);
        }
    }

    /**
     * @param doc manager.conf, parsed (null: none known)
     * @return its templates in file order
     */
    public static List<Template> of(ConfigDocument doc) {
        List<Template> templates = new ArrayList<>();
        if (doc == null) {
            return templates;
        }
        for (ConfigSection s : doc.sections()) {
            if (s.template()) {
                templates.add(new Template(s.name(), s.templates(), own(s), inheritors(doc, s.name())));
            }
        }
        return templates;
    }

    /**
     * @param doc manager.conf, parsed (null: none known)
     * @return each template's own options, and the templates it names as {@code templates} (the member the
     *         REST API shows them in), by template name
     */
    static Map<String, Map<String, Object>> options(ConfigDocument doc) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (Template t : of(doc)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("templates", t.templates());
            fields.putAll(t.options());
            all.put(t.name(), fields);
        }
        return all;
    }

    /** A section's own lines (not those it copied from its templates) as options. */
    static Map<String, Object> own(ConfigSection s) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (ConfigEntry e : s.entries().subList(s.inherited(), s.entries().size())) {
            lines.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e.value());
        }
        Map<String, Object> options = new LinkedHashMap<>();
        lines.forEach((name, values) -> options.put(name, values.size() == 1 ? values.get(0) : List.copyOf(values)));
        return options;
    }

    /** The accounts whose sections name the template, or a template that does, in file order. */
    private static List<String> inheritors(ConfigDocument doc, String template) {
        Set<String> bases = new LinkedHashSet<>();
        bases.add(template.toLowerCase(Locale.ROOT));
        List<String> accounts = new ArrayList<>();
        for (ConfigSection s : doc.sections()) {
            // a section can only name templates defined above it, so one pass in file order is enough
            if (s.templates().stream().anyMatch(t -> bases.contains(t.toLowerCase(Locale.ROOT)))) {
                if (s.template()) {
                    bases.add(s.name().toLowerCase(Locale.ROOT));
                } else if (!s.name().equalsIgnoreCase("general")) {
                    accounts.add(s.name());
                }
            }
        }
        return accounts;
    }
}
