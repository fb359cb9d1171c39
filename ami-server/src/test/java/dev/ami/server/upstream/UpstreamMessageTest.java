package dev.ami.server.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerAction;
import dev.ami.server.codec.AmiMessageEncoder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpstreamMessageTest {

    @Test
    void responsesBroadcastEventsAndListItemsAreToldApart() {
        UpstreamMessage response = UpstreamMessage.of("Response: Success", "ActionID: 1", "Ping: Pong");
        UpstreamMessage broadcast = UpstreamMessage.of("Event: Newchannel", "Privilege: call,all", "Channel: x");
        UpstreamMessage item = UpstreamMessage.of("Event: CoreShowChannel", "ActionID: 1", "Channel: x");
        assertTrue(response.isResponse());
        assertFalse(response.isBroadcastEvent());
        assertEquals(Optional.of("Newchannel"), broadcast.eventName());
        assertTrue(broadcast.isBroadcastEvent());
        assertFalse(item.isBroadcastEvent());
        assertFalse(item.isResponse());
        assertFalse(UpstreamMessage.of("Channel: x", "Response: Success").isResponse(), "Response must come first");
    }

    @Test
    void privilegeGivesTheEventsClassesWithoutAll() {
        assertEquals(Authority.parse("call"), UpstreamMessage.of("Event: A", "Privilege: call,all").privilege());
        assertEquals(Authority.parse("system,reporting"),
                UpstreamMessage.of("Event: A", "privilege:system,reporting,all").privilege());
        assertEquals(Authority.ALL, UpstreamMessage.of("Event: A", "Privilege: <none>").privilege(),
                "no class understood: only a session that reads everything");
        assertEquals(Authority.ALL, UpstreamMessage.of("Event: A", "Privilege: all").privilege());
    }

    @Test
    void aMessageIsWrittenBackByteForByte() {
        UpstreamMessage odd = UpstreamMessage.of("Event: X", "Privilege:call,all", "Odd-Spacing:   two  ", "Caf\u00e9: \u00ff");
        assertEquals("Event: X\r\nPrivilege:call,all\r\nOdd-Spacing:   two  \r\nCaf\u00e9: \u00ff\r\n\r\n",
                AmiMessageEncoder.text(odd.asMessage()));
    }

    @Test
    void theContentGuardAppliesAsterisksRulesWithTheClientsClasses() {
        Authority originate = Authority.parse("originate");
        assertEquals(Optional.of("Originate Access Forbidden: app or data blacklisted"), ContentGuard.refusal(
                ManagerAction.of("Action", "Originate", "Application", "TryExec", "Data", "x"), originate));
        assertEquals(Optional.of("Originate Access Forbidden: app or data blacklisted"), ContentGuard.refusal(
                ManagerAction.of("Action", "Originate", "Application", "Queue", "Data", "q,,,,,agi://evil"), originate));
        assertEquals(Optional.empty(), ContentGuard.refusal(
                ManagerAction.of("Action", "Originate", "Application", "Queue", "Data", "q,,,,,agi://x"),
                Authority.parse("originate,agi")));
        assertEquals(Optional.of("Originate Access Forbidden: app or data blacklisted"), ContentGuard.refusal(
                ManagerAction.of("Action", "Originate", "Application", "NoOp", "Data", "${DB(a/b)}"), originate));
        assertEquals(Optional.empty(), ContentGuard.refusal(
                ManagerAction.of("Action", "Originate", "Application", "System", "Data", "x"), Authority.parse("system")));
        assertEquals(Optional.of("Status Access Forbidden: Variables"), ContentGuard.refusal(
                ManagerAction.of("Action", "Status", "Variables", "EVAL(x)"), Authority.parse("call")));
        assertEquals(Optional.empty(), ContentGuard.refusal(
                ManagerAction.of("Action", "Getvar", "Variable", "CALLERID(num)"), Authority.parse("call")));
    }
}
