package dev.ami.admin.rest.v1;

import dev.ami.admin.rest.v1.AccountInput.AclInput;
import dev.ami.admin.rest.v1.AccountInput.FilterInput;
import dev.ami.api.connector.Upstream;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AclLine;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.FilterLine;
import dev.ami.persistence.store.AccountState;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of an account and of the other bodies: what an account answer holds, and how a
 * body becomes an input, every member checked for its JSON type (a problem per member, never its
 * value). Names are the ones {@link dev.ami.persistence.manager.AccountSection} gives the fields,
 * so a problem the store finds names the member it concerns. An absent member and {@code null} are
 * the same: an empty list, or an option left to {@code [general]}'s default.
 */
final class AccountJson {

    static final String NAME = "name";
    static final String SECRET = "secret";
    static final String HAS_SECRET = "hasSecret";
    static final String WARNINGS = "warnings";

    /** Members an answer holds that a body may carry back and that are ignored there. */
    private static final Set<String> SHOWN_ONLY = Set.of(HAS_SECRET, WARNINGS);

    private static final Set<String> ACCOUNT = Set.of(NAME, SECRET, "read", "write", "acl", "allowMultipleLogin",
            "displayConnects", "writeTimeout", "eventFilters", "variables", "namedAcls", "upstream",
            "upstreams");

    private static final String FILTER_OPTION = "eventfilter";

    private AccountJson() {
    }

    /**
     * @param state a stored account
     * @return its JSON form: every member present, {@code null} where an option is left to {@code [general]}
     */
    static JsonObject view(AccountState state) {
        AccountDefinition a = state.account();
        JsonArrayBuilder acl = Json.createArrayBuilder();
        a.acl().forEach(line -> acl.add(Json.createObjectBuilder().add("rule", line.permit() ? "permit" : "deny")
                .add("address", line.value())));
        JsonArrayBuilder filters = Json.createArrayBuilder();
        for (FilterLine f : a.eventFilters()) {
            JsonObjectBuilder filter = Json.createObjectBuilder();
            nullable(filter, "criteria", criteria(f.key()));
            filters.add(filter.add("pattern", f.value()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add(NAME, a.username())
                .add(HAS_SECRET, state.hasSecret())
                .add("read", Json.createArrayBuilder(AuthorityNames.shown(a.read())))
                .add("write", Json.createArrayBuilder(AuthorityNames.shown(a.write())))
                .add("acl", acl);
        nullable(json, "allowMultipleLogin", a.allowMultipleLogin());
        nullable(json, "displayConnects", a.displayConnects());
        nullable(json, "writeTimeout", a.writeTimeout());
        json.add("eventFilters", filters)
                .add("variables", Json.createArrayBuilder(a.variables()))
                .add("namedAcls", Json.createArrayBuilder(a.namedAcls()));
        nullable(json, "upstream", a.upstream());
        return json.add("upstreams", Json.createArrayBuilder(a.upstreams())).build();
    }

    /**
     * @param state    a stored account
     * @param warnings what the import would have warned about (added when there are any)
     * @return the JSON form of an account just written
     */
    static JsonObject written(AccountState state, List<FieldProblem> warnings) {
        JsonObject view = view(state);
        if (warnings.isEmpty()) {
            return view;
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        warnings.forEach(w -> {
            JsonObjectBuilder item = Json.createObjectBuilder();
            nullable(item, "field", w.field());
            list.add(item.add("reason", w.reason()));
        });
        return Json.createObjectBuilder(view).add(WARNINGS, list).build();
    }

    /** The advanced form's criteria of a filter's option name, or null for the legacy form. */
    private static String criteria(String key) {
        int open = key.indexOf('(');
        return open < 0 || !key.endsWith(")") ? null : key.substring(open + 1, key.length() - 1);
    }

    private static void nullable(JsonObjectBuilder json, String member, Object value) {
        if (value == null) {
            json.addNull(member);
        } else if (value instanceof Boolean b) {
            json.add(member, b);
        } else if (value instanceof Integer i) {
            json.add(member, i);
        } else {
            json.add(member, value.toString());
        }
    }

    /**
     * @param body          a request body
     * @param secretAllowed true when creating: the secret is set with the account; otherwise it has a call of its own
     * @param problems      gets a problem per member that is of the wrong JSON type or unknown
     * @return the input, with what could be read (null where a member could not)
     */
    static AccountInput account(JsonValue body, boolean secretAllowed, List<FieldProblem> problems) {
        JsonObject json = object(body);
        for (String member : json.keySet()) {
            if (member.equals(SECRET) && !secretAllowed) {
                problems.add(new FieldProblem(SECRET, "is write-only and set with PUT /ami/api/v1/accounts/{name}/secret"));
            } else if (!ACCOUNT.contains(member) && !SHOWN_ONLY.contains(member)) {
                problems.add(new FieldProblem(member, "is not a member of an account"));
            }
        }
        return new AccountInput(string(json, NAME, problems), secretAllowed ? string(json, SECRET, problems) : null,
                strings(json, "read", problems), strings(json, "write", problems),
                objects(json, "acl", problems, AccountJson::acl),
                bool(json, "allowMultipleLogin", problems), bool(json, "displayConnects", problems),
                integer(json, "writeTimeout", problems),
                objects(json, "eventFilters", problems, AccountJson::filter),
                strings(json, "variables", problems), strings(json, "namedAcls", problems),
                string(json, "upstream", problems), upstreamNames(json, problems));
    }

    /** The upstreams member: each element a name an upstream can have, so that a bad one is named by its index. */
    private static List<String> upstreamNames(JsonObject json, List<FieldProblem> problems) {
        List<String> names = strings(json, "upstreams", problems);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && !Upstream.isValidName(names.get(i))) {
                problems.add(new FieldProblem("upstreams[" + i + "]", "must be an upstream's name: 1 to 80 letters,"
                        + " digits, '.', '_' or '-'"));
            }
        }
        return names;
    }

    /** @return the body of a rename */
    static RenameInput rename(JsonValue body, List<FieldProblem> problems) {
        JsonObject json = object(body);
        only(json, Set.of(NAME), problems);
        return new RenameInput(string(json, NAME, problems));
    }

    /** @return the body of a filter test: {@code {"eventFilters": [...], "event": "..."}} */
    static FilterTestInput filterTest(JsonValue body, List<FieldProblem> problems) {
        JsonObject json = object(body);
        only(json, Set.of("eventFilters", "event"), problems);
        return new FilterTestInput(objects(json, "eventFilters", problems, AccountJson::filter),
                string(json, "event", problems));
    }

    /** @return the body of a secret */
    static SecretInput secret(JsonValue body, List<FieldProblem> problems) {
        JsonObject json = object(body);
        only(json, Set.of(SECRET), problems);
        return new SecretInput(string(json, SECRET, problems));
    }

    /**
     * @param in    an input without problems (every list element given)
     * @param read  its read classes as stored ({@link AuthorityNames#stored})
     * @param write its write classes as stored
     * @return the account to store
     */
    static AccountDefinition definition(AccountInput in, String read, String write) {
        List<AclLine> acl = in.acl().stream().map(r -> new AclLine(r.rule().equals("permit"), r.address())).toList();
        List<FilterLine> filters = in.eventFilters().stream().map(f -> new FilterLine(f.criteria() == null ? FILTER_OPTION
                : FILTER_OPTION + "(" + f.criteria() + ")", f.pattern())).toList();
        return new AccountDefinition(in.name(), in.secret(), read, write, acl, in.allowMultipleLogin(),
                in.displayConnects(), in.writeTimeout(), filters, in.variables(), in.namedAcls(), in.upstream(),
                in.upstreams());
    }

    private static JsonObject object(JsonValue body) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Jsons.badJson("the body must be a JSON object");
        }
        return body.asJsonObject();
    }

    private static void only(JsonObject json, Set<String> members, List<FieldProblem> problems) {
        json.keySet().stream().filter(m -> !members.contains(m))
                .forEach(m -> problems.add(new FieldProblem(m, "is not a member of this body; it takes " + members)));
    }

    private static AclInput acl(JsonObject json, String field, List<FieldProblem> problems) {
        json.keySet().stream().filter(m -> !m.equals("rule") && !m.equals("address"))
                .forEach(m -> problems.add(new FieldProblem(field + "." + m, "is not a member of a rule (rule, address)")));
        return new AclInput(string(json, "rule", field + ".rule", problems), string(json, "address", field + ".address",
                problems));
    }

    private static FilterInput filter(JsonObject json, String field, List<FieldProblem> problems) {
        json.keySet().stream().filter(m -> !m.equals("criteria") && !m.equals("pattern"))
                .forEach(m -> problems.add(new FieldProblem(field + "." + m,
                        "is not a member of an event filter (criteria, pattern)")));
        return new FilterInput(string(json, "criteria", field + ".criteria", problems),
                string(json, "pattern", field + ".pattern", problems));
    }

    private static boolean absent(JsonObject json, String member) {
        return !json.containsKey(member) || json.isNull(member);
    }

    private static String string(JsonObject json, String member, List<FieldProblem> problems) {
        return string(json, member, member, problems);
    }

    private static String string(JsonObject json, String member, String field, List<FieldProblem> problems) {
        if (absent(json, member)) {
            return null;
        }
        if (json.get(member) instanceof JsonString s) {
            return s.getString();
        }
        problems.add(new FieldProblem(field, "must be a string"));
        return null;
    }

    private static Boolean bool(JsonObject json, String member, List<FieldProblem> problems) {
        if (absent(json, member)) {
            return null;
        }
        JsonValue.ValueType type = json.get(member).getValueType();
        if (type == JsonValue.ValueType.TRUE || type == JsonValue.ValueType.FALSE) {
            return type == JsonValue.ValueType.TRUE;
        }
        problems.add(new FieldProblem(member, "must be true, false or null (null: [general]'s value)"));
        return null;
    }

    private static Integer integer(JsonObject json, String member, List<FieldProblem> problems) {
        if (absent(json, member)) {
            return null;
        }
        if (json.get(member) instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.bigIntegerValueExact().intValueExact();
            } catch (ArithmeticException tooLarge) {
                // reported below
            }
        }
        problems.add(new FieldProblem(member, "must be a whole number of milliseconds, or null for the default"));
        return null;
    }

    private static List<String> strings(JsonObject json, String member, List<FieldProblem> problems) {
        List<String> values = new ArrayList<>();
        for (JsonValue v : array(json, member, problems)) {
            if (v instanceof JsonString s) {
                values.add(s.getString());
            } else {
                problems.add(new FieldProblem(member + "[" + values.size() + "]", "must be a string"));
                values.add(null);
            }
        }
        return values;
    }

    private static <T> List<T> objects(JsonObject json, String member, List<FieldProblem> problems,
            ElementReader<T> element) {
        List<T> values = new ArrayList<>();
        for (JsonValue v : array(json, member, problems)) {
            String field = member + "[" + values.size() + "]";
            if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                values.add(element.read(v.asJsonObject(), field, problems));
            } else {
                problems.add(new FieldProblem(field, "must be an object"));
                values.add(null);
            }
        }
        return values;
    }

    private static JsonArray array(JsonObject json, String member, List<FieldProblem> problems) {
        if (absent(json, member)) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (json.get(member) instanceof JsonArray a) {
            return a;
        }
        problems.add(new FieldProblem(member, "must be an array"));
        return JsonValue.EMPTY_JSON_ARRAY;
    }

    /** Reads one element object of a list member. */
    @FunctionalInterface
    private interface ElementReader<T> {
        T read(JsonObject json, String field, List<FieldProblem> problems);
    }
}
