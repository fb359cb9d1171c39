package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.bridge.AmiSessions;
import dev.ami.persistence.bridge.ConnectorNotRunning;
import dev.ami.persistence.manager.FieldProblem;
import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The sessions resource on a connector of fixed sessions: filters, order, pages, refusals, a stopped connector. */
class SessionsResourceTest {

    private static final Instant T = Instant.parse("2026-12-06T18:00:00Z");
    private static final Actor ADMIN = new Actor("admin", "127.0.0.1", Actor.REST);

    /** A connector with these sessions; kicks are recorded. */
    private static final class FixedSessions extends AmiSessions {
        final List<SessionStatistics> live;
        final List<String> kicked = new ArrayList<>();
        boolean running = true;

        FixedSessions(List<SessionStatistics> live) {
            this.live = live;
        }

        @Override
        public List<SessionStatistics> list() {
            if (!running) {
                throw new ConnectorNotRunning();
            }
            return live;
        }

        @Override
        public Optional<SessionStatistics> find(String id) {
            return list().stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public Optional<SessionStatistics> kick(String id, Actor actor) {
            assertEquals(ADMIN, actor);
            kicked.add(id);
            return find(id);
        }

        @Override
        public List<SessionStatistics> kickAccount(String username, Actor actor) {
            assertEquals(ADMIN, actor);
            return list().stream().filter(s -> s.username().equalsIgnoreCase(username)).peek(s -> kicked.add(s.id())).toList();
        }
    }

    private static SessionStatistics session(String id, String user, String transport, int secondsAfter) {
        return new SessionStatistics(id, user, "127.0.0.1:4000" + id.charAt(2), transport, T.plusSeconds(secondsAfter),
                user.isEmpty() ? null : T.plusSeconds(secondsAfter + 1), 0, 0, 0, 0, 0);
    }

    private final FixedSessions connector = new FixedSessions(List.of(session("0x3", "ops", "HTTP", 30),
            session("0x1", "Ops", "TCP", 10), session("0x2", "", "TLS", 20), session("0x4", "admin", "TCP", 40)));
    private final SessionsResource resource = resource(connector);

    private static SessionsResource resource(AmiSessions sessions) {
        SessionsResource r = new SessionsResource();
        r.sessions = sessions;
        r.validator = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        return r;
    }

    private static List<String> ids(JsonObject answer) {
        return answer.getJsonArray("sessions").stream().map(s -> s.asJsonObject().getString("id")).toList();
    }

    @Test
    void listedOldestFirstFilteredByAccountWithoutRegardToCaseAndByTransport() {
        assertEquals(List.of("0x1", "0x2", "0x3", "0x4"), ids(resource.listing(null, null, null, null)));
        assertEquals(List.of("0x1", "0x3"), ids(resource.listing("OPS", null, null, null)));
        assertEquals(List.of("0x1", "0x4"), ids(resource.listing(null, "tcp", null, null)));
        assertEquals(List.of("0x3"), ids(resource.listing("ops", "HTTP", null, null)));
        assertEquals(List.of("0x1", "0x2", "0x3", "0x4"), ids(resource.listing("", "", null, null)), "empty: no filter");
        JsonObject page = resource.listing(null, null, "1", "2");
        assertEquals(List.of("0x2", "0x3"), ids(page));
        assertEquals(4, page.getInt("total"));
        assertEquals(1, page.getInt("offset"));
        assertEquals(2, page.getInt("limit"));
    }

    @Test
    void badQueryValuesAreRefusedByName() {
        ProblemException e = assertThrows(ProblemException.class, () -> resource.listing(null, "SCTP", "-1", "x"));
        assertEquals(400, e.problem().status());
        assertEquals(Problem.INVALID, e.problem().type());
        assertEquals(List.of("limit", "offset", "transport"), e.problem().errors().stream().map(FieldProblem::field)
                .sorted().toList());
        assertEquals(400, assertThrows(ProblemException.class, () -> resource.listing(null, null, null, "1001")).problem()
                .status());
        assertEquals(400, assertThrows(ProblemException.class, () -> resource.endAll("", ADMIN)).problem().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> resource.endAll(null, ADMIN)).problem().status());
        assertEquals(List.of(), connector.kicked);
    }

    @Test
    void kicksAndTheirAnswers() {
        assertEquals("0x2", resource.end("0x2", ADMIN).id());
        ProblemException unknown = assertThrows(ProblemException.class, () -> resource.end("0x9", ADMIN));
        assertEquals(404, unknown.problem().status());
        assertEquals(Problem.UNKNOWN_SESSION, unknown.problem().type());
        assertEquals(404, assertThrows(ProblemException.class, () -> resource.session("0x9")).problem().status());
        assertEquals(2, resource.endAll("oPs", ADMIN).size());
        assertEquals(List.of(), resource.endAll("nobody", ADMIN));
        assertEquals(List.of("0x2", "0x9", "0x3", "0x1"), connector.kicked);
    }

    @Test
    void aStoppedConnectorIsA503Problem() {
        connector.running = false;
        for (Runnable call : List.<Runnable>of(() -> resource.listing(null, null, null, null), () -> resource.session("0x1"),
                () -> resource.endAll("ops", ADMIN))) {
            ProblemException e = assertThrows(ProblemException.class, call::run);
            assertEquals(503, e.problem().status());
            assertEquals(Problem.CONNECTOR_NOT_RUNNING, e.problem().type());
        }
    }
}
