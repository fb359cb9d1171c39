package dev.ami.persistence.audit;

import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AccountSection;
import dev.ami.persistence.manager.ConfigurationDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a change touched, field by field, as the audit trail records it: secrets masked. */
public final class AuditChanges {

    private AuditChanges() {
    }

    /**
     * The fields of an account that differ, named as the REST API names them ({@code read},
     * {@code acl}, {@code eventFilters}...; {@code name} for a rename): a list field's value is its
     * lines, {@code option = value}, one per line; a secret is {@link AuditChange#SECRET_MASK} whatever
     * it is, and listed when it changed.
     *
     * @param before the account before, its secret in clear, or null when created
     * @param after  the account after, its secret in clear, or null when deleted
     * @return the fields that differ, in the export's order
     */
    public static List<AuditChange> account(AccountDefinition before, AccountDefinition after) {
        List<AuditChange> changes = new ArrayList<>();
        String oldName = before == null ? null : before.username();
        String newName = after == null ? null : after.username();
        if (!Objects.equals(oldName, newName)) {
            changes.add(new AuditChange(AccountSection.NAME, oldName, newName));
        }
        Map<String, String> old = fields(before);
        Map<String, String> now = fields(after);
        Map<String, String> all = new LinkedHashMap<>(now);
        old.forEach(all::putIfAbsent);
        for (String field : all.keySet()) {
            String a = old.get(field);
            String b = now.get(field);
            boolean secret = field.equals("secret");
            if (!Objects.equals(a, b)) {
                changes.add(secret ? new AuditChange(field, mask(a), mask(b)) : new AuditChange(field, a, b));
            }
        }
        return changes;
    }

    /**
     * @param before settings
     * @param after  settings of the same type
     * @return the settings that differ, by their names in the settings record
     */
    public static <R extends Record> List<AuditChange> settings(R before, R after) {
        return ConfigurationDiff.differences(before, after).stream()
                .map(d -> new AuditChange(d.name(), text(d.before()), text(d.after()))).toList();
    }

    /**
     * Named values that differ ({@code [general]} options as the REST API shows them, a template's
     * own lines): a list is its items, one per line.
     *
     * @param before  the values before
     * @param after   the values after
     * @param secrets names whose values are masked (compared without regard to case)
     * @return the names whose values differ, in the order of {@code after} then {@code before}
     */
    public static List<AuditChange> values(Map<String, Object> before, Map<String, Object> after, List<String> secrets) {
        Map<String, Object> all = new LinkedHashMap<>(after);
        before.forEach(all::putIfAbsent);
        List<AuditChange> changes = new ArrayList<>();
        for (String name : all.keySet()) {
            String a = lines(before.get(name));
            String b = lines(after.get(name));
            if (!Objects.equals(a, b)) {
                boolean secret = secrets.stream().anyMatch(name::equalsIgnoreCase);
                changes.add(secret ? new AuditChange(name, mask(a), mask(b)) : new AuditChange(name, a, b));
            }
        }
        return changes;
    }

    private static String lines(Object value) {
        return value instanceof List<?> list ? String.join("\n", list.stream().map(String::valueOf).toList()) : text(value);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String mask(String secret) {
        return secret == null ? null : AuditChange.SECRET_MASK;
    }

    /** An account's fields as text, the secret in clear (compared, then masked). */
    private static Map<String, String> fields(AccountDefinition account) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (account == null) {
            return fields;
        }
        for (AccountSection.Line line : AccountSection.lines(account)) {
            int index = line.field().indexOf('[');
            if (index < 0) {
                fields.put(line.field(), line.value());
            } else {
                fields.merge(line.field().substring(0, index), line.option() + " = " + line.value(),
                        (a, b) -> a + "\n" + b);
            }
        }
        return fields;
    }
}
