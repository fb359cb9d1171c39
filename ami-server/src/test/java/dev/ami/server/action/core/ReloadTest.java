package dev.ami.server.action.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.server.testing.TestConnector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Reload action: new accounts log in without a restart, removed ones cannot; the Reload event. */
class ReloadTest {

    private final TestConnector connector = new TestConnector();

    @Test
    void reloadAppliesTheStoredConfigurationAndRaisesTheEvent() {
        var admin = connector.login("admin", "s3cret");
        admin.read();
        connector.stored = new ManagerConfiguration(TestConnector.GENERAL,
                List.of(Account.of("admin", "s3cret", Authority.ALL, Authority.ALL),
                        Account.of("newcomer", "n", Authority.ALL, Authority.ALL)));
        assertEquals("Response: Success\r\nActionID: rl\r\nMessage: Module Reloaded\r\n\r\nEvent: Reload\r\n"
                        + "Privilege: system,all\r\nModule: manager\r\nStatus: 0\r\n\r\n",
                admin.exchange("Action: Reload\r\nModule: manager\r\nActionID: rl\r\n\r\n"));
        assertTrue(connector.login("newcomer", "n").read().startsWith("Response: Success\r\n"));
        var removed = connector.login("callonly", "pw");
        removed.channel().freezeTime();
        removed.channel().advanceTimeBy(1, TimeUnit.SECONDS);
        removed.channel().runScheduledPendingTasks();
        assertEquals("Response: Error\r\nMessage: Authentication failed\r\n\r\n", removed.read());
    }

    @Test
    void reloadWithoutAModuleReloadsAllAndAnUnknownModuleIsRefused() {
        var admin = connector.login("admin", "s3cret");
        admin.read();
        assertTrue(admin.exchange("Action: Reload\r\n\r\n").endsWith("Event: Reload\r\nPrivilege: system,all\r\n"
                + "Module: All\r\nStatus: 0\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: No such module\r\n\r\n",
                admin.exchange("Action: Reload\r\nModule: pbx_config\r\n\r\n"));
    }
}
