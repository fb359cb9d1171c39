package dev.ami.server.action.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.OtherNodes;
import dev.ami.server.testing.StubOtherNodes;
import dev.ami.server.testing.TestConnector;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manager CLI through Action: Command, in Asterisk 22's layouts. */
class ManagerCliTest {

    private final TestConnector connector = new TestConnector();

    private String command(String cli) {
        var c = connector.login("admin", "s3cret");
        c.read();
        return c.exchange("Action: Command\r\nCommand: " + cli + "\r\n\r\n");
    }

    @Test
    void showUsers() {
        assertEquals("Response: Success\r\nMessage: Command output follows\r\nOutput: \r\nOutput: username\r\n"
                + "Output: --------\r\nOutput: admin\r\nOutput: callonly\r\nOutput: nosecret\r\n"
                + "Output: -------------------\r\nOutput: 3 manager users configured.\r\n\r\n", command("manager show users"));
    }

    @Test
    void showUser() {
        assertEquals("Response: Success\r\nMessage: Command output follows\r\nOutput: \r\n"
                + "Output:           username: callonly\r\n"
                + "Output:             secret: <Set>\r\n"
                + "Output:                ACL: no\r\n"
                + "Output:          read perm: call\r\n"
                + "Output:         write perm: call\r\n"
                + "Output:    displayconnects: yes\r\n"
                + "Output: allowmultiplelogin: yes\r\n"
                + "Output:          Variables: \r\n\r\n", command("manager show user CALLONLY"));
        assertEquals("Response: Success\r\nMessage: Command output follows\r\nOutput: There is no manager called Bob\r\n\r\n",
                command("manager show user Bob"));
        // the wrong number of arguments is CLI_SHOWUSAGE: the usage text, and Response: Error
        String usage = "Message: Command output follows\r\nOutput:  Usage: manager show user <user>\r\n"
                + "Output:         Display all information related to the manager user specified.\r\n\r\n";
        assertEquals("Response: Error\r\n" + usage, command("manager show user"));
        assertEquals("Response: Error\r\n" + usage, command("manager show user a b"));
        assertTrue(command("manager show user admin").contains("read perm: system,call,log,verbose,command,agent,user,"
                + "config,dtmf,reporting,cdr,dialplan,originate,agi,cc,aoc,test,security,message,all\r\n"));
    }

    @Test
    void showConnectedListsTheOtherNodesSessionsAfterThoseHereWithTheirNode() {
        connector.context.otherNodes(new StubOtherNodes(new OtherNodes.RemoteSession("node-b", "s9", "callonly",
                "192.0.2.7:41000", "TLS", Instant.parse("2026-11-28T03:30:00Z"))));

        String out = command("manager show connected");

        assertTrue(out.contains("Output:   admin            127.0.0.1"), out);
        // start, elapsed (the test clock is 03:33:42), no descriptor here, call = 2 both ways, figures on node-b
        assertTrue(out.contains("Output:   callonly         192.0.2.7:41000 on node-b" + " ".repeat(30)
                + "  1795836600  222         -1        0         0000000002  0000000002  -           -           -         -"
                + "       \r\n"), out);
        assertTrue(out.indexOf("admin ") < out.indexOf("callonly "), out);
        assertTrue(out.endsWith("Output: 2 users connected.\r\n\r\n"), out);
    }

    @Test
    void showConnectedListsEverySession() {
        connector.connect();
        String out = command("manager show connected");
        assertTrue(out.contains("Output:   Username         IP Address"), out);
        assertTrue(out.contains("  ReadPerms   WritePerms  Queued      Delivered   Dropped   MaxLagMs\r\n"), out);
        assertTrue(out.contains("Output:   admin            127.0.0.1"), out);
        assertTrue(out.contains("  2147483647  2147483647  "), out);
        assertTrue(out.contains("  0000000000  0000000000  0           0           0         0       \r\n"), out);
        assertTrue(out.endsWith("Output: 2 users connected.\r\n\r\n"), out);
    }

    @Test
    void showCommandsAlignsOnTheLongestName() {
        String out = command("manager show commands");
        // the longest name is CoreShowChannels (16 characters)
        assertTrue(out.contains("Output:   Action            Synopsis\r\nOutput:   ------            --------\r\n"), out);
        // each synopsis keeps the trailing space of Asterisk's XML docs
        assertTrue(out.contains("Output:   CoreSettings      Show PBX core settings (version etc). \r\n"), out);
        assertTrue(out.contains("Output:   CoreShowChannels  List currently active channels. \r\n"), out);
    }

    @Test
    void managerReloadAppliesTheStore() {
        connector.stored = new ManagerConfiguration(TestConnector.GENERAL,
                List.of(Account.of("admin", "s3cret", Authority.ALL, Authority.ALL)));
        assertEquals("Response: Success\r\nMessage: Command output follows\r\nOutput: \r\n\r\n", command("manager reload"));
        assertTrue(connector.context.configuration().account("callonly").isEmpty());
    }

    @Test
    void showSettingsAsAsteriskPrintsThem() {
        assertEquals("Response: Success\r\nMessage: Command output follows\r\nOutput: \r\nOutput: Global Settings:\r\n"
                + "Output: ----------------\r\n"
                + "Output:   Manager (AMI):             Yes            \r\n"
                + "Output:   Web Manager (AMI/HTTP):    No             \r\n"
                + "Output:   TCP Bindaddress:           127.0.0.1:5038 \r\n"
                + "Output:   HTTP Timeout (seconds):    60             \r\n"
                + "Output:   TLS Enable:                No             \r\n"
                + "Output:   TLS Bindaddress:           Disabled       \r\n"
                + "Output:   TLS Certfile:              asterisk.pem   \r\n"
                + "Output:   TLS Privatekey:                           \r\n"
                + "Output:   TLS Cipher:                               \r\n"
                + "Output:   Allow multiple login:      Yes            \r\n"
                + "Output:   Display connects:          Yes            \r\n"
                + "Output:   Timestamp events:          No             \r\n"
                + "Output:   Channel vars:              \r\n"
                + "Output:   Disabled events:           \r\n"
                + "Output:   Debug:                     No             \r\n\r\n", command("manager show settings"));
    }

    @Test
    void showUserPrintsItsAclAsOneUnnamedList() {
        var fenced = new dev.ami.api.connector.Account("fenced", "pw", Authority.ALL, Authority.ALL,
                new dev.ami.api.acl.AccessList(List.of(
                        dev.ami.api.acl.AclRule.parse(false, "0.0.0.0/0.0.0.0").get(0),
                        dev.ami.api.acl.AclRule.parse(true, "127.0.0.1/255.255.255.0").get(0),
                        dev.ami.api.acl.AclRule.parse(true, "2001:db8::1/64").get(0))),
                true, true, 100, List.of(), List.of("ACCOUNTCODE=sales", "TEAM=a=b"));
        TestConnector withAcl = new TestConnector(TestConnector.GENERAL, List.of(
                Account.of("admin", "s3cret", Authority.ALL, Authority.ALL), fenced));
        var c = withAcl.login("admin", "s3cret");
        c.read();
        String out = c.exchange("Action: Command\r\nCommand: manager show user fenced\r\n\r\n");
        assertTrue(out.endsWith("Output:                ACL: yes\r\n"
                + "Output:          read perm: system,call,log,verbose,command,agent,user,config,dtmf,reporting,cdr,"
                + "dialplan,originate,agi,cc,aoc,test,security,message,all\r\n"
                + "Output:         write perm: system,call,log,verbose,command,agent,user,config,dtmf,reporting,cdr,"
                + "dialplan,originate,agi,cc,aoc,test,security,message,all\r\n"
                + "Output:    displayconnects: yes\r\nOutput: allowmultiplelogin: yes\r\nOutput:          Variables: \r\n"
                + "Output:                  TEAM = a=b\r\nOutput:                  ACCOUNTCODE = sales\r\n"
                + "Output: ACL: (unnamed)\r\nOutput: ---------------------------------------------\r\n"
                + "Output:   0:  deny - 0.0.0.0/0.0.0.0\r\n"
                + "Output:   1: allow - 127.0.0.0/255.255.255.0\r\n"
                + "Output:   2: allow - 2001:db8::/ffff:ffff:ffff:ffff::\r\n\r\n"), out);
    }

    @Test
    void anUnknownCommandIsEchoedAsTyped() {
        assertEquals("Response: Error\r\nMessage: Command output follows\r\n"
                + "Output: No such command 'No Such cli command'"
                + " (type 'core show help No Such' for other possible commands)\r\n\r\n",
                command("No Such cli command"));
    }
}
