package dev.ami.admin.rest.v1;

import dev.ami.api.connector.EventStatistics;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.bridge.LiveSession;
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
     * @param session a live session of this server or of another node
     * @return {@code {id, node, username, address, transport, connectedAt, loggedInAt, queued, delivered,
     *         dropped, pending, maxLagMillis}}; {@code node} absent when the server runs alone;
     *         {@code username} and {@code loggedInAt} null before login; for another node's session,
     *         {@code connectedAt} and the counters absent (they live on its node, not here)
     */
    static JsonObject view(LiveSession session) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", session.id());
        if (session.node() != null) {
            json.add("node", session.node());
        }
        text(json, "username", session.username().isEmpty() ? null : session.username());
        text(json, "address", session.remoteAddress().isEmpty() ? null : session.remoteAddress());
        json.add("transport", session.transport());
        if (session instanceof LiveSession.Here here) {
            SessionStatistics s = here.statistics();
            text(json, "connectedAt", time(s.connectedAt()));
            text(json, "loggedInAt", time(s.loggedInAt()));
            return json.add("queued", s.queued()).add("delivered", s.delivered()).add("dropped", s.dropped())
                    .add("pending", s.pending()).add("maxLagMillis", s.maxLagMillis()).build();
        }
        text(json, "loggedInAt", time(session.loggedInAt()));
        return json.build();
    }

    /**
     * @param events   the router's figures
     * @param sessions this server's live sessions (another node's figures are on that node)
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
