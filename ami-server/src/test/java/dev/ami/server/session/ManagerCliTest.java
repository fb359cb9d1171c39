package dev.ami.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.ManagerConfiguration;
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
        assertTrue(command("manager show user admin").contains("read perm: system,call,log,verbose,command,agent,user,"
                + "config,dtmf,reporting,cdr,dialplan,originate,agi,cc,aoc,test,security,message,all\r\n"));
    }

    @Test
    void showConnectedListsEverySession() {
        connector.connect();
        String out = command("manager show connected");
        assertTrue(out.contains("Output:   Username         IP Address"), out);
        assertTrue(out.contains("Output:   admin            127.0.0.1"), out);
        assertTrue(out.contains("  2147483647  2147483647\r\n"), out);
        assertTrue(out.contains("  0000000000  0000000000\r\n"), out);
        assertTrue(out.endsWith("Output: 2 users connected.\r\n\r\n"), out);
    }

    @Test
    void showCommandsAlignsOnTheLongestName() {
        String out = command("manager show commands");
        // the longest name is CoreShowChannels (16 characters)
        assertTrue(out.contains("Output:   Action            Synopsis\r\nOutput:   ------            --------\r\n"), out);
        assertTrue(out.contains("Output:   CoreSettings      Show PBX core settings (version etc).\r\n"), out);
        assertTrue(out.contains("Output:   CoreShowChannels  List currently active channels.\r\n"), out);
    }

    @Test
    void managerReloadAppliesTheStore() {
        connector.stored = new ManagerConfiguration(TestConnector.GENERAL,
                List.of(Account.of("admin", "s3cret", Authority.ALL, Authority.ALL)));
        assertEquals("Response: Success\r\nMessage: Command output follows\r\nOutput: \r\n\r\n", command("manager reload"));
        assertTrue(connector.context.configuration().account("callonly").isEmpty());
    }
}
