package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.api.connector.UriRestriction;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AclLine;
import dev.ami.persistence.manager.FilterLine;
import dev.ami.persistence.secret.SecretCipher;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entities on the schema the migrations build, through the application's own persistence unit,
 * on each database: Hibernate must find the dialect by itself and the schema must match the mapping.
 */
class EntityMappingTest {

    private static final GeneralSettings GENERAL = GeneralSettings.builder().enabled(true).bindAddress("127.0.0.1")
            .port(25038).displayConnects(false).allowMultipleLogin(false).authTimeoutSeconds(12).authLimit(7)
            .timestampEvents(true).brokenEventsAction(true).debug(true)
            .tls(new TlsSettings(true, "0.0.0.0", 25039, "certs/ami.pem", "keys/ami.key", "ECDHE+AESGCM"))
            .channelVars(List.of("ACCOUNT", "CUT(CALLERID(num),-,1)")).disabledEvents(List.of("Newexten"))
            .webEnabled(true).httpTimeoutSeconds(90).build();

    private static final AccountDefinition ADMIN = new AccountDefinition("Admin", "s3cret", "system,call", "all",
            List.of(new AclLine(false, "0.0.0.0/0.0.0.0"), new AclLine(true, "127.0.0.1/255.255.255.0")),
            true, false, 250, List.of(new FilterLine("eventfilter(action(exclude),header(Event))", "Newexten"),
                    new FilterLine("eventfilter", "!Event: VarSet")),
            List.of("ACCOUNTCODE=sales"), List.of("office"));

    @TempDir
    Path dataDir;

    @OnEachDatabase
    void hibernateDetectsTheDialectAndTheMigratedSchemaMatchesTheEntities(TestDatabase database) throws Exception {
        try (TestDatabase.Schema db = database.open()) {
            SchemaMigrator.flyway(db.dataSource()).migrate();
            try (EntityManagerFactory emf = db.persistenceUnit()) {
                Class<? extends Dialect> expected = switch (database) {
                    case H2 -> H2Dialect.class;
                    case POSTGRESQL -> PostgreSQLDialect.class;
                };
                assertInstanceOf(expected, emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect());
                // throws, naming the table and column, where a migration and an entity disagree
                emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
            }
        }
    }

    /** The unit starts without a JSON mapper of Hibernate's choosing (Jackson's, when the server has it). */
    @OnEachDatabase
    void theUnitMapsNoJsonColumns(TestDatabase database) throws Exception {
        try (TestDatabase.Schema db = database.open()) {
            SchemaMigrator.flyway(db.dataSource()).migrate();
            try (EntityManagerFactory emf = db.persistenceUnit()) {
                assertInstanceOf(NoJsonFormatMapper.class,
                        emf.unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions().getJsonFormatMapper());
            }
        }
    }

    @OnEachDatabase
    void settingsAndAccountsComeBackAsStored(TestDatabase database) throws Exception {
        SecretCipher cipher = SecretCipher.inDataDir(dataDir);
        try (TestDatabase.Schema db = database.open()) {
            SchemaMigrator.flyway(db.dataSource()).migrate();
            try (EntityManagerFactory emf = db.persistenceUnit()) {
                HttpSettings http = new HttpSettings(true, "127.0.0.1", 18088, "ami", "", 10, 5000, 0, true, false,
                        List.of("/ /static/index.html"), new TlsSettings(true, "127.0.0.1", 18089, "c.pem", "", ""),
                        List.of(new UriRestriction("/rawman", new AccessList(AclRule.parse(false, "0.0.0.0/0")))));
                inTransaction(emf, em -> {
                    em.persist(new HttpSettingsEntity(http));
                    em.persist(new GeneralSettingsEntity(GENERAL));
                    em.persist(new AccountEntity(ADMIN, cipher));
                    em.persist(new AccountEntity(AccountDefinition.of("monitor", null, "all", ""), cipher));
                });
                inTransaction(emf, em -> {
                    assertEquals(http, em.find(HttpSettingsEntity.class, HttpSettingsEntity.SINGLETON_ID).toSettings());
                    assertEquals(GENERAL, em.find(GeneralSettingsEntity.class, GeneralSettingsEntity.SINGLETON_ID).toSettings());
                    List<AccountDefinition> stored = em.createNamedQuery(AccountEntity.ALL, AccountEntity.class)
                            .getResultStream().map(a -> a.toDefinition(cipher)).toList();
                    assertEquals(List.of(ADMIN, AccountDefinition.of("monitor", null, "all", "")), stored);
                });
                // as an import does: remove every account (with its lines), then store the new ones
                inTransaction(emf, em -> {
                    em.createNamedQuery(AccountEntity.ALL, AccountEntity.class).getResultList().forEach(em::remove);
                    em.flush();
                    em.persist(new AccountEntity(ADMIN, cipher));
                });
                inTransaction(emf, em -> assertEquals(List.of(ADMIN), em.createNamedQuery(AccountEntity.ALL,
                        AccountEntity.class).getResultStream().map(a -> a.toDefinition(cipher)).toList()));
                // Asterisk matches usernames without regard to case: the database refuses a second "admin"
                assertThrows(PersistenceException.class, () -> inTransaction(emf,
                        em -> em.persist(new AccountEntity(AccountDefinition.of("ADMIN", "x", "", ""), cipher))));
            }
        }
    }

    /** Runs the work in a transaction of a fresh EntityManager, as one container-managed call would. */
    private static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            try {
                work.accept(em);
                em.getTransaction().commit();
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
            }
        }
    }
}
