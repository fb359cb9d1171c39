package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ami.persistence.manager.FieldProblem;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies that are not JSON are refused with the place, never the text; problems have RFC 9457's members. */
class JsonsTest {

    private static ProblemException refused(String body) {
        return assertThrows(ProblemException.class,
                () -> Jsons.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))), body);
    }

    @Test
    void notJsonIsRefusedWithItsPlaceOnly() {
        ProblemException e = refused("{\"secret\": \"hunter2\" oops}");
        assertEquals(400, e.problem().status());
        assertEquals(Problem.BAD_JSON, e.problem().type());
        assertEquals("the body is not JSON (line 1, column 22)", e.problem().detail());
        for (String body : new String[] {"", "  ", "{", "{\"secret\": \"hunter2\", \"secret\": \"x\"}", "{\"a\":1} {}", "nul",
                "{\"a\":[{\"b\":\"hunter2\",\"b\":1}]}", "\u0000"}) {
            ProblemException bad = refused(body);
            assertEquals(Problem.BAD_JSON, bad.problem().type(), body);
            assertFalse(bad.problem().detail().contains("hunter2"), bad.problem().detail());
        }
    }

    @Test
    void aProblemHasRfc9457sMembersInOrder() {
        Problem p = new Problem(Problem.STALE, "The account has changed", 412, "read it again",
                List.of(new FieldProblem("acl[1]", "bad"), new FieldProblem(null, "whole")));
        assertEquals(Json.createReader(new java.io.StringReader("""
                {"type":"urn:ami:problem:stale","title":"The account has changed","status":412,"detail":"read it again",
                 "instance":"/ami/api/v1/accounts/bob","errors":[{"field":"acl[1]","reason":"bad"},
                 {"field":null,"reason":"whole"}]}""")).readObject(), p.toJson("/ami/api/v1/accounts/bob"));
        assertEquals(List.of("type", "title", "status", "detail", "instance", "errors"),
                List.copyOf(p.toJson("/x").keySet()));
    }
}
