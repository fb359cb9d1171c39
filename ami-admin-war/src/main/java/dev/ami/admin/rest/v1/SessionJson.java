package dev.ami.admin.rest.v1;

import dev.ami.api.connector.EventStatistics;
import dev.ami.api.connector.SessionStatistics;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the live sessions and the event statistics; times as ISO-8601 UTC, nulls where nothing is known yet. */
final class SessionJson {

    private SessionJson() {
    }

    /**
     * @param s a live session
     * @return {@code {id, username, address, transport, connectedAt, loggedInAt, queued, delivered,
     *         dropped, pending, maxLagMillis}}; {@code username} and {@code loggedInAt} null before login
     */
    static JsonObject view(SessionStatistics s) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", s.id());
        text(json, "username", s.username().isEmpty() ? null : s.username());
        text(json, "address", s.remoteAddress().isEmpty() ? null : s.remoteAddress());
        json.add("transport", s.transport());
        text(json, "connectedAt", time(s.connectedAt()));
        text(json, "loggedInAt", time(s.loggedInAt()));
        return json.add("queued", s.queued()).add("delivered", s.delivered()).add("dropped", s.dropped())
                .add("pending", s.pending()).add("maxLagMillis", s.maxLagMillis()).build();
    }

    /**
     * @param events   the router's figures
     * @param sessions the live sessions
     * @return {@code {since, events: [{name, fired, delivered}], sessions: [{id, username, queued, delivered, dropped}]}}
     */
    static JsonObject statistics(EventStatistics events, List<SessionStatistics> sessions) {
        JsonArrayBuilder byName = Json.createArrayBuilder();
        events.events().forEach(e -> byName.add(Json.createObjectBuilder().add("name", e.name()).add("fired", e.fired())
                .add("delivered", e.delivered())));
        JsonArrayBuilder bySession = Json.createArrayBuilder();
        sessions.forEach(s -> {
            JsonObjectBuilder one = Json.createObjectBuilder().add("id", s.id());
            text(one, "username", s.username().isEmpty() ? null : s.username());
            bySession.add(one.add("queued", s.queued()).add("delivered", s.delivered()).add("dropped", s.dropped()));
        });
        JsonObjectBuilder json = Json.createObjectBuilder();
        text(json, "since", time(events.since()));
        return json.add("events", byName).add("sessions", bySession).build();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
