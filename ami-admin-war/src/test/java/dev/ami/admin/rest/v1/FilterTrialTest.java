package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.admin.rest.v1.AccountInput.FilterInput;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.filter.EventFilter;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.FieldProblem;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter test: an account's filters decide over a sample event as its sessions' filters would. */
class FilterTrialTest {

    private static final String NEWEXTEN = "Event: Newexten\r\nPrivilege: dialplan,all\r\nChannel: PJSIP/100-00000001\r\n"
            + "Context: default\r\n\r\n";
    private static final String USER_EVENT = "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Blocked\r\n\r\n";

    private static FilterTrial.Outcome run(List<FilterInput> filters, String event) {
        List<FieldProblem> problems = new ArrayList<>();
        FilterTrial.Outcome outcome = FilterTrial.run(filters, event, problems);
        assertEquals(List.of(), problems);
        return outcome;
    }

    private static List<FieldProblem> problems(List<FilterInput> filters, String event) {
        List<FieldProblem> problems = new ArrayList<>();
        assertNull(FilterTrial.run(filters, event, problems));
        return problems;
    }

    /** What a session of an account with these filters decides, its filters compiled from the stored lines. */
    private static boolean sessionDelivers(List<FilterInput> filters, String name, String event) {
        List<FieldProblem> problems = new ArrayList<>();
        AccountInput in = new AccountInput("carol", null, List.of(), List.of(), List.of(), null, null, null, filters,
                List.of(), List.of());
        AccountDefinition account = AccountJson.definition(in, "", "");
        assertEquals(List.of(), problems);
        List<EventFilter> compiled = account.toAccount(GeneralSettings.DEFAULTS).eventFilters();
        return EventFilter.allows(compiled, name, event);
    }

    @Test
    void noFiltersDeliverEverything() {
        assertEquals(new FilterTrial.Outcome(true, List.of()), run(List.of(), NEWEXTEN));
    }

    @Test
    void aLegacyExcludeDropsWhatItMatchesOnly() {
        List<FilterInput> filters = List.of(new FilterInput(null, "!Event: Newexten"));
        assertEquals(new FilterTrial.Outcome(false, List.of(true)), run(filters, NEWEXTEN));
        assertEquals(new FilterTrial.Outcome(true, List.of(false)), run(filters, USER_EVENT));
    }

    @Test
    void includesNeedOneMatchAndExcludesWinOverThem() {
        List<FilterInput> filters = List.of(new FilterInput(null, "Event: (Newexten|UserEvent)"),
                new FilterInput("action(exclude),header(UserEvent),method(exact)", "Blocked"));
        assertEquals(new FilterTrial.Outcome(true, List.of(true, false)), run(filters, NEWEXTEN));
        assertEquals(new FilterTrial.Outcome(false, List.of(true, true)), run(filters, USER_EVENT));
        assertFalse(run(filters, "Event: Hangup\r\n\r\n").delivered());
    }

    @Test
    void theOutcomeIsTheSessionsForTheSameLines() {
        List<List<FilterInput>> cases = List.of(List.of(new FilterInput(null, "[[:digit:]]{8}")),
                List.of(new FilterInput("name(Newexten),header(Context),method(starts_with)", "def")),
                List.of(new FilterInput(null, "!Privilege: user"), new FilterInput("name(UserEvent)", "")),
                List.of(new FilterInput("action(include),header(Channel),method(regex)", "^PJSIP/1")));
        for (List<FilterInput> filters : cases) {
            assertEquals(sessionDelivers(filters, "Newexten", NEWEXTEN), run(filters, NEWEXTEN).delivered(), filters::toString);
            assertEquals(sessionDelivers(filters, "UserEvent", USER_EVENT), run(filters, USER_EVENT).delivered(),
                    filters::toString);
        }
    }

    @Test
    void anEventTypedWithPlainLineEndsIsSearchedInItsWireForm() {
        String typed = "Event: UserEvent\nUserEvent: Blocked";
        assertEquals(USER_EVENT.replace("Privilege: user,all\r\n", ""), FilterTrial.wire(typed));
        // a header filter splits the text at CRLF: without the wire form it would see one line
        assertFalse(run(List.of(new FilterInput("action(exclude),header(UserEvent),method(exact)", "Blocked")), typed)
                .delivered());
        // a regex ending at a line end sees the CRLF the session sees
        assertTrue(run(List.of(new FilterInput(null, "Blocked\r\n")), typed).delivered());
    }

    @Test
    void filtersThatDoNotCompileAreNamedWithTheImportsReason() {
        List<FieldProblem> problems = problems(List.of(new FilterInput(null, "Event: ("),
                new FilterInput("action(maybe)", "x"), new FilterInput(null, "fine")), NEWEXTEN);
        assertEquals(List.of("eventFilters[0].pattern", "eventFilters[1].criteria"),
                problems.stream().map(FieldProblem::field).toList());
        assertTrue(problems.get(0).reason().contains("does not compile"), problems.get(0).reason());
        assertTrue(problems.get(1).reason().contains("include or exclude"), problems.get(1).reason());
    }

    @Test
    void anEventWithoutANameIsRefused() {
        assertEquals(List.of(new FieldProblem("event", "must have an Event: line naming the event")),
                problems(List.of(), "Channel: PJSIP/100\r\n\r\n"));
        assertEquals(List.of("event"), problems(List.of(), "Event:   \r\n").stream().map(FieldProblem::field).toList());
    }

    @Test
    void theBodyIsReadMemberByMember() {
        List<FieldProblem> problems = new ArrayList<>();
        JsonValue body = Jsons.read(new ByteArrayInputStream("""
                {"eventFilters":[{"criteria":null,"pattern":"!Event: Newexten"},{"pattern":3}],"event":"Event: X","x":1}"""
                .getBytes(StandardCharsets.UTF_8)));
        FilterTestInput in = AccountJson.filterTest(body, problems);
        assertEquals("Event: X", in.event());
        assertEquals(new FilterInput(null, "!Event: Newexten"), in.eventFilters().get(0));
        assertEquals(List.of("x", "eventFilters[1].pattern"), problems.stream().map(FieldProblem::field).toList());
    }
}
