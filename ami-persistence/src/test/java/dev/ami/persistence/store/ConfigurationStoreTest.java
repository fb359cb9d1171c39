package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.HttpSettings;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.HttpConfReader;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.manager.StoredLengths;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;

/**
 * The store on each database: a manager.conf with templates, an include, every option of the seed's
 * tables and twenty accounts imports, exports and imports back to the same state; a file with one
 * bad line changes nothing; secrets are not readable in the database.
 */
class ConfigurationStoreTest extends StoreTestSupport {

    private String managerConf() throws Exception {
        StringBuilder accounts = new StringBuilder();
        for (int i = 11; i <= 20; i++) {
            accounts.append(String.format("[user%02d](operator)\nsecret = included-%02d\n", i, i));
        }
        Files.writeString(conf.resolve("more-accounts.conf"), accounts);
        StringBuilder text = new StringBuilder("""
                [general]
                enabled = yes
                webenabled = yes
                port = 25038
                bindaddr = 127.0.0.1
                tlsenable = yes
                tlsbindaddr = 127.0.0.1:25039
                tlscertfile = keys/ami.pem
                tlsprivatekey = keys/ami.key
                tlscipher = ECDHE+AESGCM:!aNULL
                tlsservercipherorder = yes
                tlsdisablev1 = yes
                tlsdisablev11 = yes
                tlsdisablev12 = no
                allowmultiplelogin = no
                displayconnects = no
                timestampevents = yes
                brokeneventsaction = yes
                channelvars = ACCOUNT,CUT(CALLERID(num),-,1)
                disabledevents = Newexten,VarSet
                debug = yes
                httptimeout = 90
                authtimeout = 20
                authlimit = 70

                [operator](!)
                read = system,call,user
                write = system,call
                deny = 0.0.0.0/0.0.0.0
                permit = 127.0.0.1/255.255.255.255
                writetimeout = 250
                displayconnects = yes
                allowmultiplelogin = yes
                eventfilter = !Event: Newexten
                eventfilter(action(exclude),header(UserEvent),method(exact)) = Blocked
                setvar = ACCOUNTCODE=ops
                acl = office

                """);
        for (int i = 1; i <= 10; i++) {
            // an escaped ';' is part of the value (unescaped it would start a comment)
            text.append(String.format("[user%02d](operator)\nsecret = s3cret\\;%02d\n", i, i));
        }
        return text.append("#include more-accounts.conf\n").toString();
    }

    @OnEachDatabase
    void importExportImportGivesTheSameStateAndABadLineChangesNothing(TestDatabase database) throws Exception {
        onMigratedStore(database, null, null, (store, db) -> {
            String original = managerConf();
            ImportReport first = tx(store, () -> importManager(store, original));
            assertTrue(first.applied());
            assertEquals(20, first.diff().accountsAdded().size());
            // the file as loaded is kept for GetConfig: templates, inherited lines and includes as Asterisk holds them
            String loaded = tx(store, () -> store.importedText("manager.conf")).orElseThrow();
            assertTrue(loaded.contains("\n[operator](!)\nread = system,call,user\n"), loaded);
            assertTrue(loaded.contains("\n[user07](operator)\nsecret = s3cret\\;07\n"), loaded);
            assertTrue(loaded.contains("\n[user15](operator)\nsecret = included-15\n"), loaded);
            String exported = tx(store, store::exportManagerConf);
            assertTrue(exported.contains("\n[user07]\nsecret = s3cret\\;07\n"), exported);
            assertTrue(exported.contains("\n[user15]\nsecret = included-15\n"), exported);
            assertTrue(exported.contains("\ntlsservercipherorder = yes\ntlsdisablev1 = yes\n"), exported);

            ImportReport again = tx(store, () -> importManager(store, exported));
            assertTrue(again.diff().isEmpty(), again.diff().toString());
            // the backup holds the secrets in clear (the file form), so only the server's user may read it
            assertTrue(Files.readString(again.backup()).contains("\nsecret = s3cret\\;07\n"));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(again.backup())));
                assertEquals("rwx------", PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(again.backup().getParent())));
            }
            assertEquals(body(exported), body(tx(store, store::exportManagerConf)));

            // one bad line: refused with its place, nothing changes
            ConfigParseException bad = assertThrows(ConfigParseException.class, () -> tx(store,
                    () -> importManager(store, exported.replace("httptimeout = 90", "port = 80"))));
            assertTrue(bad.getMessage().startsWith("manager.conf:"), bad.getMessage());
            assertEquals(body(exported), body(tx(store, store::exportManagerConf)));

            // secrets are stored encrypted
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select secret from account")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertTrue(rs.getString(1).startsWith("v1:"), rs.getString(1));
                    assertFalse(rs.getString(1).contains("s3cret") || rs.getString(1).contains("included"));
                }
                assertEquals(20, rows);
            }
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select content from config_source")) {
                assertTrue(rs.next(), "manager.conf is kept");
                assertTrue(rs.getString(1).startsWith("v1:") && !rs.getString(1).contains("s3cret"), "and encrypted");
            }
        });
    }

    @OnEachDatabase
    void theConnectorsSnapshotCarriesHttpConf(TestDatabase database) throws Exception {
        onMigratedStore(database, null, null, (store, db) -> {
            tx(store, () -> importManager(store, "[general]\nenabled = yes\nwebenabled = yes\n"));
            assertFalse(tx(store, store::currentConfiguration).http().enabled(), "no http.conf: HTTP off");
            tx(store, () -> store.importHttpConf(ACTOR,
                    "[general]\nenabled = yes\nbindport = 18088\nprefix = asterisk\n", false));
            HttpSettings http = tx(store, store::currentConfiguration).http();
            assertTrue(http.enabled());
            assertEquals(18088, http.bindPort());
            assertEquals("asterisk", http.prefix());
            for (String rules : new String[] {"deny = 127.0.0.1\npermit = ::1/128\n", "permit = 10.0.0.0/8\n"}) {
                String text = "[general]\nenabled = yes\n[/rawman]\ntype = restriction\n" + rules
                        + "[/mxml]\ntype = restriction\n";
                tx(store, () -> store.importHttpConf(ACTOR, text, false));
                assertEquals(HttpConfReader.read(text, AsteriskConfigParser.NO_INCLUDES).settings().restrictions(),
                        tx(store, store::currentConfiguration).http().restrictions(), "stored and replaced");
            }
        });
    }

    @OnEachDatabase
    void valuesAsLongAsTheParserAllowsFitTheirColumns(TestDatabase database) throws Exception {
        onMigratedStore(database, null, null, (store, db) -> {
            String name = "n".repeat(StoredLengths.NAME);
            String longest = "[general]\nbindaddr = 0.0.0.0\n[" + name + "]\nsecret = "
                    + "\u00e9".repeat(StoredLengths.SECRET_BYTES / 2) + "\nread = " + "system,".repeat(146) + "ca\n"
                    + "deny = 0.0.0.0/0\n" + ("setvar = V=" + "v".repeat(997) + "\n").repeat(4)
                    + "eventfilter = " + "e".repeat(StoredLengths.VALUE) + "\n";
            ImportReport report = tx(store, () -> importManager(store, longest));
            assertTrue(report.applied());
            String exported = tx(store, store::exportManagerConf);
            assertTrue(exported.contains("\n[" + name + "]\n"), exported);
            assertTrue(tx(store, () -> importManager(store, exported)).diff().isEmpty());
        });
    }

    @OnEachDatabase
    void anImportCannotIncludeAFileOutsideTheConfigurationFolderNotEvenOnADryRun(TestDatabase database) throws Exception {
        onMigratedStore(database, null, null, (store, db) -> {
            Path key = data.resolve("secret.key");
            String keyText = Files.readString(key).strip();
            Files.createSymbolicLink(conf.resolve("key.conf"), key);
            for (String include : new String[] {conf.relativize(key).toString(), key.toString(), "key.conf"}) {
                for (boolean dryRun : new boolean[] {true, false}) {
                    ConfigParseException e = assertThrows(ConfigParseException.class, () -> tx(store,
                            () -> store.importManagerConf(ACTOR, "[general]\n#include " + include + "\n", dryRun)));
                    assertTrue(e.getMessage().startsWith("manager.conf:2: ")
                            && e.getMessage().contains("outside the configuration folder"), e.getMessage());
                    assertFalse(e.getMessage().contains(keyText.substring(0, 8)), e.getMessage());
                }
            }
            assertTrue(tx(store, () -> store.importedText("manager.conf")).isEmpty(), "nothing was stored");
        });
    }
}
