package dev.ami.persistence.store;

import dev.ami.persistence.manager.FieldProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code [general]} section as stored ({@link dev.ami.persistence.manager.SettingsForm}'s values),
 * or a template, with the ETag of that state.
 *
 * @param values   every option with its value
 * @param etag     a digest of the values: the same values give the same tag
 * @param warnings what an import of these lines would warn about (after a change; empty on a read)
 */
public record SettingsState(Map<String, Object> values, String etag, List<FieldProblem> warnings) {

    public SettingsState {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        warnings = List.copyOf(warnings);
    }
}
