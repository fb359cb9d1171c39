package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.HttpSettings;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditTrail;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.HttpConfReader;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.manager.StoredLengths;
import dev.ami.persistence.secret.SecretCipher;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.annotation.Annotation;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on each database: a manager.conf with templates, an include, every option of the seed's
 * tables and twenty accounts imports, exports and imports back to the same state; a file with one
 * bad line changes nothing; secrets are not readable in the database.
 */
class ConfigurationStoreTest {

    private static final Actor ACTOR = new Actor("tester", "127.0.0.1", Actor.REST);

    @TempDir
    Path conf;

    @TempDir
    Path data;

    private final List<String> previous = new ArrayList<>();

    @BeforeEach
    void folders() {
        previous.add(System.setProperty("ami.conf.dir", conf.toString()));
        previous.add(System.setProperty("ami.data.dir", data.toString()));
    }

    @AfterEach
    void restore() {
        restore("ami.conf.dir", previous.get(0));
        restore("ami.data.dir", previous.get(1));
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

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
        onMigratedSchema(database, (store, db) -> {
            String original = managerConf();
            ImportReport first = inTransaction(store, () -> importManager(store, original));
            assertTrue(first.applied());
            assertEquals(20, first.diff().accountsAdded().size());
            // the file as loaded is kept for GetConfig: templates, inherited lines and includes as Asterisk holds them
            String loaded = inTransaction(store, () -> store.importedText("manager.conf")).orElseThrow();
            assertTrue(loaded.contains("\n[operator](!)\nread = system,call,user\n"), loaded);
            assertTrue(loaded.contains("\n[user07](operator)\nsecret = s3cret\\;07\n"), loaded);
            assertTrue(loaded.contains("\n[user15](operator)\nsecret = included-15\n"), loaded);
            String exported = inTransaction(store, store::exportManagerConf);
            assertTrue(exported.contains("\n[user07]\nsecret = s3cret\\;07\n"), exported);
            assertTrue(exported.contains("\n[user15]\nsecret = included-15\n"), exported);
            assertTrue(exported.contains("\ntlsservercipherorder = yes\ntlsdisablev1 = yes\n"), exported);

            ImportReport again = inTransaction(store, () -> importManager(store, exported));
            assertTrue(again.diff().isEmpty(), again.diff().toString());
            // the backup holds the secrets in clear (the file form), so only the server's user may read it
            assertTrue(Files.readString(again.backup()).contains("\nsecret = s3cret\\;07\n"));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(again.backup())));
                assertEquals("rwx------", PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(again.backup().getParent())));
            }
            assertEquals(body(exported), body(inTransaction(store, store::exportManagerConf)));

            // one bad line: refused with its place, nothing changes
            ConfigParseException bad = assertThrows(ConfigParseException.class, () -> inTransaction(store,
                    () -> importManager(store, exported.replace("httptimeout = 90", "port = 80"))));
            assertTrue(bad.getMessage().startsWith("manager.conf:"), bad.getMessage());
            assertEquals(body(exported), body(inTransaction(store, store::exportManagerConf)));

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
        onMigratedSchema(database, (store, db) -> {
            inTransaction(store, () -> importManager(store, "[general]\nenabled = yes\nwebenabled = yes\n"));
            assertFalse(inTransaction(store, store::currentConfiguration).http().enabled(), "no http.conf: HTTP off");
            inTransaction(store, () -> {
                try {
                    return store.importHttpConf(ACTOR, "[general]\nenabled = yes\nbindport = 18088\nprefix = asterisk\n", false);
                } catch (ConfigParseException e) {
                    throw new Refused(e);
                }
            });
            HttpSettings http = inTransaction(store, store::currentConfiguration).http();
            assertTrue(http.enabled());
            assertEquals(18088, http.bindPort());
            assertEquals("asterisk", http.prefix());
            for (String rules : new String[] {"deny = 127.0.0.1\npermit = ::1/128\n", "permit = 10.0.0.0/8\n"}) {
                String text = "[general]\nenabled = yes\n[/rawman]\ntype = restriction\n" + rules
                        + "[/mxml]\ntype = restriction\n";
                inTransaction(store, () -> {
                    try {
                        return store.importHttpConf(ACTOR, text, false);
                    } catch (ConfigParseException e) {
                        throw new Refused(e);
                    }
                });
                assertEquals(HttpConfReader.read(text, AsteriskConfigParser.NO_INCLUDES).settings().restrictions(),
                        inTransaction(store, store::currentConfiguration).http().restrictions(), "stored and replaced");
            }
        });
    }

    @OnEachDatabase
    void valuesAsLongAsTheParserAllowsFitTheirColumns(TestDatabase database) throws Exception {
        onMigratedSchema(database, (store, db) -> {
            String name = "n".repeat(StoredLengths.NAME);
            String longest = "[general]\nbindaddr = 0.0.0.0\n[" + name + "]\nsecret = "
                    + "\u00e9".repeat(StoredLengths.SECRET_BYTES / 2) + "\nread = " + "system,".repeat(146) + "ca\n"
                    + "deny = 0.0.0.0/0\n" + ("setvar = V=" + "v".repeat(997) + "\n").repeat(4)
                    + "eventfilter = " + "e".repeat(StoredLengths.VALUE) + "\n";
            ImportReport report = inTransaction(store, () -> importManager(store, longest));
            assertTrue(report.applied());
            String exported = inTransaction(store, store::exportManagerConf);
            assertTrue(exported.contains("\n[" + name + "]\n"), exported);
            assertTrue(inTransaction(store, () -> importManager(store, exported)).diff().isEmpty());
        });
    }

    @OnEachDatabase
    void anImportCannotIncludeAFileOutsideTheConfigurationFolderNotEvenOnADryRun(TestDatabase database) throws Exception {
        onMigratedSchema(database, (store, db) -> {
            Path key = data.resolve("secret.key");
            String keyText = Files.readString(key).strip();
            Files.createSymbolicLink(conf.resolve("key.conf"), key);
            for (String include : new String[] {conf.relativize(key).toString(), key.toString(), "key.conf"}) {
                for (boolean dryRun : new boolean[] {true, false}) {
                    ConfigParseException e = assertThrows(ConfigParseException.class, () -> inTransaction(store,
                            () -> importManager(store, "[general]\n#include " + include + "\n", dryRun)));
                    assertTrue(e.getMessage().startsWith("manager.conf:2: ")
                            && e.getMessage().contains("outside the configuration folder"), e.getMessage());
                    assertFalse(e.getMessage().contains(keyText.substring(0, 8)), e.getMessage());
                }
            }
            assertTrue(inTransaction(store, () -> store.importedText("manager.conf")).isEmpty(), "nothing was stored");
        });
    }

    private interface StoreWork {
        void run(ConfigurationStore store, TestDatabase.Schema db) throws Exception;
    }

    /** Runs the work on a store over a freshly migrated schema of this database. */
    private void onMigratedSchema(TestDatabase database, StoreWork work) throws Exception {
        try (TestDatabase.Schema db = database.open()) {
            SchemaMigrator.flyway(db.dataSource()).migrate();
            try (EntityManagerFactory emf = db.persistenceUnit()) {
                work.run(store(emf), db);
            }
        }
    }

    private static ImportReport importManager(ConfigurationStore store, String text) {
        return importManager(store, text, false);
    }

    private static ImportReport importManager(ConfigurationStore store, String text, boolean dryRun) {
        try {
            return store.importManagerConf(ACTOR, text, dryRun);
        } catch (ConfigParseException e) {
            throw new Refused(e);
        }
    }

    /** Carries a refusal out of the transaction helper. */
    private static final class Refused extends RuntimeException {
        Refused(ConfigParseException cause) {
            super(cause);
        }
    }

    private ConfigurationStore store(EntityManagerFactory emf) throws Exception {
        ConfigurationStore store = new ConfigurationStore();
        store.cipher = SecretCipher.inDataDir(data);
        store.changed = new NoEvents<>();
        store.em = emf.createEntityManager();
        store.audit = new AuditTrail(store.em);
        return store;
    }

    /** One container-managed call: a transaction around it; a refusal rolls back and is rethrown. */
    private static <T> T inTransaction(ConfigurationStore store, Supplier<T> work) throws ConfigParseException {
        EntityManager em = store.em;
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } catch (Refused r) {
            em.getTransaction().rollback();
            throw (ConfigParseException) r.getCause();
        } catch (RuntimeException e) {
            em.getTransaction().rollback();
            throw e;
        } finally {
            em.clear();
        }
    }

    /** The export without its first (comment) line, which carries the time. */
    private static String body(String export) {
        return export.substring(export.indexOf('\n') + 1);
    }

    /** Observers are the container's business; here nobody listens. */
    private static final class NoEvents<T> implements Event<T> {
        @Override
        public void fire(T event) {
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            return new NoEvents<>();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            return new NoEvents<>();
        }
    }
}
