package dev.ami.persistence.manager;

import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.Upstream;
import dev.ami.api.connector.UriRestriction;
import dev.ami.persistence.conf.ConfigDocument;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What replacing one configuration by another changes: accounts added, changed and removed (by
 * name, matched without regard to case) and {@code [general]} settings changed, by name; and the
 * same field by field ({@link #changes}: each account, the {@code [general]} section, each http.conf
 * restriction and, where the files are known, each template, with every field's value before and
 * after). Secrets are compared but never shown: a secret's value is {@value #MASK}.
 *
 * @param accountsAdded   names of new accounts
 * @param accountsChanged names of accounts whose options differ
 * @param accountsRemoved names of accounts that go away
 * @param settingsChanged one {@code name: old -> new} line per changed setting
 * @param changes         the same, field by field
 */
public record ConfigurationDiff(List<String> accountsAdded, List<String> accountsChanged, List<String> accountsRemoved,
        List<String> settingsChanged, List<Change> changes) {

    /** What a secret's value is shown as. */
    public static final String MASK = "********";

    /** {@link Change#kind()} of manager.conf's {@code [general]}. */
    public static final String GENERAL = "general";
    /** {@link Change#kind()} of http.conf's {@code [general]} and its restriction sections. */
    public static final String HTTP = "http";
    /** {@link Change#kind()} of an account. */
    public static final String ACCOUNT = "account";
    /** {@link Change#kind()} of a template of manager.conf. */
    public static final String TEMPLATE = "template";
    /** {@link Change#kind()} of an upstream (upstreams.conf's section). */
    public static final String UPSTREAM = "upstream";

    /**
     * One field that changes.
     *
     * @param field  its name: an option of the file ({@code displayconnects}) or of an account as the
     *               REST API names it ({@code writeTimeout})
     * @param before its value before (a boolean, number, text or list of texts), or null if it had none
     * @param after  its value after, or null if it has none
     */
    public record FieldChange(String field, Object before, Object after) {
    }

    /**
     * One section that changes.
     *
     * @param kind   {@value #GENERAL}, {@value #HTTP}, {@value #ACCOUNT} or {@value #TEMPLATE}
     * @param name   the account's, template's or section's name
     * @param change {@code added}, {@code removed} or {@code changed}
     * @param fields the fields that differ (all of them, for one added or removed)
     */
    public record Change(String kind, String name, String change, List<FieldChange> fields) {

        public Change {
            fields = List.copyOf(fields);
        }
    }

    public ConfigurationDiff {
        accountsAdded = List.copyOf(accountsAdded);
        accountsChanged = List.copyOf(accountsChanged);
        accountsRemoved = List.copyOf(accountsRemoved);
        settingsChanged = List.copyOf(settingsChanged);
        changes = List.copyOf(changes);
    }

    /** Names only, no field-level changes (what the tests of the name lists build). */
    public ConfigurationDiff(List<String> accountsAdded, List<String> accountsChanged, List<String> accountsRemoved,
            List<String> settingsChanged) {
        this(accountsAdded, accountsChanged, accountsRemoved, settingsChanged, List.of());
    }

    /**
     * @param before the stored configuration
     * @param after  the one that would replace it
     * @return the differences
     */
    public static ConfigurationDiff between(ImportedConfiguration before, ImportedConfiguration after) {
        Map<String, AccountDefinition> old = byName(before.accounts());
        Map<String, AccountDefinition> now = byName(after.accounts());
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Change> changes = new ArrayList<>(sections(GENERAL, "general", SettingsForm.GENERAL.view().apply(before.general()),
                SettingsForm.GENERAL.view().apply(after.general()), Set.of()));
        now.forEach((key, account) -> {
            AccountDefinition previous = old.get(key);
            if (previous == null) {
                added.add(account.username());
            } else if (!previous.equals(account)) {
                changed.add(account.username());
            }
            changes.addAll(sections(ACCOUNT, account.username(), previous == null ? null : fields(previous), fields(account),
                    Set.of("secret")));
        });
        old.forEach((key, account) -> {
            if (!now.containsKey(key)) {
                removed.add(account.username());
                changes.addAll(sections(ACCOUNT, account.username(), fields(account), null, Set.of("secret")));
            }
        });
        return new ConfigurationDiff(added, changed, removed, settings(before.general(), after.general()), changes);
    }

    /**
     * @param before manager.conf as stored, if known (the templates live there only)
     * @param after  manager.conf as it would be
     * @return this diff with the templates' changes added
     */
    public ConfigurationDiff withTemplates(ConfigDocument before, ConfigDocument after) {
        Map<String, Map<String, Object>> old = Templates.options(before);
        Map<String, Map<String, Object>> now = Templates.options(after);
        List<Change> all = new ArrayList<>(changes);
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            all.addAll(sections(TEMPLATE, name, old.get(name), now.get(name), Set.of("secret")));
        }
        return new ConfigurationDiff(accountsAdded, accountsChanged, accountsRemoved, settingsChanged, all);
    }

    /** An account's fields as the REST API names them, each with its value as manager.conf has it. */
    private static Map<String, Object> fields(AccountDefinition a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("secret", a.secret());
        v.put("read", a.read());
        v.put("write", a.write());
        v.put("acl", a.acl().stream().map(l -> (l.permit() ? "permit" : "deny") + " = " + l.value()).toList());
        v.put("allowMultipleLogin", a.allowMultipleLogin());
        v.put("displayConnects", a.displayConnects());
        v.put("writeTimeout", a.writeTimeout());
        v.put("eventFilters", a.eventFilters().stream().map(f -> f.key() + " = " + f.value()).toList());
        v.put("variables", a.variables());
        v.put("namedAcls", a.namedAcls());
        v.put("upstream", a.upstream());
        v.put("upstreams", a.upstreams());
        return v;
    }

    /**
     * @param before  the section's fields before, or null if it is added
     * @param after   its fields after, or null if it is removed
     * @param secrets fields shown masked
     * @return its change, or nothing if no field differs
     */
    private static List<Change> sections(String kind, String name, Map<String, Object> before, Map<String, Object> after,
            Set<String> secrets) {
        if (before == null && after == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>(before == null ? after.keySet() : before.keySet());
        if (after != null) {
            names.addAll(after.keySet());
        }
        List<FieldChange> fields = new ArrayList<>();
        boolean whole = before == null || after == null;
        for (String field : names) {
            Object a = before == null ? null : empty(before.get(field), whole);
            Object b = after == null ? null : empty(after.get(field), whole);
            if (!Objects.equals(a, b)) {
                Function<Object, Object> shown = v -> v != null && secrets.contains(field.toLowerCase(Locale.ROOT)) ? MASK : v;
                fields.add(new FieldChange(field, shown.apply(a), shown.apply(b)));
            }
        }
        if (fields.isEmpty() && before != null && after != null) {
            return List.of();
        }
        return List.of(new Change(kind, name, before == null ? "added" : after == null ? "removed" : "changed", fields));
    }

    /**
     * An empty list is no value; so is an empty text of a section added or removed whole, which then
     * shows only the fields it has.
     */
    private static Object empty(Object value, boolean whole) {
        return value instanceof List<?> list && list.isEmpty() || whole && "".equals(value) ? null : value;
    }

    /** The names only, as before field-level changes: a log line must not list every field of every account. */
    @Override
    public String toString() {
        return "ConfigurationDiff[accountsAdded=" + accountsAdded + ", accountsChanged=" + accountsChanged
                + ", accountsRemoved=" + accountsRemoved + ", settingsChanged=" + settingsChanged + "]";
    }

    /** @return true if nothing would change */
    public boolean isEmpty() {
        return accountsAdded.isEmpty() && accountsChanged.isEmpty() && accountsRemoved.isEmpty() && settingsChanged.isEmpty();
    }

    private static Map<String, AccountDefinition> byName(List<AccountDefinition> accounts) {
        Map<String, AccountDefinition> map = new LinkedHashMap<>();
        accounts.forEach(a -> map.put(a.username().toLowerCase(Locale.ROOT), a));
        return map;
    }

    /**
     * @param before the stored http.conf settings
     * @param after  the ones that would replace them
     * @return the differences (settings only)
     */
    public static ConfigurationDiff between(HttpSettings before, HttpSettings after) {
        List<Change> changes = new ArrayList<>(sections(HTTP, "general", SettingsForm.HTTP.view().apply(before),
                SettingsForm.HTTP.view().apply(after), Set.of()));
        Map<String, Map<String, Object>> old = restrictions(before);
        Map<String, Map<String, Object>> now = restrictions(after);
        Set<String> prefixes = new LinkedHashSet<>(old.keySet());
        prefixes.addAll(now.keySet());
        prefixes.forEach(p -> changes.addAll(sections(HTTP, p, old.get(p), now.get(p), Set.of())));
        return new ConfigurationDiff(List.of(), List.of(), List.of(), settings(before, after), changes);
    }

    /**
     * @param before the stored upstreams
     * @param after  the ones that would replace them
     * @return the upstreams added, changed and removed, field by field (the REST API's names), and one
     *         {@code upstream <name>: added|changed|removed} line each in {@link #settingsChanged}
     */
    public static ConfigurationDiff betweenUpstreams(List<Upstream> before, List<Upstream> after) {
        Map<String, Map<String, Object>> old = upstreamFields(before);
        Map<String, Map<String, Object>> now = upstreamFields(after);
        Set<String> keys = new LinkedHashSet<>(now.keySet());
        keys.addAll(old.keySet());
        List<Change> changes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            Map<String, Object> a = old.get(key);
            Map<String, Object> b = now.get(key);
            String name = (String) (b == null ? a : b).get("name");
            List<Change> change = sections(UPSTREAM, name, a, b, Set.of("secret"));
            changes.addAll(change);
            change.forEach(c -> lines.add("upstream " + name + ": " + c.change()));
        }
        return new ConfigurationDiff(List.of(), List.of(), List.of(), lines, changes);
    }

    /** Each upstream's fields by its key (the name in lower case); the name is a field so that a change of case shows. */
    private static Map<String, Map<String, Object>> upstreamFields(List<Upstream> upstreams) {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        for (Upstream u : upstreams) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", u.name());
            UpstreamSection.lines(u).forEach(line -> fields.put(line.field(), line.value()));
            sections.put(u.name().toLowerCase(Locale.ROOT), fields);
        }
        return sections;
    }

    /** Each restriction section of http.conf: its permit and deny lines, in order. */
    private static Map<String, Map<String, Object>> restrictions(HttpSettings h) {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        for (UriRestriction r : h.restrictions()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", "restriction");
            fields.put("acl", r.acl().rules().stream().map(rule -> (rule.permit() ? "permit" : "deny") + " = " + rule.entry())
                    .toList());
            sections.put(r.prefix(), fields);
        }
        return sections;
    }

    /** One {@code name: old -> new} line per component of two records of one type that differs. */
    private static <R extends Record> List<String> settings(R before, R after) {
        return differences(before, after).stream().map(d -> d.name() + ": " + d.before() + " -> " + d.after()).toList();
    }

    /**
     * One setting that differs between two records of settings.
     *
     * @param name   the record component's name
     * @param before its value in the first
     * @param after  its value in the second
     */
    public record Difference(String name, Object before, Object after) {
    }

    /**
     * @param before settings
     * @param after  settings of the same type
     * @return the components that differ, in the record's order
     */
    public static <R extends Record> List<Difference> differences(R before, R after) {
        List<Difference> differences = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            try {
                Object a = c.getAccessor().invoke(before);
                Object b = c.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    differences.add(new Difference(c.getName(), a, b));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(before.getClass().getSimpleName() + "." + c.getName()
                        + " is not readable", e);
            }
        }
        return differences;
    }
}
