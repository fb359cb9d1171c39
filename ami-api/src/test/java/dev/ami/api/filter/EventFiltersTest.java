package dev.ami.api.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventFiltersTest {

    private static final String USER_EVENT =
            "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Blocked\r\nHeader1: x\r\n\r\n";
    private static final String RELOAD = "Event: Reload\r\nPrivilege: system,all\r\nModule: pbx_config\r\nStatus: 0\r\n\r\n";

    @Test
    void theRecordedFilteredAccount() throws Exception {
        // the filtered account of src/test/resources/transcript-setup/manager.conf (ami-persistence), as recorded
        // from Asterisk 22.10.1: include UserEvents, exclude the one named Blocked
        List<EventFilter> filters = List.of(EventFilters.parse("eventfilter", "Event: UserEvent"),
                EventFilters.parse("eventfilter(action(exclude),header(UserEvent),method(exact))", "Blocked"));
        assertFalse(EventFilter.allows(filters, "UserEvent", USER_EVENT));
        assertTrue(EventFilter.allows(filters, "UserEvent", USER_EVENT.replace("Blocked", "MyEvent")));
        assertFalse(EventFilter.allows(filters, "Reload", RELOAD));
    }

    @Test
    void legacyRegexSearchesTheWholeTextAcrossLines() throws Exception {
        EventFilter f = EventFilters.parse("eventfilter", "Event: Reload.*Module: pbx_");
        assertTrue(f.matches("Reload", RELOAD));
        assertTrue(f.include());
        assertFalse(EventFilters.parse("eventfilter", "Event:Reload").matches("Reload", RELOAD));
        EventFilter exclude = EventFilters.parse("eventfilter", "!Status: [[:digit:]]");
        assertFalse(exclude.include());
        assertTrue(exclude.matches("Reload", RELOAD));
    }

    @Test
    void noFiltersAllowEverythingExcludesOnlyRemove() throws Exception {
        assertTrue(EventFilter.allows(List.of(), "Reload", RELOAD));
        List<EventFilter> onlyExclude = List.of(EventFilters.parse("eventfilter(name(Reload))", ""));
        assertTrue(onlyExclude.get(0).include());
        List<EventFilter> exclude = List.of(EventFilters.parse("eventfilter(action(exclude),name(Reload))", ""));
        assertFalse(EventFilter.allows(exclude, "Reload", RELOAD));
        assertTrue(EventFilter.allows(exclude, "UserEvent", USER_EVENT));
    }

    @Test
    void methodsOnHeaders() throws Exception {
        assertTrue(EventFilters.parse("eventfilter(header(Module),method(starts_with))", "pbx").matches("Reload", RELOAD));
        assertTrue(EventFilters.parse("eventfilter(header(Module:),method(ends_with))", "config").matches("Reload", RELOAD));
        assertTrue(EventFilters.parse("eventfilter(method(contains),header(Privilege))", "system").matches("Reload", RELOAD));
        assertFalse(EventFilters.parse("eventfilter(header(module),method(contains))", "pbx").matches("Reload", RELOAD));
        assertFalse(EventFilters.parse("eventfilter(header(Module),method(exact))", "pbx").matches("Reload", RELOAD));
        EventFilter bang = EventFilters.parse("eventfilter(header(Module),method(exact))", "!pbx_config");
        assertFalse(bang.include());
        assertTrue(EventFilters.parse("eventfilter(action(include),header(Module),method(exact))", "!pbx_config").include());
    }

    @Test
    void asterisksRefusals() {
        assertTrue(assertThrows(EventFilterException.class, () -> EventFilters.parse("eventfilter", "XX[X")).badRegex());
        assertFalse(assertThrows(EventFilterException.class,
                () -> EventFilters.fromAction("name(Newchannel)", "x")).badRegex());
        assertFalse(assertThrows(EventFilterException.class, () -> EventFilters.parse("eventfilter", "!")).badRegex());
        assertThrows(EventFilterException.class, () -> EventFilters.parse("eventfilter(method(exact))", ""));
        assertThrows(EventFilterException.class, () -> EventFilters.parse("eventfilter(method(none))", ""));
        assertThrows(EventFilterException.class, () -> EventFilters.parse("eventfilter(name(A),name(B))", ""));
        assertThrows(EventFilterException.class, () -> EventFilters.parse("eventfilter(method(startsWith),name(A))", "x"));
        assertThrows(EventFilterException.class, () -> EventFilters.parse("eventfilter()", ""));
    }
}
