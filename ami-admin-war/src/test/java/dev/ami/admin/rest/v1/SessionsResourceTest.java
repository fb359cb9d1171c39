package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ami.api.connector.OtherNodes.RemoteSession;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.bridge.AmiSessions;
import dev.ami.persistence.bridge.ConnectorNotRunning;
import dev.ami.persistence.bridge.LiveSession;
import dev.ami.persistence.manager.FieldProblem;
import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The sessions resource on a connector of fixed sessions: filters, order, pages, refusals, a stopped
 * connector; in a cluster, the other nodes' sessions after this one's, and their kicks requested.
 */
class SessionsResourceTest {

    private static final Instant T = Instant.parse("2026-12-06T18:00:00Z");
    private static final Actor ADMIN = new Actor("admin", "127.0.0.1", Actor.REST);

    /** A connector with these sessions (and, joined, these of other nodes); kicks are recorded. */
    private static final class FixedSessions extends AmiSessions {
        final List<SessionStatistics> live;
        final List<RemoteSession> others;
        final String node;
        final List<String> kicked = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        boolean running = true;

        FixedSessions(List<SessionStatistics> live) {
            this(null, live, List.of());
        }

        FixedSessions(String node, List<SessionStatistics> live, List<RemoteSession> others) {
            this.node = node;
            this.live = live;
            this.others = others;
        }

        @Override
        public Optional<String> node() {
            return Optional.ofNullable(node);
        }

        @Override
        public List<SessionStatistics> list() {
            if (!running) {
                throw new ConnectorNotRunning();
            }
            return live;
        }

        /** In the order the real one gives: this node's, then the others'; the resource sorts them. */
        @Override
        public List<LiveSession> all() {
            List<LiveSession> all = new ArrayList<>();
            list().forEach(s -> all.add(new LiveSession.Here(node, s)));
            others.forEach(s -> all.add(new LiveSession.Elsewhere(s)));
            return all;
        }

        @Override
        public Optional<LiveSession> find(String id) {
            return all().stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public Optional<LiveSession> kick(String id, Actor actor) {
            assertEquals(ADMIN, actor);
            Optional<LiveSession> found = find(id);
            (found.orElse(null) instanceof LiveSession.Elsewhere ? asked : kicked).add(id);
            return found;
        }

        @Override
        public List<LiveSession> kickAccount(String username, Actor actor) {
            assertEquals(ADMIN, actor);
            return all().stream().filter(s -> s.username().equalsIgnoreCase(username))
                    .peek(s -> (s instanceof LiveSession.Elsewhere ? asked : kicked).add(s.id())).toList();
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
        assertEquals(List.of("0x1", "0x2", "0x3", "0x4"), ids(resource.listing(null, null, null, null, null)));
        assertEquals(List.of("0x1", "0x3"), ids(resource.listing("OPS", null, null, null, null)));
        assertEquals(List.of("0x1", "0x4"), ids(resource.listing(null, "tcp", null, null, null)));
        assertEquals(List.of("0x3"), ids(resource.listing("ops", "HTTP", null, null, null)));
        assertEquals(List.of("0x1", "0x2", "0x3", "0x4"), ids(resource.listing("", "", "", null, null)), "empty: no filter");
        JsonObject page = resource.listing(null, null, null, "1", "2");
        assertEquals(List.of("0x2", "0x3"), ids(page));
        assertEquals(4, page.getInt("total"));
        assertEquals(1, page.getInt("offset"));
        assertEquals(2, page.getInt("limit"));
    }

    @Test
    void badQueryValuesAreRefusedByName() {
        ProblemException e = assertThrows(ProblemException.class, () -> resource.listing(null, "SCTP", null, "-1", "x"));
        assertEquals(400, e.problem().status());
        assertEquals(Problem.INVALID, e.problem().type());
        assertEquals(List.of("limit", "offset", "transport"), e.problem().errors().stream().map(FieldProblem::field)
                .sorted().toList());
        assertEquals(400, assertThrows(ProblemException.class, () -> resource.listing(null, null, null, null, "1001")).problem()
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
        assertEquals("{\"kicked\":0}", resource.kicked(resource.endAll("nobody", ADMIN)).toString(), "alone, as before");
        assertEquals(List.of(), resource.endAll("nobody", ADMIN));
        assertEquals(List.of("0x2", "0x9", "0x3", "0x1"), connector.kicked);
        assertEquals(List.of(), connector.asked);
    }

    @Test
    void aStoppedConnectorIsA503Problem() {
        connector.running = false;
        for (Runnable call : List.<Runnable>of(() -> resource.listing(null, null, null, null, null),
                () -> resource.session("0x1"),
                () -> resource.endAll("ops", ADMIN))) {
            ProblemException e = assertThrows(ProblemException.class, call::run);
            assertEquals(503, e.problem().status());
            assertEquals(Problem.CONNECTOR_NOT_RUNNING, e.problem().type());
        }
    }

    private static RemoteSession remote(String node, String id, String user, String transport, int secondsAfter) {
        return new RemoteSession(node, id, user, "198.51.100.1:5000" + id.charAt(2), transport, T.plusSeconds(secondsAfter));
    }

    /** node-a holds 0x1 to 0x4; node-b and node-c logged in before and after them. */
    private final FixedSessions joined = new FixedSessions("node-a", connector.live, List.of(
            remote("node-c", "0x7", "ops", "TCP", 5), remote("node-b", "0x6", "admin", "HTTP", 50),
            remote("node-b", "0x5", "OPS", "TLS", 5)));
    private final SessionsResource joinedResource = resource(joined);

    @Test
    void joinedTheOtherNodesSessionsFollowOldestLoginFirstWithTheirNodeAndNoCounters() {
        JsonObject all = joinedResource.listing(null, null, null, null, null);
        assertEquals(List.of("0x1", "0x2", "0x3", "0x4", "0x5", "0x7", "0x6"), ids(all),
                "this node's by connection, then the others' by login, ties by id");
        assertEquals(7, all.getInt("total"));
        List<JsonObject> sessions = all.getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertEquals("node-a", sessions.get(0).getString("node"));
        assertEquals(0, sessions.get(0).getInt("queued"), "this node's sessions keep their counters");
        JsonObject remote = sessions.get(4);
        assertEquals("{\"id\":\"0x5\",\"node\":\"node-b\",\"username\":\"OPS\",\"address\":\"198.51.100.1:50005\","
                + "\"transport\":\"TLS\",\"loggedInAt\":\"2026-12-06T18:00:05Z\"}", remote.toString(),
                "no counters and no connection time: they are on its node");
        JsonObject read = SessionJson.view(joinedResource.session("0x6"));
        assertEquals("node-b", read.getString("node"));
        assertEquals(false, read.containsKey("delivered"));
    }

    @Test
    void joinedTheFiltersApplyToEveryNode() {
        assertEquals(List.of("0x1", "0x3", "0x5", "0x7"), ids(joinedResource.listing("ops", null, null, null, null)));
        assertEquals(List.of("0x1", "0x4", "0x7"), ids(joinedResource.listing(null, "TCP", null, null, null)));
        assertEquals(List.of("0x5", "0x6"), ids(joinedResource.listing(null, null, "node-b", null, null)));
        assertEquals(List.of("0x1", "0x2", "0x3", "0x4"), ids(joinedResource.listing(null, null, "node-a", null, null)));
        assertEquals(List.of("0x7"), ids(joinedResource.listing("OPS", "tcp", "node-c", null, null)));
        assertEquals(List.of(), ids(joinedResource.listing(null, null, "Node-B", null, null)), "a node's name is exact");
        assertEquals(List.of(), ids(resource.listing(null, null, "node-a", null, null)), "alone, no session has a node");
    }

    @Test
    void joinedPagesRunOverThisNodesSessionsIntoTheOthers() {
        JsonObject page = joinedResource.listing(null, null, null, "3", "3");
        assertEquals(List.of("0x4", "0x5", "0x7"), ids(page));
        assertEquals(7, page.getInt("total"));
        assertEquals(List.of("0x6"), ids(joinedResource.listing(null, null, null, "6", "3")));
    }

    @Test
    void joinedAKickOfAnotherNodesSessionIsRequestedOfItsNode() {
        LiveSession asked = joinedResource.end("0x6", ADMIN);
        assertEquals(new LiveSession.Elsewhere(joined.others.get(1)), asked);
        assertEquals(List.of("0x6"), joined.asked);
        assertEquals(Response.Status.ACCEPTED, SessionsResource.status(asked), "requested, not done");
        LiveSession here = joinedResource.end("0x3", ADMIN);
        assertEquals(new LiveSession.Here("node-a", connector.live.get(0)), here);
        assertEquals(Response.Status.NO_CONTENT, SessionsResource.status(here));
        assertEquals(Response.Status.NO_CONTENT, SessionsResource.status(resource.end("0x1", ADMIN)), "alone, as before");
        assertEquals(List.of("0x3"), joined.kicked);
        assertEquals("{\"kicked\":2,\"requested\":2}", joinedResource.kicked(joinedResource.endAll("ops", ADMIN)).toString());
        assertEquals(List.of("0x6", "0x7", "0x5"), joined.asked);
        assertEquals("{\"kicked\":0,\"requested\":0}", joinedResource.kicked(List.of()).toString());
    }

    @Test
    void theOrderIsTotalSoPagesNeverOverlap() {
        List<String> byPages = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 2) {
            byPages.addAll(ids(joinedResource.listing(null, null, null, String.valueOf(offset), "2")));
        }
        assertEquals(ids(joinedResource.listing(null, null, null, null, null)), byPages);
    }
}
