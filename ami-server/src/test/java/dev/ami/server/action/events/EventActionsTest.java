package dev.ami.server.action.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.server.testing.TestConnector;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Events, UserEvent, WaitEvent, ListCommands, CoreStatus and Command, byte for byte as recorded from Asterisk 22.10.1. */
class EventActionsTest {

    private final TestConnector connector = new TestConnector();

    private TestConnector.Connection login(String user, String secret) {
        var c = connector.login(user, secret);
        c.read();
        return c;
    }

    @Test
    void userEventCopiesEveryOtherLineVerbatimToEveryAllowedSessionSenderIncluded() {
        var sender = login("admin", "s3cret");
        var listener = login("admin", "s3cret");
        var limited = login("callonly", "pw");
        sender.read();
        listener.read();
        String event = "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: MyEvent\r\nActionID: ue-1\r\n"
                + "Header1: value one\r\nX-Empty: \r\nChannel:Local/foo\r\n\r\n";
        assertEquals("Response: Success\r\nActionID: ue-1\r\nMessage: Event Sent\r\n\r\n" + event,
                sender.exchange("Action: UserEvent\r\nUserEvent: MyEvent\r\nActionID: ue-1\r\nHeader1: value one\r\n"
                        + "X-Empty: \r\nChannel:Local/foo\r\n\r\n"));
        assertEquals(event, listener.read());
        assertEquals("", limited.read());
    }

    @Test
    void timestampeventsAddsATimestampAfterPrivilegeToEventsButNotToResponses() {
        var stamped = new TestConnector(TestConnector.GENERAL.toBuilder().timestampEvents(true).build(),
                TestConnector.ACCOUNTS);
        var c = stamped.login("admin", "s3cret");
        String login = c.read();
        // the FullyBooted written at login has none (as Asterisk 22.10.1 writes it); the published SuccessfulAuth has one
        assertTrue(login.contains("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: "), login);
        assertTrue(login.contains("Event: SuccessfulAuth\r\nPrivilege: security,all\r\nTimestamp: 1795836822.208000\r\n"),
                login);
        assertEquals("Response: Success\r\nMessage: Event Sent\r\n\r\nEvent: UserEvent\r\nPrivilege: user,all\r\n"
                + "Timestamp: 1795836822.208000\r\nUserEvent: T\r\n\r\n",
                c.exchange("Action: UserEvent\r\nUserEvent: T\r\n\r\n"));
    }

    @Test
    void debugAddsSequenceFileLineAndFuncAfterTimestamp() {
        var debug = new TestConnector(TestConnector.GENERAL.toBuilder().timestampEvents(true).debug(true).build(),
                TestConnector.ACCOUNTS);
        var c = debug.login("admin", "s3cret");
        c.read();
        String out = c.exchange("Action: UserEvent\r\nUserEvent: D\r\n\r\n");
        assertTrue(out.matches("(?s).*Event: UserEvent\r\nPrivilege: user,all\r\nTimestamp: \\d+\\.\\d{6}\r\n"
                + "SequenceNumber: \\d+\r\nFile: UserEventAction.java\r\nLine: \\d+\r\nFunc: handle\r\n"
                + "UserEvent: D\r\n\r\n"), out);
    }

    @Test
    void userEventWithoutItsHeaderCarriesAnEmptyName() {
        var sender = login("admin", "s3cret");
        assertEquals("Response: Success\r\nMessage: Event Sent\r\n\r\nEvent: UserEvent\r\nPrivilege: user,all\r\n"
                + "UserEvent: \r\nHeader1: y\r\n\r\n", sender.exchange("Action: UserEvent\r\nHeader1: y\r\n\r\n"));
    }

    @Test
    void eventsActionMasksWithinTheReadRights() {
        var a = login("admin", "s3cret");
        var b = login("admin", "s3cret");
        a.read();
        assertEquals("Response: Success\r\nActionID: e1\r\nEvents: Off\r\n\r\n",
                a.exchange("Action: Events\r\nEventMask: off\r\nActionID: e1\r\n\r\n"));
        b.exchange("Action: UserEvent\r\nUserEvent: EvTest1\r\n\r\n");
        assertEquals("", a.read());
        assertEquals("Response: Success\r\nActionID: e3\r\nEvents: On\r\n\r\n",
                a.exchange("Action: Events\r\nEventMask: system,call\r\nActionID: e3\r\n\r\n"));
        b.exchange("Action: UserEvent\r\nUserEvent: EvTest3\r\n\r\n");
        assertEquals("", a.read());
        a.exchange("Action: Events\r\nEventMask: user\r\n\r\n");
        b.exchange("Action: UserEvent\r\nUserEvent: EvTest4\r\n\r\n");
        assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: EvTest4\r\n\r\n", a.read());
        assertEquals("Response: Success\r\nActionID: e5\r\nEvents: Off\r\n\r\n",
                a.exchange("Action: Events\r\nEventMask: bogus\r\nActionID: e5\r\n\r\n"));
        assertEquals("Response: Error\r\nActionID: e6\r\nMessage: Invalid event mask\r\n\r\n",
                a.exchange("Action: Events\r\nActionID: e6\r\n\r\n"));
    }

    @Test
    void anAccountWithoutUserReadGetsEventsOnButNoUserEvents() {
        var limited = login("callonly", "pw");
        assertEquals("Response: Success\r\nEvents: On\r\n\r\n", limited.exchange("Action: Events\r\nEventMask: user\r\n\r\n"));
        login("admin", "s3cret").exchange("Action: UserEvent\r\nUserEvent: X\r\n\r\n");
        assertEquals("", limited.read());
    }

    @Test
    void waitEventReturnsAtOnceForZeroAndOtherwiseWithEveryPendingEvent() {
        var a = login("admin", "s3cret");
        a.read();
        assertEquals("Response: Success\r\nActionID: 15\r\nMessage: Waiting for Event completed.\r\n\r\n"
                        + "Event: WaitEventComplete\r\nActionID: 15\r\n\r\n",
                a.exchange("Action: WaitEvent\r\nTimeout: 0\r\nActionID: 15\r\n\r\n"));
        assertEquals("", a.exchange("Action: WaitEvent\r\nTimeout: 30\r\nActionID: w\r\n\r\n"));
        login("admin", "s3cret").exchange("Action: UserEvent\r\nUserEvent: Wake\r\n\r\n");
        String out = a.read();
        assertTrue(out.startsWith("Response: Success\r\nActionID: w\r\nMessage: Waiting for Event completed.\r\n\r\n"
                + "Event: SuccessfulAuth\r\n"), out);
        // every event pending when the wait ends is written before WaitEventComplete, as Asterisk does
        assertTrue(out.endsWith("\r\n\r\nEvent: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Wake\r\n\r\n"
                + "Event: WaitEventComplete\r\nActionID: w\r\n\r\n"), out);
        assertEquals(1, out.split("Event: WaitEventComplete", -1).length - 1, out);
    }

    @Test
    void waitEventTimesOut() {
        var a = login("admin", "s3cret");
        a.read();
        a.channel().freezeTime();
        assertEquals("", a.exchange("Action: WaitEvent\r\nTimeout: 0x2\r\n\r\n"));
        a.channel().advanceTimeBy(2, TimeUnit.SECONDS);
        a.channel().runScheduledPendingTasks();
        assertEquals("Response: Success\r\nMessage: Waiting for Event completed.\r\n\r\nEvent: WaitEventComplete\r\n\r\n",
                a.read());
    }

    @Test
    void listCommandsShowsWhatTheAccountMayRun() {
        String all = login("admin", "s3cret").exchange("Action: ListCommands\r\nActionID: lc\r\n\r\n");
        assertTrue(all.contains("Challenge: Generate Challenge for MD5 Auth.  (Priv: <none>)\r\n"
                + "Command: Execute Asterisk CLI Command.  (Priv: command,all)\r\n"
                + "CoreSettings: Show PBX core settings (version etc).  (Priv: system,reporting,all)\r\n"), all);
        assertTrue(all.startsWith("Response: Success\r\nActionID: lc\r\n"), all);
        assertTrue(all.endsWith("WaitEvent: Wait for an event to occur.  (Priv: <none>)\r\n\r\n"), all);
        String limited = login("callonly", "pw").exchange("Action: ListCommands\r\n\r\n");
        assertTrue(!limited.contains("Command:") && !limited.contains("UserEvent:") && limited.contains("Ping:"), limited);
    }

    @Test
    void coreStatusReportsStartAndReload() {
        assertEquals("Response: Success\r\nActionID: cst\r\nCoreStartupDate: 2026-11-28\r\nCoreStartupTime: 03:33:42\r\n"
                        + "CoreReloadDate: 2026-11-28\r\nCoreReloadTime: 03:33:42\r\nCoreCurrentCalls: 0\r\n"
                        + "CoreProcessedCalls: 0\r\n\r\n",
                login("admin", "s3cret").exchange("Action: CoreStatus\r\nActionID: cst\r\n\r\n").replaceFirst(
                        "(?s)^Event:.*?\r\n\r\n", ""));
    }

    @Test
    void commandOutputBlacklistAndErrors() {
        var a = login("admin", "s3cret");
        a.read();
        assertTrue(a.exchange("Action: Command\r\nCommand: core show version\r\nActionID: cmd1\r\n\r\n")
                .startsWith("Response: Success\r\nActionID: cmd1\r\nMessage: Command output follows\r\n"
                        + "Output: Asterisk 22.10.1 "));
        assertEquals("Response: Error\r\nActionID: cmd2\r\nMessage: Command output follows\r\nOutput: No such command "
                        + "'no such cli command' (type 'core show help no such' for other possible commands)\r\n\r\n",
                a.exchange("Action: Command\r\nCommand: no such cli command\r\nActionID: cmd2\r\n\r\n"));
        assertEquals("Response: Error\r\nActionID: cmd3\r\nMessage: No command provided\r\n\r\n",
                a.exchange("Action: Command\r\nActionID: cmd3\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: Command blacklisted\r\n\r\n",
                a.exchange("Action: Command\r\nCommand: Module  LOAD foo.so\r\n\r\n"));
        assertEquals("Response: Success\r\nMessage: Command output follows\r\nOutput: System uptime: 0 seconds\r\n"
                + "Output: Last reload: 0 seconds\r\n\r\n", a.exchange("Action: Command\r\nCommand: core show uptime\r\n\r\n"));
    }
}
