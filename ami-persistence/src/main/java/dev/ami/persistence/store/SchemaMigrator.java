package dev.ami.persistence.store;

import dev.ami.persistence.secret.OwnerOnlyFiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
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
        restrictDataFolder();
        MigrateResult result = flyway(dataSource).migrate();
        // again: an H2 database is created by the first connection, which may be this migration
        restrictDataFolder();
        try {
            DurableCommits.ensure(dataSource).ifPresent(LOG::warning);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's write delay: " + e.getMessage(), e);
        }
        // the database may be H2 in the data folder or a PostgreSQL server (ami-ds.xml): name it
        LOG.info(() -> "AMI schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied) in " + result.databaseType + " database " + result.database
                + "; data folder " + AmiPaths.dataDir());
    }

    /**
     * The data folder holds the database (H2), the secret key and the import backups: only the
     * server's user may enter it, and its files are that user's alone, an H2 database that an
     * older version left world-readable included. A folder the server cannot restrict (another
     * owner) is reported, not fatal: the server runs as before.
     */
    private static void restrictDataFolder() {
        Path dataDir = AmiPaths.dataDir();
        try {
            OwnerOnlyFiles.restrictFolder(dataDir);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot make the data folder " + dataDir + " and its files readable by the server's user only: "
                    + e);
        }
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
