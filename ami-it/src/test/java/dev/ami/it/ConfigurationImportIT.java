package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.ejb.EJB;
import java.nio.file.Files;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store's import and export, run inside the server against the real database: a dry run
 * changes nothing; a bad line changes nothing; an import replaces everything at once after a backup.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigurationImportIT {

    private static final Actor TEST_ACTOR = new Actor("tester", "127.0.0.1", Actor.REST);

    @EJB(lookup = "java:global/ami/ami-persistence/ConfigurationStore")
    private ConfigurationStore store;

    @Deployment
    static EnterpriseArchive ear() {
        EnterpriseArchive ear = AmiEar.fromBuild();
        WebArchive war = ear.getAsType(WebArchive.class, "ami-admin-war.war");
        war.addClasses(ConfigurationImportIT.class, AmiTestClient.class, Wire.class, Masks.class);
        ear.delete("ami-admin-war.war");
        // the EAR has two WARs: the test runs in the administration one
        return ear.addAsModule(Testable.archiveToTest(war));
    }

    @Test
    void dryRunBadLineAndImportWithBackup() throws Exception {
        String before = store.exportManagerConf();
        String incoming = before.replaceAll("(?m)^authlimit = \\d+$", "authlimit = 77")
                + "\n[imported-user]\nsecret = fresh\nread = all\nwrite = all\n";

        ImportReport dry = store.importManagerConf(TEST_ACTOR, incoming, true);
        assertFalse(dry.applied());
        assertEquals(List.of("imported-user"), dry.diff().accountsAdded());
        assertEquals(List.of("authLimit: 50 -> 77"), dry.diff().settingsChanged());
        assertEquals(strip(before), strip(store.exportManagerConf()), "a dry run changed the store");

        ConfigParseException bad = assertThrows(ConfigParseException.class,
                () -> store.importManagerConf(TEST_ACTOR, incoming + "permit = not-an-address\n", false));
        assertTrue(bad.getMessage().startsWith("manager.conf:"), bad.getMessage());
        assertEquals(strip(before), strip(store.exportManagerConf()), "a refused import changed the store");

        ImportReport done = store.importManagerConf(TEST_ACTOR, incoming, false);
        assertTrue(done.applied());
        assertNotNull(done.backup());
        assertEquals(strip(before), strip(Files.readString(done.backup())));
        assertTrue(store.currentConfiguration().account("IMPORTED-USER").isPresent());
        assertTrue(store.exportManagerConf().contains("[imported-user]\nsecret = fresh\n"));
        // the connector applies a committed import at once: the new account logs in over TCP
        assertTrue(Wire.eventually(() -> AmiTestClient.logsIn(AmiEar.PORT, "imported-user", "fresh")),
                "the imported account cannot log in");

        // put the shared test server back as it was; the removed account can no longer log in
        store.importManagerConf(TEST_ACTOR, before, false);
        assertTrue(store.currentConfiguration().account("imported-user").isEmpty());
        assertTrue(Wire.eventually(() -> !AmiTestClient.logsIn(AmiEar.PORT, "imported-user", "fresh")),
                "the removed account still logs in");
    }

    @Test
    void s23_timestampEventsAppliedByReload() throws Exception {
        String before = store.exportManagerConf();
        store.importManagerConf(TEST_ACTOR, before.replaceAll("(?m)^timestampevents = no$", "timestampevents = yes"), false);
        try (AmiTestClient a = AmiTestClient.connect(AmiEar.PORT)) {
            Wire.exchange(a, "Action: Login\nUsername: admin\nSecret: s3cret\nEvents: user\n\n",
                    "Response: Success\nMessage: Authentication accepted\n\n");
            Wire.exchange(a, "Action: Reload\nModule: manager\nActionID: r\n\n",
                    "Response: Success\nActionID: r\nMessage: Module Reloaded\n\n");
            Wire.exchange(a, "Action: UserEvent\nUserEvent: TsTest\nActionID: ts1\n\n", """
                    Response: Success
                    ActionID: ts1
                    Message: Event Sent

                    Event: UserEvent
                    Privilege: user,all
                    Timestamp: 1795836905.443108
                    UserEvent: TsTest
                    ActionID: ts1

                    """);
            Wire.exchange(a, "Action: Ping\nActionID: ts-ping\n\n",
                    "Response: Success\nActionID: ts-ping\nPing: Pong\nTimestamp: 1795836906.545688\n\n");
        } finally {
            store.importManagerConf(TEST_ACTOR, before, false);
        }
    }

    /** The export without its first (comment) line, which carries the time. */
    private static String strip(String export) {
        return export.substring(export.indexOf('\n') + 1);
    }
}
