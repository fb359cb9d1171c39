package dev.ami.server.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.acl.AccessList;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.Upstream;
import dev.ami.server.testing.TestConnector;
import dev.ami.server.testing.TestConnector.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests through ami to an upstream and back, on embedded connections (issue 17, point 3). */
class UpstreamForwardingTest {

    private static Account account(String name, String write, String upstream) {
        // reads everything but security, whose events about these very logins would stand between the answers
        return new Account(name, "pw", Authority.parse("system,call,reporting,user,command,originate"),
                Authority.parse(write), AccessList.ALLOW_ALL, true, false, 100,
                List.of(), List.of(), upstream);
    }

    private final FakeUpstream pbx = new FakeUpstream("pbx1")
            .lists("CoreSettings", "system,reporting").lists("CoreShowChannels", "system,reporting")
            .lists("Command", "command").lists("Originate", "originate").lists("Getvar", "call,reporting")
            .lists("BridgeList", "");
    private TestConnector connector;
    private UpstreamRelay relay;

    @BeforeEach
    void wire() {
        Account tenant = account("tenant", "all", null);
        tenant = new Account(tenant.username(), tenant.secret(), tenant.read(), tenant.write(), tenant.acl(), true, false,
                100, List.of(), List.of(), null, List.of("pbx2"));
        connector = new TestConnector(TestConnector.GENERAL, List.of(account("admin", "all", "pbx1"),
                account("caller", "call,originate", "pbx1"), account("local", "all", null), tenant));
        relay = new UpstreamRelay(() -> connector.context);
        connector.actions.forwardTo(new UpstreamForwarding(pbx, relay.requests()));
    }

    private Connection login(String user) {
        Connection c = connector.login(user, "pw");
        assertTrue(c.read().startsWith("Response: Success\r\nMessage: Authentication accepted\r\n"));
        return c;
    }

    private void upstreamSends(String... lines) {
        relay.received(pbx, UpstreamMessage.of(lines));
    }

    @Test
    void aRequestGoesToTheAccountsUpstreamUnderAmisActionIdAndItsAnswerComesBackUnderTheClients() {
        Connection c = login("admin");
        assertEquals("", c.exchange("Action: CoreSettings\r\nActionID: cs\r\n\r\n"), "nothing before the upstream answers");
        assertEquals(List.of(List.of("Action: CoreSettings", "ActionID: ami-1")), pbx.sent);

        upstreamSends("Response: Success", "ActionID: ami-1", "AMIversion: 11.0.0", "AsteriskVersion: 22.10.1",
                "SystemName: ");
        assertEquals("Response: Success\r\nActionID: cs\r\nAMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\n"
                + "SystemName: \r\n\r\n", c.read());
    }

    @Test
    void aRequestWithoutActionIdGetsAnAnswerWithoutOne() {
        Connection c = login("admin");
        c.send("Action: Command\r\nCommand: core show version\r\n\r\n");
        upstreamSends("Response: Success", "ActionID: ami-1", "Message: Command output follows",
                "Output: Asterisk 22.10.1 built by root @ vm");
        assertEquals("Response: Success\r\nMessage: Command output follows\r\nOutput: Asterisk 22.10.1 built by root @ vm"
                + "\r\n\r\n", c.read());
    }

    @Test
    void aListAnswerArrivesWholeBeforeTheAnswerToTheNextRequest() {
        Connection c = login("admin");
        assertEquals("", c.exchange("Action: CoreShowChannels\r\nActionID: 14\r\n\r\nAction: Ping\r\nActionID: p\r\n\r\n"));
        upstreamSends("Response: Success", "ActionID: ami-1", "EventList: start", "Message: Channels will follow");
        upstreamSends("Event: CoreShowChannel", "ActionID: ami-1", "Channel: PJSIP/alice-00000001");
        assertEquals("", c.read(), "the list is not complete yet");
        upstreamSends("Event: CoreShowChannelsComplete", "ActionID: ami-1", "EventList: Complete", "ListItems: 1");
        String out = c.read();
        assertTrue(out.startsWith("Response: Success\r\nActionID: 14\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n"
                + "Event: CoreShowChannel\r\nActionID: 14\r\nChannel: PJSIP/alice-00000001\r\n\r\n"
                + "Event: CoreShowChannelsComplete\r\nActionID: 14\r\nEventList: Complete\r\nListItems: 1\r\n\r\n"
                + "Response: Success\r\nActionID: p\r\nPing: Pong\r\n"), out);
        assertEquals(1, pbx.sent.size(), "Ping stayed here");
    }

    @Test
    void anUpstreamHeaderPicksTheUpstreamAndIsNotForwardedAndAnEmptyOneKeepsTheRequestHere() {
        Connection c = login("local");
        c.send("Action: CoreSettings\r\nUpstream: PBX1\r\nActionID: a\r\n\r\n");
        assertEquals(List.of(List.of("Action: CoreSettings", "ActionID: ami-1")), pbx.sent);
        upstreamSends("Response: Success", "ActionID: ami-1", "AsteriskVersion: 22.10.1");
        assertEquals("Response: Success\r\nActionID: a\r\nAsteriskVersion: 22.10.1\r\n\r\n", c.read());

        Connection admin = login("admin");
        String here = admin.exchange("Action: CoreSettings\r\nUpstream: \r\nActionID: b\r\n\r\n");
        assertTrue(here.startsWith("Response: Success\r\nActionID: b\r\nAMIversion: 11.0.0\r\n"), here);
        assertEquals(1, pbx.sent.size(), "answered by this server");
    }

    @Test
    void whatAmiDoesForTheSessionStaysHere() {
        Connection c = login("admin");
        assertTrue(c.exchange("Action: Ping\r\nActionID: p\r\n\r\n")
                .startsWith("Response: Success\r\nActionID: p\r\nPing: Pong"));
        assertTrue(c.exchange("Action: Events\r\nEventMask: off\r\n\r\n").contains("Events: Off"));
        assertTrue(c.exchange("Action: ListCommands\r\n\r\n").contains("Ping: "));
        assertEquals(List.of(), pbx.sent);
    }

    @Test
    void theClientsOwnWriteClassesAreCheckedAgainstWhatTheUpstreamListed() {
        Connection c = login("caller");
        assertEquals("Response: Error\r\nActionID: x\r\nMessage: Permission denied\r\n\r\n",
                c.exchange("Action: Command\r\nCommand: core stop now\r\nActionID: x\r\n\r\n"));
        c.send("Action: BridgeList\r\n\r\n");
        assertEquals(1, pbx.sent.size(), "an action the upstream lists with no class goes to any account");
    }

    @Test
    void contentThatNeedsSystemIsRefusedWithAsterisksErrorsBeforeItLeaves() {
        Connection c = login("caller");
        assertEquals("Response: Error\r\nMessage: Originate Access Forbidden: app or data blacklisted\r\n\r\n",
                c.exchange("Action: Originate\r\nChannel: Local/1@x\r\nApplication: System\r\nData: rm -rf /\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: GetVar Access Forbidden: Variable\r\n\r\n",
                c.exchange("Action: Getvar\r\nVariable: SHELL(id)\r\n\r\n"));
        assertEquals(List.of(), pbx.sent);
        c.send("Action: Originate\r\nChannel: Local/1@x\r\nApplication: Playback\r\nData: hello-world\r\n\r\n");
        assertEquals(1, pbx.sent.size());
    }

    @Test
    void anUnreachableOrUnknownUpstreamIsNamedInTheError() {
        Connection c = login("admin");
        pbx.connected = false;
        assertEquals("Response: Error\r\nActionID: 1\r\nMessage: Upstream pbx1 is not connected\r\n\r\n",
                c.exchange("Action: CoreSettings\r\nActionID: 1\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: Upstream pbx9 is not configured\r\n\r\n",
                c.exchange("Action: CoreSettings\r\nUpstream: pbx9\r\n\r\n"));
    }

    @Test
    void anActionTheUpstreamDidNotListIsNeverForwardedUnchecked() {
        Connection c = login("admin");
        assertEquals("Response: Error\r\nMessage: Invalid/unknown command: DBDelTree. Use Action: ListCommands to show"
                + " available commands.\r\n\r\n", c.exchange("Action: DBDelTree\r\nFamily: x\r\n\r\n"));
        assertEquals(List.of(), pbx.sent);
    }

    @Test
    void aRequestWaitingWhenTheUpstreamGoesAwayIsAnsweredAndTheSessionGoesOn() {
        Connection c = login("admin");
        c.send("Action: CoreSettings\r\nActionID: w\r\n\r\nAction: Ping\r\nActionID: p\r\n\r\n");
        assertEquals(1, relay.pending("pbx1"));
        relay.disconnected(pbx, "connection reset");
        String out = c.read();
        assertTrue(out.startsWith("Response: Error\r\nActionID: w\r\nMessage: Upstream pbx1 disconnected before answering"
                + "\r\n\r\nResponse: Success\r\nActionID: p\r\nPing: Pong\r\n"), out);
        assertEquals(0, relay.pending("pbx1"));
        upstreamSends("Response: Success", "ActionID: ami-1");
        assertEquals("", c.read(), "a late answer is dropped");
    }

    @Test
    void anUpstreamsEventReachesSessionsAsSentAndOneItCausedCarriesTheSendersActionId() {
        Connection c = login("admin");
        Connection watcher = login("local");
        c.send("Action: Originate\r\nChannel: PJSIP/alice\r\nExten: 100\r\nContext: default\r\nPriority: 1\r\nAsync: true\r\n"
                + "ActionID: mine\r\n\r\n");
        upstreamSends("Response: Success", "ActionID: ami-1", "Message: Originate successfully queued");
        assertEquals("Response: Success\r\nActionID: mine\r\nMessage: Originate successfully queued\r\n\r\n", c.read());

        upstreamSends("Event: OriginateResponse", "Privilege: call,all", "ActionID: ami-1", "Response: Success",
                "Channel: PJSIP/alice-00000001");
        String expected = "Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: mine\r\nResponse: Success\r\n"
                + "Channel: PJSIP/alice-00000001\r\n\r\n";
        assertEquals(expected, c.read());
        assertEquals(expected, watcher.read(), "a broadcast event goes to every session that may see it");
    }

    @Test
    void anUpstreamSetToNameItsEventsAddsItsNameAfterPrivilege() {
        pbx.settings = new Upstream("pbx1", "h", 5038, false, true, "", "ami", "pw", Authority.ALL, true, true);
        Connection c = login("admin");
        upstreamSends("Event: Newchannel", "Privilege:  call,all", "Channel:PJSIP/bob");
        assertEquals("Event: Newchannel\r\nPrivilege:  call,all\r\nUpstream: pbx1\r\nChannel:PJSIP/bob\r\n\r\n", c.read());
    }

    @Test
    void anUpstreamsEventNeedsTheClassesItsPrivilegeNames() {
        Connection c = login("admin");
        c.exchange("Action: Events\r\nEventMask: system\r\n\r\n");
        upstreamSends("Event: Newchannel", "Privilege: call,all", "Channel: PJSIP/bob");
        assertEquals("", c.read(), "call events are not in the session's mask");
        upstreamSends("Event: Reload", "Privilege: system,all", "Module: x");
        assertTrue(c.read().startsWith("Event: Reload\r\n"));
    }

    @Test
    void anAccountLimitedToOtherUpstreamsNeitherSeesThisOnesEventsNorReachesIt() {
        Connection tenant = login("tenant");
        Connection admin = login("admin");
        upstreamSends("Event: Newchannel", "Privilege: call,all", "Channel: PJSIP/bob");
        assertEquals("", tenant.read(), "pbx1 is not among its upstreams");
        assertTrue(admin.read().startsWith("Event: Newchannel\r\n"), "an account without the option sees every upstream");
        assertEquals("Response: Error\r\nActionID: t\r\nMessage: Permission denied\r\n\r\n",
                tenant.exchange("Action: CoreSettings\r\nUpstream: pbx1\r\nActionID: t\r\n\r\n"));
        assertEquals(List.of(), pbx.sent);
        connector.context.publish(dev.ami.api.event.ManagerEvent.of("UserEvent", dev.ami.api.authority.AuthorityClass.USER)
                .header("UserEvent", "Here").build());
        assertTrue(tenant.read().startsWith("Event: UserEvent\r\n"), "this server's own events are not limited");
    }
}
