package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Upstream;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.store.UpstreamState;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON form of an upstream: no secret, its live status, a body read into the same upstream, each wrong member named. */
class UpstreamJsonTest {

    private static final UpstreamState STATE = new UpstreamState(new Upstream("pbx1", "10.0.0.1", 5039, true, false,
            "ca.pem", "ami", "", Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CALL), true, false), "etag-1");

    private static final UpstreamStatus STATUS = new UpstreamStatus("PBX1", "10.0.0.1:5039", UpstreamStatus.State.CONNECTED,
            Instant.parse("2026-12-07T02:00:00Z"), null, "Asterisk Call Manager/11.0.0", null, 3, 2, 1000, 40, 1, 850);

    private static JsonValue json(String text) {
        return Jsons.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theViewShowsEveryFieldTheStatusAndNoSecret() {
        JsonObject view = UpstreamsResource.list(List.of(STATE), Map.of("pbx1", STATUS)).getJsonArray("upstreams")
                .getJsonObject(0);
        assertEquals(json("""
                {"name":"pbx1","host":"10.0.0.1","port":5039,"tls":true,"tlsVerify":false,"tlsCaFile":"ca.pem",
                 "username":"ami","hasSecret":true,"events":["system","call"],"enabled":true,"nameEvents":false,
                 "status":{"state":"CONNECTED","since":"2026-12-07T02:00:00Z","lastError":null,
                   "greeting":"Asterisk Call Manager/11.0.0","nextAttempt":null,"logins":3,"failures":2,
                   "eventsReceived":1000,"actionsForwarded":40,"actionsPending":1,"lagMicros":850}}"""), view);
        assertFalse(view.containsKey("secret"));
        assertTrue(UpstreamJson.view(STATE, null).isNull("status"), "no connector, no status");
    }

    @Test
    void aViewWithASecretReadsBackAsTheSameUpstream() {
        List<FieldProblem> problems = new ArrayList<>();
        JsonObject body = jakarta.json.Json.createObjectBuilder(UpstreamJson.view(STATE, STATUS)).add("secret", "s").build();
        UpstreamJson.Input in = UpstreamJson.upstream(body, null, problems);
        assertEquals(List.of(), problems);
        assertEquals(new Upstream("pbx1", "10.0.0.1", 5039, true, false, "ca.pem", "ami", "s",
                Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CALL), true, false), in.upstream());
        assertFalse(in.keepSecret());
    }

    @Test
    void membersLeftOutTakeUpstreamsConfDefaultsAndAReplacementKeepsTheSecret() {
        List<FieldProblem> problems = new ArrayList<>();
        UpstreamJson.Input in = UpstreamJson.upstream(json("{\"host\":\"h\",\"username\":\"u\"}"), "PBX1", problems);
        assertEquals(List.of(), problems);
        assertEquals(new Upstream("PBX1", "h", 5038, false, true, "", "u", "", Authority.ALL, true, false), in.upstream());
        assertTrue(in.keepSecret());
        UpstreamJson.Input none = UpstreamJson.upstream(json("{\"host\":\"h\",\"username\":\"u\",\"events\":[]}"), "p",
                problems);
        assertEquals(Authority.NONE, none.upstream().events());
    }

    @Test
    void eachBadMemberIsNamed() {
        List<FieldProblem> problems = new ArrayList<>();
        assertNull(UpstreamJson.upstream(json("""
                {"name":"a b","host":"","port":70000,"tls":"yes","events":["call","sistem"],"colour":"blue"}"""),
                null, problems));
        assertEquals(List.of("colour", "name", "host", "username", "secret", "port", "tls", "events[1]"),
                problems.stream().map(FieldProblem::field).toList(), problems.toString());
        problems.clear();
        UpstreamJson.upstream(json("{\"name\":\"other\",\"host\":\"h\",\"username\":\"u\",\"secret\":\"\"}"), "pbx1",
                problems);
        assertEquals(List.of("name", "secret"), problems.stream().map(FieldProblem::field).toList(), problems.toString());
        assertThrows(ProblemException.class, () -> UpstreamJson.upstream(json("[]"), null, new ArrayList<>()));
    }

    @Test
    void aLineBreakInWhatTheLoginCarriesIsAProblemNotAFailure() {
        List<FieldProblem> problems = new ArrayList<>();
        assertNull(UpstreamJson.upstream(json("""
                {"name":"p","host":"h\\nport = 1","username":"u\\r","secret":"s\\r\\nAction: Command"}"""), null,
                problems));
        assertEquals(List.of("host", "username", "secret"), problems.stream().map(FieldProblem::field).toList(),
                problems.toString());
    }
}
