package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AclLine;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.FilterLine;
import dev.ami.persistence.store.AccountState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON form of an account: every member shown, read back into the same account, each wrong member a problem. */
class AccountJsonTest {

    private static final AccountState STATE = new AccountState(new AccountDefinition("carol", null, "system,call", "all",
            List.of(new AclLine(false, "0.0.0.0/0"), new AclLine(true, "10.0.0.0/8,!10.1.0.0/16")), false, null, 300,
            List.of(new FilterLine("eventfilter", "!Event: Newexten"),
                    new FilterLine("eventfilter(action(exclude),header(UserEvent),method(exact))", "Blocked")),
            List.of("ACCOUNTCODE=ops"), List.of("office"), "pbx1", List.of("pbx1", "PBX2")), true, "etag-1");

    private static JsonValue json(String text) {
        return Jsons.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** As the resource does: class names checked, then the account built. */
    private static AccountDefinition definition(AccountInput in, List<FieldProblem> problems) {
        String read = AuthorityNames.stored(in.read(), "read", problems);
        String write = AuthorityNames.stored(in.write(), "write", problems);
        return AccountJson.definition(in, read, write);
    }

    @Test
    void theViewShowsEveryMemberAndNoSecret() {
        assertEquals(json("""
                {"name":"carol","hasSecret":true,"read":["system","call"],"write":["all"],
                 "acl":[{"rule":"deny","address":"0.0.0.0/0"},{"rule":"permit","address":"10.0.0.0/8,!10.1.0.0/16"}],
                 "allowMultipleLogin":false,"displayConnects":null,"writeTimeout":300,
                 "eventFilters":[{"criteria":null,"pattern":"!Event: Newexten"},
                                 {"criteria":"action(exclude),header(UserEvent),method(exact)","pattern":"Blocked"}],
                 "variables":["ACCOUNTCODE=ops"],"namedAcls":["office"],"upstream":"pbx1",
                 "upstreams":["pbx1","PBX2"]}"""), AccountJson.view(STATE));
        assertFalse(AccountJson.view(STATE).containsKey("secret"));
        assertEquals(List.of("field", "reason"), List.copyOf(AccountJson.written(STATE,
                List.of(new FieldProblem("variables[0]", "w"))).getJsonArray("warnings").getJsonObject(0).keySet()));
    }

    @Test
    void aViewReadsBackAsTheSameAccount() {
        List<FieldProblem> problems = new ArrayList<>();
        AccountInput in = AccountJson.account(AccountJson.view(STATE), false, problems);
        assertEquals(List.of(), problems, "hasSecret is shown only and ignored when given back");
        assertEquals(STATE.account(), definition(in, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void aMergePatchChangesWhatItNamesAndNullRemoves() {
        JsonValue merged = Json.createMergePatch(json("""
                {"writeTimeout":null,"read":["user"],"acl":[{"rule":"permit","address":"127.0.0.1"}],"hasSecret":false}"""))
                .apply(AccountJson.view(STATE));
        List<FieldProblem> problems = new ArrayList<>();
        AccountDefinition patched = definition(AccountJson.account(merged, false, problems), problems);
        assertEquals(List.of(), problems);
        assertNull(patched.writeTimeout());
        assertEquals("user", patched.read());
        assertEquals(List.of(new AclLine(true, "127.0.0.1")), patched.acl());
        assertEquals(STATE.account().eventFilters(), patched.eventFilters(), "what the patch leaves out is kept");
        assertEquals(List.of("pbx1", "PBX2"), patched.upstreams());
        JsonValue every = Json.createMergePatch(json("{\"upstreams\":[]}")).apply(AccountJson.view(STATE));
        assertEquals(List.of(), definition(AccountJson.account(every, false, problems), problems).upstreams(),
                "[]: every upstream");
        assertEquals(List.of(), problems);
    }

    @Test
    void absentAndNullAreTheDefaults() {
        List<FieldProblem> problems = new ArrayList<>();
        AccountInput in = AccountJson.account(json("{\"name\":\"dave\",\"acl\":null,\"writeTimeout\":null}"), true, problems);
        assertEquals(List.of(), problems);
        AccountDefinition dave = definition(in, problems);
        assertEquals(AccountDefinition.of("dave", null, "", ""), dave);
    }

    @Test
    void everyMemberOfTheWrongTypeOrUnknownIsAProblemOfItsOwn() {
        List<FieldProblem> problems = new ArrayList<>();
        AccountJson.account(json("""
                {"name":5,"secret":"hunter2","read":"all","write":[1],"acl":[{"rule":"permit","address":7,"x":1},"deny"],
                 "allowMultipleLogin":"yes","displayConnects":0,"writeTimeout":1.5,"eventFilters":[{"pattern":false}],
                 "variables":{},"namedAcls":[null],"upstreams":["pbx1",2,"no such"],"colour":"blue"}"""), false,
                problems);
        assertEquals(List.of("secret", "colour", "name", "read", "write[0]", "acl[0].x", "acl[0].address", "acl[1]",
                "allowMultipleLogin", "displayConnects", "writeTimeout", "eventFilters[0].pattern", "variables",
                "namedAcls[0]", "upstreams[1]", "upstreams[2]"),
                problems.stream().map(FieldProblem::field).toList());
        assertTrue(problems.stream().noneMatch(p -> p.reason().contains("hunter2")));
        List<FieldProblem> tooLarge = new ArrayList<>();
        AccountJson.account(json("{\"writeTimeout\":1e12}"), true, tooLarge);
        assertEquals(List.of("writeTimeout"), tooLarge.stream().map(FieldProblem::field).toList());
    }

    @Test
    void aBodyThatIsNoObjectIsBadJson() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> AccountJson.account(json("[1]"), true, new ArrayList<>()));
        assertEquals(Problem.BAD_JSON, e.problem().type());
        List<FieldProblem> problems = new ArrayList<>();
        AccountJson.secret(json("{\"secret\":\"x\",\"name\":\"y\"}"), problems);
        AccountJson.rename(json("{\"name\":\"y\",\"secret\":\"x\"}"), problems);
        assertEquals(List.of("name", "secret"), problems.stream().map(FieldProblem::field).toList());
        JsonObject empty = JsonValue.EMPTY_JSON_OBJECT;
        assertNull(AccountJson.secret(empty, problems).secret());
    }
}
