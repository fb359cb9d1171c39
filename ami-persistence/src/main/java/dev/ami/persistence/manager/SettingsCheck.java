package dev.ami.persistence.manager;

import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether {@code [general]} settings given option by option (the REST API's) are exactly what the
 * file's own reader would take from those lines, as {@link AccountCheck} does for an account: each
 * option's lines are read alone by the import's reader (an error, or a value the import would
 * replace by its default with a warning, names that option with the import's reason), then all
 * together, and every option must read back as given. What the import only warns about (a TLS
 * library flag stored but not applied) is a warning here too.
 */
public final class SettingsCheck {

    private SettingsCheck() {
    }

    /**
     * @param errors   why the settings cannot be stored, by option; empty if they can
     * @param warnings what an import of these lines would warn about, by option
     * @param settings the settings the lines read as (null when there are errors)
     * @param <S>      the settings record
     */
    public record Result<S>(List<FieldProblem> errors, List<FieldProblem> warnings, S settings) {

        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param form   manager.conf's or http.conf's form
     * @param values a value of its kind for every option of the form
     * @param <S>    the settings record
     * @return the errors and warnings by option, and the settings
     */
    public static <S> Result<S> check(SettingsForm<S> form, Map<String, Object> values) {
        List<FieldProblem> errors = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            SettingsForm.Option option = Objects.requireNonNull(form.option(e.getKey()), e.getKey());
            if (!SettingsForm.lines(option, e.getValue()).stream().allMatch(l -> AccountCheck.lineReadsBack(option.name(), l))) {
                errors.add(new FieldProblem(option.name(), "cannot be written as a " + form.file() + " line that reads"
                        + " back as given (no line breaks or other control characters, no blanks at either end)"));
                continue;
            }
            List<String> warnings = new ArrayList<>();
            try {
                S alone = form.reader().read(document(form, Map.of(option.name(), e.getValue())), warnings);
                if (!Objects.equals(form.view().apply(alone).get(option.name()), e.getValue()) && !warnings.isEmpty()) {
                    // the import would have used its default instead, and said why
                    errors.add(new FieldProblem(option.name(), withoutPlace(form, warnings.get(0))));
                }
            } catch (ConfigParseException bad) {
                errors.add(new FieldProblem(option.name(), AccountCheck.reason(bad)));
            }
        }
        // the options in error take their defaults, so that the others are still checked together
        Map<String, Object> together = new LinkedHashMap<>(values);
        Map<String, Object> defaults = form.defaults();
        errors.forEach(e -> together.put(e.field(), defaults.get(e.field())));
        List<String> names = lineNames(form, together);
        List<String> warnings = new ArrayList<>();
        S read;
        try {
            read = form.reader().read(document(form, together), warnings);
        } catch (ConfigParseException bad) {
            errors.add(new FieldProblem(field(bad.line(), names), AccountCheck.reason(bad)));
            return new Result<>(errors, List.of(), null);
        }
        Map<String, Object> back = form.view().apply(read);
        List<String> inError = errors.stream().map(FieldProblem::field).toList();
        together.forEach((name, value) -> {
            if (!inError.contains(name) && !Objects.equals(back.get(name), value)) {
                errors.add(new FieldProblem(name, "does not read back from " + form.file() + " as given with the other"
                        + " options (the reader gives it another value)"));
            }
        });
        if (!errors.isEmpty()) {
            return new Result<>(errors, List.of(), null);
        }
        List<FieldProblem> found = new ArrayList<>();
        Pattern place = place(form);
        for (String w : warnings) {
            Matcher m = place.matcher(w);
            if (m.find()) {
                found.add(new FieldProblem(field(Integer.parseInt(m.group(1)), names), w.substring(m.end())));
            }
        }
        return new Result<>(List.of(), found, read);
    }

    /**
     * @param form   a form
     * @param values values of some of its options
     * @return the values in the form's order (options left out are left out)
     */
    public static Map<String, Object> ordered(SettingsForm<?> form, Map<String, Object> values) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        form.options().stream().filter(o -> values.containsKey(o.name())).forEach(o -> ordered.put(o.name(),
                values.get(o.name())));
        return ordered;
    }

    private static ConfigDocument document(SettingsForm<?> form, Map<String, Object> values) {
        ConfigSection general = form.section(values, "general");
        return new ConfigDocument(form.file(), List.of(general), List.of());
    }

    /** The option of each line of the section {@link SettingsForm#section} makes, by line number less one. */
    private static List<String> lineNames(SettingsForm<?> form, Map<String, Object> values) {
        List<String> names = new ArrayList<>();
        values.forEach((name, value) -> SettingsForm.lines(form.option(name), value).forEach(l -> names.add(name)));
        return names;
    }

    private static String field(int line, List<String> names) {
        return line >= 1 && line <= names.size() ? names.get(line - 1) : null;
    }

    private static Pattern place(SettingsForm<?> form) {
        return Pattern.compile("^" + Pattern.quote(form.file()) + ":(\\d+): ");
    }

    private static String withoutPlace(SettingsForm<?> form, String warning) {
        Matcher m = place(form).matcher(warning);
        return m.find() ? warning.substring(m.end()) : warning;
    }
}
