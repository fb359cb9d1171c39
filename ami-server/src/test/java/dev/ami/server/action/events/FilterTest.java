package dev.ami.server.action.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.acl.AccessList;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.filter.EventFilters;
import dev.ami.server.session.AmiSession;
import dev.ami.server.testing.TestConnector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** eventfilter lines and the Filter action (main/manager.c, action_filter and manager_add_filter). */
class FilterTest {

    private static Account filtered() throws Exception {
        return new Account("filtered", "pw3", Authority.ALL, Authority.ALL, AccessList.ALLOW_ALL, true, true, 100,
                List.of(EventFilters.parse("eventfilter", "Event: UserEvent"),
                        EventFilters.parse("eventfilter(action(exclude),header(UserEvent),method(exact))", "Blocked")));
    }

    private final TestConnector connector;

    FilterTest() throws Exception {
        connector = new TestConnector(TestConnector.GENERAL,
                List.of(Account.of("admin", "s3cret", Authority.ALL, Authority.ALL), filtered()));
    }

    private TestConnector.Connection login(String user, String secret) {
        var c = connector.login(user, secret);
        c.read();
        return c;
    }

    @Test
    void accountFiltersIncludeAndExcludeAsRecorded() {
        var filtered = login("filtered", "pw3");
        var admin = login("admin", "s3cret");
        filtered.read();
        admin.exchange("Action: UserEvent\r\nUserEvent: MyEvent\r\nHeader1: value one\r\n\r\n");
        assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: MyEvent\r\nHeader1: value one\r\n\r\n",
                filtered.read());
        admin.exchange("Action: UserEvent\r\nUserEvent: Blocked\r\nHeader1: x\r\n\r\n");
        assertEquals("", filtered.read());
        // SuccessfulAuth of a third login is not a UserEvent: not included
        login("admin", "s3cret");
        assertEquals("", filtered.read());
    }

    @Test
    void theFilterActionAddsToThisSessionOnly() {
        var a = login("admin", "s3cret");
        var b = login("admin", "s3cret");
        a.read();
        assertEquals("Response: Success\r\nMessage: Success\r\n\r\n",
                a.exchange("Action: Filter\r\nOperation: Add\r\nFilter: !UserEvent: Quiet\r\n\r\n"));
        b.exchange("Action: UserEvent\r\nUserEvent: Quiet\r\n\r\n");
        assertEquals("", a.read());
        b.exchange("Action: UserEvent\r\nUserEvent: Loud\r\n\r\n");
        assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Loud\r\n\r\n", a.read());
        assertEquals("Response: Success\r\nMessage: Event Sent\r\n\r\nEvent: UserEvent\r\nPrivilege: user,all\r\n"
                + "UserEvent: Quiet\r\n\r\n", b.exchange("Action: UserEvent\r\nUserEvent: Quiet\r\n\r\n"));
    }

    @Test
    void theFilterActionsAnswers() {
        var a = login("admin", "s3cret");
        a.read();
        assertEquals("Response: Error\r\nMessage: Filter did not compile.  Check the syntax of the filter given.\r\n\r\n",
                a.exchange("Action: Filter\r\nOperation: Add\r\nFilter: XX[X\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: Unknown operation\r\n\r\n",
                a.exchange("Action: Filter\r\nFilter: Event: Hangup\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: Filter was formatted incorrectly.  Check the syntax of the filter given."
                + "\r\n\r\n",
                a.exchange("Action: Filter\r\nOperation: Add\r\nMatchCriteria: name(Newchannel)\r\nFilter: x\r\n\r\n"));
        assertEquals("Response: Success\r\nMessage: Success\r\n\r\n",
                a.exchange("Action: Filter\r\nOperation: Add\r\nMatchCriteria: name(Newchannel)\r\n\r\n"));
    }

    @Test
    void aSessionAddsAtMostItsShareOfFiltersAndThenGetsAsterisksAllocationError() {
        var filtered = login("filtered", "pw3"); // two filters of its own, which do not count
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < AmiSession.MAX_ADDED_FILTERS; i++) {
            answers.append(filtered.exchange("Action: Filter\r\nOperation: Add\r\nFilter: !Event: Never" + i + "\r\n\r\n"));
        }
        assertEquals("Response: Success\r\nMessage: Success\r\n\r\n".repeat(AmiSession.MAX_ADDED_FILTERS),
                answers.toString());
        assertEquals("Response: Error\r\nActionID: 9\r\nMessage: Internal Error. Failed to allocate regex for filter\r\n\r\n",
                filtered.exchange("Action: Filter\r\nActionID: 9\r\nOperation: Add\r\nFilter: !Event: OneTooMany\r\n\r\n"));
        // the filters already added still apply, and the session goes on
        var admin = login("admin", "s3cret");
        filtered.read();
        admin.exchange("Action: UserEvent\r\nUserEvent: MyEvent\r\n\r\n");
        assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: MyEvent\r\n\r\n", filtered.read());
        assertTrue(filtered.exchange("Action: Ping\r\n\r\n").startsWith("Response: Success\r\nPing: Pong\r\n"));
    }
}
