package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditTrail;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.secret.SecretCipher;
import dev.ami.persistence.store.ChangeRefused.Reason;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store's tests share: configuration and data folders of their own (the system properties
 * the store reads, restored after each test), a {@link ConfigurationStore} wired by hand as the
 * container wires it over a freshly migrated schema, a transaction around each call as the
 * container's would be, and the announcements it would have fired after the commit.
 */
abstract class StoreTestSupport {

    static final Actor ACTOR = new Actor("tester", "127.0.0.1", Actor.REST);

    @TempDir
    Path conf;

    @TempDir
    Path data;

    /** What the store announced since the work began (the container tells observers after the commit). */
    final List<ConfigurationChanged> announced = new ArrayList<>();

    /** The store's entity manager, for reading what it wrote (the audit trail, entities). */
    EntityManager em;

    private final List<String> previous = new ArrayList<>();

    interface StoreWork {
        void run(ConfigurationStore store, TestDatabase.Schema db) throws Exception;
    }

    interface Work<T> {
        T run() throws Exception;
    }

    interface Change {
        Object run() throws ChangeRefused;
    }

    @BeforeEach
    void folders() {
        previous.add(System.setProperty("ami.conf.dir", conf.toString()));
        previous.add(System.setProperty("ami.data.dir", data.toString()));
    }

    @AfterEach
    void restoreFolders() {
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

    /** Runs the work on a store over a freshly migrated schema of this database, after the given imports. */
    void onMigratedStore(TestDatabase database, String managerConf, String httpConf, StoreWork work) throws Exception {
        try (TestDatabase.Schema db = database.open()) {
            SchemaMigrator.flyway(db.dataSource()).migrate();
            try (EntityManagerFactory emf = db.persistenceUnit()) {
                ConfigurationStore store = new ConfigurationStore();
                store.cipher = SecretCipher.inDataDir(data);
                store.changed = new Recorded();
                store.em = emf.createEntityManager();
                store.audit = new AuditTrail(store.em);
                em = store.em;
                if (managerConf != null) {
                    tx(store, () -> importManager(store, managerConf));
                }
                if (httpConf != null) {
                    tx(store, () -> store.importHttpConf(ACTOR, httpConf, false));
                }
                announced.clear();
                work.run(store, db);
            }
        }
    }

    static ImportReport importManager(ConfigurationStore store, String text) throws ConfigParseException {
        return store.importManagerConf(ACTOR, text, false);
    }

    /** One container-managed call: a transaction around it, rolled back when it throws. */
    static <T> T tx(ConfigurationStore store, Work<T> work) throws Exception {
        EntityManager em = store.em;
        em.getTransaction().begin();
        try {
            T result = work.run();
            em.getTransaction().commit();
            return result;
        } catch (Exception | Error e) {
            em.getTransaction().rollback();
            throw e;
        } finally {
            em.clear();
        }
    }

    /** Asserts a refusal in a transaction of its own, which is rolled back, and the fields it names. */
    ChangeRefused assertRefused(Reason reason, Change change, String... fields) {
        ChangeRefused refused = assertThrows(ChangeRefused.class, () -> {
            em.getTransaction().begin();
            try {
                change.run();
                em.getTransaction().commit();
            } catch (ChangeRefused | RuntimeException e) {
                em.getTransaction().rollback();
                throw e;
            } finally {
                em.clear();
            }
        });
        assertEquals(reason, refused.reason(), refused.getMessage());
        if (fields.length > 0) {
            assertEquals(List.of(fields), refused.problems().stream().map(FieldProblem::field).toList(),
                    refused.problems().toString());
        }
        return refused;
    }

    /** The export without its first (comment) line, which carries the time. */
    static String body(String export) {
        return export.substring(export.indexOf('\n') + 1);
    }

    /** Keeps what the store announces. */
    private final class Recorded implements Event<ConfigurationChanged> {
        @Override
        public void fire(ConfigurationChanged event) {
            announced.add(event);
        }

        @Override
        public <U extends ConfigurationChanged> CompletionStage<U> fireAsync(U event) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends ConfigurationChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public Event<ConfigurationChanged> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends ConfigurationChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ConfigurationChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
