package dev.ami.admin.rest.v1;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Upstream;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.message.Header;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.UpstreamSection;
import dev.ami.persistence.manager.UpstreamsConfReader;
import dev.ami.persistence.store.UpstreamState;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of an upstream: its stored fields (named as {@link UpstreamSection} names them, so a
 * problem the store finds names the member), never its secret, and its live {@code status} from the
 * connector ({@link UpstreamStatus}; null while the connector does not run or has no session with it).
 * A body's member left out or null takes upstreams.conf's default; {@code secret} may be left out of a
 * replacement, which then keeps the stored one.
 */
final class UpstreamJson {

    static final String NAME = "name";
    static final String SECRET = "secret";

    /** Members an answer holds that a body may carry back and that are ignored there. */
    private static final Set<String> SHOWN_ONLY = Set.of("hasSecret", "status");

    private static final Set<String> MEMBERS = Set.of(NAME, "host", "port", "tls", "tlsVerify", "tlsCaFile", "username",
            SECRET, "events", "enabled", "nameEvents");

    /**
     * An upstream as a body gives it.
     *
     * @param upstream   the upstream (its secret empty when the body gave none)
     * @param keepSecret true when the body gave no secret
     */
    record Input(Upstream upstream, boolean keepSecret) {
    }

    private UpstreamJson() {
    }

    /**
     * @param state  a stored upstream
     * @param status its live status, or null
     * @return its JSON form
     */
    static JsonObject view(UpstreamState state, UpstreamStatus status) {
        Upstream u = state.upstream();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add(NAME, u.name())
                .add("host", u.host())
                .add("port", u.port())
                .add("tls", u.tls())
                .add("tlsVerify", u.tlsVerify())
                .add("tlsCaFile", u.tlsCaFile())
                .add("username", u.username())
                .add("hasSecret", true)
                .add("events", Json.createArrayBuilder(AuthorityNames.shown(UpstreamSection.events(u.events()))))
                .add("enabled", u.enabled())
                .add("nameEvents", u.nameEvents());
        if (status == null) {
            json.addNull("status");
        } else {
            json.add("status", status(status));
        }
        return json.build();
    }

    /** @return the status as the API shows it: times as ISO-8601 instants, null where there is none */
    static JsonObject status(UpstreamStatus s) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("state", s.state().name());
        instant(json, "since", s.since());
        text(json, "lastError", s.lastError());
        text(json, "greeting", s.greeting());
        instant(json, "nextAttempt", s.nextAttempt());
        return json.add("logins", s.logins()).add("failures", s.failures()).add("eventsReceived", s.eventsReceived())
                .add("actionsForwarded", s.actionsForwarded()).add("actionsPending", s.actionsPending())
                .add("lagMicros", s.lagMicros()).build();
    }

    private static void instant(JsonObjectBuilder json, String member, Instant value) {
        if (value == null) {
            json.addNull(member);
        } else {
            json.add(member, value.toString());
        }
    }

    private static void text(JsonObjectBuilder json, String member, String value) {
        if (value == null) {
            json.addNull(member);
        } else {
            json.add(member, value);
        }
    }

    /**
     * @param body     a request body
     * @param pathName the upstream the path names (a replacement), or null when creating
     * @param problems gets a problem per member that is missing, of the wrong JSON type, unknown or out of range
     * @return the upstream, or null when there are problems
     */
    static Input upstream(JsonValue body, String pathName, List<FieldProblem> problems) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Jsons.badJson("the body must be a JSON object");
        }
        JsonObject json = body.asJsonObject();
        for (String member : json.keySet()) {
            if (!MEMBERS.contains(member) && !SHOWN_ONLY.contains(member)) {
                problems.add(new FieldProblem(member, "is not a member of an upstream"));
            }
        }
        String name = string(json, NAME, problems);
        if (pathName == null) {
            if (name == null) {
                problems.add(new FieldProblem(NAME, "is required"));
            } else if (!Upstream.isValidName(name)) {
                problems.add(new FieldProblem(NAME, "must be 1 to 80 letters, digits, '.', '_' or '-'"));
            }
        } else {
            if (name != null && !name.equalsIgnoreCase(pathName)) {
                problems.add(new FieldProblem(NAME, "is the upstream's name, which a replacement keeps"));
            }
            name = pathName;
        }
        String host = required(json, "host", problems);
        String username = required(json, "username", problems);
        String secret = string(json, SECRET, problems);
        if (secret != null && secret.isEmpty()) {
            problems.add(new FieldProblem(SECRET, "must not be empty; leave it out to keep the stored one"));
        } else if (secret == null && pathName == null && !problems.stream().anyMatch(p -> SECRET.equals(p.field()))) {
            problems.add(new FieldProblem(SECRET, "is required"));
        }
        Integer port = integer(json, "port", problems);
        if (port != null && (port < 1 || port > 65535)) {
            problems.add(new FieldProblem("port", "must be a port number, 1 to 65535"));
        }
        Boolean tls = bool(json, "tls", problems);
        Boolean tlsVerify = bool(json, "tlsVerify", problems);
        String tlsCaFile = string(json, "tlsCaFile", problems);
        Authority events = events(json, problems);
        Boolean enabled = bool(json, "enabled", problems);
        Boolean nameEvents = bool(json, "nameEvents", problems);
        // the Upstream record refuses them (they go into the Login request): named here, not a failure
        for (String[] member : new String[][] {{"host", host}, {"username", username}, {SECRET, secret}}) {
            if (member[1] != null && !Header.isSingleLine(member[1])) {
                problems.add(new FieldProblem(member[0], "must be one line"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Input(new Upstream(name, host, port == null ? Upstream.DEFAULT_PORT : port, tls != null && tls,
                tlsVerify == null || tlsVerify, tlsCaFile, username, secret, events, enabled == null || enabled,
                nameEvents != null && nameEvents), secret == null);
    }

    /** {@code events}: class names as an account's {@code read} takes them; left out, all; {@code []}, none. */
    private static Authority events(JsonObject json, List<FieldProblem> problems) {
        if (!json.containsKey("events") || json.isNull("events")) {
            return Authority.ALL;
        }
        if (!(json.get("events") instanceof JsonArray array)) {
            problems.add(new FieldProblem("events", "must be an array of event classes"));
            return Authority.ALL;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s) {
                names.add(s.getString());
            } else {
                problems.add(new FieldProblem("events[" + i + "]", "must be a string"));
            }
        }
        String stored = AuthorityNames.stored(names, "events", problems);
        Authority events = UpstreamsConfReader.events(stored.isEmpty() ? "none" : stored);
        return events == null ? Authority.ALL : events;
    }

    private static String required(JsonObject json, String member, List<FieldProblem> problems) {
        String value = string(json, member, problems);
        if (value == null && problems.stream().noneMatch(p -> member.equals(p.field()))) {
            problems.add(new FieldProblem(member, "is required"));
        } else if (value != null && value.isEmpty()) {
            problems.add(new FieldProblem(member, "must not be empty"));
        }
        return value;
    }

    private static String string(JsonObject json, String member, List<FieldProblem> problems) {
        if (!json.containsKey(member) || json.isNull(member)) {
            return null;
        }
        if (json.get(member) instanceof JsonString s) {
            return s.getString();
        }
        problems.add(new FieldProblem(member, "must be a string"));
        return null;
    }

    private static Boolean bool(JsonObject json, String member, List<FieldProblem> problems) {
        if (!json.containsKey(member) || json.isNull(member)) {
            return null;
        }
        JsonValue.ValueType type = json.get(member).getValueType();
        if (type == JsonValue.ValueType.TRUE || type == JsonValue.ValueType.FALSE) {
            return type == JsonValue.ValueType.TRUE;
        }
        problems.add(new FieldProblem(member, "must be true, false or null (null: the default)"));
        return null;
    }

    private static Integer integer(JsonObject json, String member, List<FieldProblem> problems) {
        if (!json.containsKey(member) || json.isNull(member)) {
            return null;
        }
        if (json.get(member) instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.bigIntegerValueExact().intValueExact();
            } catch (ArithmeticException tooLarge) {
                // reported below
            }
        }
        problems.add(new FieldProblem(member, "must be a whole number"));
        return null;
    }
}
