package dev.ami.admin.rest.v1;

import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.SettingsForm;
import dev.ami.persistence.manager.Templates;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@code [general]} section ({@link SettingsForm}: one member per option, named
 * as the file names it, a boolean, a whole number, a string or an array of strings), of a template,
 * and of a field-level diff. A body is read member by member: an unknown member or one of the
 * wrong JSON type is a problem naming it, never quoting its value.
 */
final class SettingsJson {

    private SettingsJson() {
    }

    /** @return the values as a JSON object, in the form's order */
    static JsonObject view(Map<String, Object> values) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        values.forEach((name, value) -> json.add(name, value(value)));
        return json.build();
    }

    /**
     * @param values   the values
     * @param warnings what an import of them would warn about
     * @return the view, with {@code warnings} when there are any
     */
    static JsonObject written(Map<String, Object> values, List<FieldProblem> warnings) {
        JsonObject view = view(values);
        return warnings.isEmpty() ? view : Json.createObjectBuilder(view).add("warnings", problems(warnings)).build();
    }

    /**
     * @param form     the file's form
     * @param body     a request body (or a patched view)
     * @param problems gets a problem per member unknown or of the wrong JSON type
     * @return a value for every option: the body's, or the file's default where it leaves one out or gives null
     */
    static Map<String, Object> values(SettingsForm<?> form, JsonValue body, List<FieldProblem> problems) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Jsons.badJson("the body must be a JSON object");
        }
        JsonObject json = body.asJsonObject();
        String section = form.file() + " [general]";
        json.keySet().stream().filter(m -> form.option(m) == null && !m.equals("warnings"))
                .forEach(m -> problems.add(new FieldProblem(m, "is not an option of " + section + " that this API takes")));
        Map<String, Object> values = new LinkedHashMap<>(form.defaults());
        for (SettingsForm.Option option : form.options()) {
            JsonValue v = json.get(option.name());
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            Object value = switch (option.kind()) {
                case BOOLEAN -> v == JsonValue.TRUE ? Boolean.TRUE : v == JsonValue.FALSE ? Boolean.FALSE : null;
                case NUMBER -> v instanceof JsonNumber n && n.isIntegral() && fitsInt(n) ? n.intValue() : null;
                case TEXT -> v instanceof JsonString s ? s.getString() : null;
                case LIST -> v instanceof JsonArray a && a.stream().allMatch(JsonString.class::isInstance)
                        ? a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : null;
            };
            if (value == null) {
                problems.add(new FieldProblem(option.name(), expected(option.kind())));
            } else {
                values.put(option.name(), value);
            }
        }
        return values;
    }

    private static String expected(SettingsForm.Kind kind) {
        return switch (kind) {
            case BOOLEAN -> "must be true or false";
            case NUMBER -> "must be a whole number";
            case TEXT -> "must be a string";
            case LIST -> "must be an array of strings";
        };
    }

    private static boolean fitsInt(JsonNumber n) {
        try {
            n.bigIntegerValueExact().intValueExact();
            return true;
        } catch (ArithmeticException tooLarge) {
            return false;
        }
    }

    /** @return a template: its name, the accounts inheriting from it, the templates it names, its own lines */
    static JsonObject template(Templates.Template t) {
        JsonObjectBuilder options = Json.createObjectBuilder();
        t.options().forEach((name, value) -> options.add(name, value(name.equalsIgnoreCase("secret")
                ? ConfigurationDiff.MASK : value)));
        return Json.createObjectBuilder().add("name", t.name())
                .add("accounts", Json.createArrayBuilder(t.accounts()))
                .add("templates", Json.createArrayBuilder(t.templates()))
                .add("options", options).build();
    }

    /** @return the diff's changes, field by field */
    static JsonArray changes(ConfigurationDiff diff) {
        JsonArrayBuilder changes = Json.createArrayBuilder();
        for (ConfigurationDiff.Change c : diff.changes()) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            c.fields().forEach(f -> fields.add(Json.createObjectBuilder().add("field", f.field())
                    .add("before", value(f.before())).add("after", value(f.after()))));
            changes.add(Json.createObjectBuilder().add("kind", c.kind()).add("name", c.name()).add("change", c.change())
                    .add("fields", fields));
        }
        return changes.build();
    }

    static JsonArray problems(List<FieldProblem> problems) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        problems.forEach(w -> {
            JsonObjectBuilder item = Json.createObjectBuilder();
            if (w.field() == null) {
                item.addNull("field");
            } else {
                item.add("field", w.field());
            }
            list.add(item.add("reason", w.reason()));
        });
        return list.build();
    }

    /** A value of the store's (null, boolean, whole number, text, or a list of them) as JSON. */
    static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Integer i) {
            return Json.createValue(i);
        } else if (value instanceof List<?> list) {
            List<JsonValue> items = new ArrayList<>();
            list.forEach(item -> items.add(value(item)));
            return Json.createArrayBuilder(items).build();
        }
        return Json.createValue(value.toString());
    }
}
