package dev.ami.persistence.manager;

import dev.ami.api.connector.HttpSettings;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What replacing one configuration by another changes: accounts added, changed and removed (by
 * name, matched without regard to case) and {@code [general]} settings changed. Secrets are compared
 * but never shown.
 *
 * @param accountsAdded   names of new accounts
 * @param accountsChanged names of accounts whose options differ
 * @param accountsRemoved names of accounts that go away
 * @param settingsChanged one {@code name: old -> new} line per changed setting
 */
public record ConfigurationDiff(List<String> accountsAdded, List<String> accountsChanged, List<String> accountsRemoved,
        List<String> settingsChanged) {

    public ConfigurationDiff {
        accountsAdded = List.copyOf(accountsAdded);
        accountsChanged = List.copyOf(accountsChanged);
        accountsRemoved = List.copyOf(accountsRemoved);
        settingsChanged = List.copyOf(settingsChanged);
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
        now.forEach((key, account) -> {
            AccountDefinition previous = old.get(key);
            if (previous == null) {
                added.add(account.username());
            } else if (!previous.equals(account)) {
                changed.add(account.username());
            }
        });
        old.forEach((key, account) -> {
            if (!now.containsKey(key)) {
                removed.add(account.username());
            }
        });
        return new ConfigurationDiff(added, changed, removed, settings(before.general(), after.general()));
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
        return new ConfigurationDiff(List.of(), List.of(), List.of(), settings(before, after));
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
