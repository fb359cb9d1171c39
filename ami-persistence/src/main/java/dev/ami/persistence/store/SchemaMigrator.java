package dev.ami.persistence.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the current version with the Flyway migrations in {@code db/migration},
 * before anything reads the store.
 */
@Singleton
@Startup
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/AmiDS")
    private DataSource dataSource;

    // Flyway commits its own work; it must not run inside a container transaction.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        MigrateResult result = flyway(dataSource).migrate();
        // the database may be H2 in the data folder or a PostgreSQL server (ami-ds.xml): name it
        LOG.info(() -> "AMI schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied) in " + result.databaseType + " database " + result.database
                + "; data folder " + AmiPaths.dataDir());
    }

    /**
     * @param dataSource the application's database, H2 or PostgreSQL (Flyway tells them apart)
     * @return Flyway with our migrations; the tests migrate through the same configuration
     */
    static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
