package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases that every test touching a database runs on ({@link OnEachDatabase}): H2, the
 * server's default, always; PostgreSQL when {@value #URL} (system property, else environment
 * variable) names a database in which the tests may create schemas. Without it the PostgreSQL
 * variants are skipped, or fail when {@value #REQUIRED} is {@code yes} (CI), so a CI run without a
 * PostgreSQL server cannot pass as if it had tested one.
 */
enum TestDatabase {
    H2("H2"), POSTGRESQL("PostgreSQL");

    static final String URL = "AMI_TEST_POSTGRES_URL";
    static final String REQUIRED = "AMI_TEST_POSTGRES_REQUIRED";

    /** The name the database gives itself, as Flyway reports it. */
    final String product;

    TestDatabase(String product) {
        this.product = product;
    }

    /**
     * @return a fresh, empty schema of this database, removed again by {@link Schema#close()}, so
     *         tests and runs never see each other's tables
     * @throws SQLException if the database cannot be reached
     */
    Schema open() throws SQLException {
        // unique: concurrent runs may share one PostgreSQL database
        String name = "ami_test_" + UUID.randomUUID().toString().replace("-", "");
        return switch (this) {
            case H2 -> {
                JdbcDataSource h2 = new JdbcDataSource();
                // DB_CLOSE_DELAY=-1: the in-memory database outlives its connections until SHUTDOWN
                h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
                h2.setUser("sa");
                yield new Schema(h2, "SHUTDOWN");
            }
            case POSTGRESQL -> {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(postgresUrl());
                try {
                    execute(pg, "CREATE SCHEMA " + name);
                } catch (SQLException e) {
                    throw new SQLException("Cannot create a test schema in the database " + URL + " names ("
                            + pg.getServerNames()[0] + ":" + pg.getPortNumbers()[0] + "/" + pg.getDatabaseName()
                            + ", user " + pg.getUser() + "): " + e.getMessage(), e);
                }
                // every connection resolves unqualified names in this schema only, as the server's would in its own
                pg.setCurrentSchema(name);
                yield new Schema(pg, "DROP SCHEMA " + name + " CASCADE");
            }
        };
    }

    private static String postgresUrl() {
        String url = System.getProperty(URL, System.getenv(URL));
        if (url != null && !url.isBlank()) {
            return url;
        }
        String why = URL + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/ami_test?user=ami&password=ami; .ci/run sets it)";
        if ("yes".equals(System.getProperty(REQUIRED, System.getenv(REQUIRED)))) {
            return fail(REQUIRED + "=yes, but " + why);
        }
        return Assumptions.abort("PostgreSQL variant skipped: " + why);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A fresh schema; {@link #close()} drops it with everything in it. */
    static final class Schema implements AutoCloseable {

        private final DataSource dataSource;
        private final String dropSql;

        private Schema(DataSource dataSource, String dropSql) {
            this.dataSource = dataSource;
            this.dropSql = dropSql;
        }

        DataSource dataSource() {
            return dataSource;
        }

        /**
         * The application's persistence unit (META-INF/persistence.xml) on this schema. Outside the
         * server there is no JTA and no JNDI, so the unit's datasource and transactions are local;
         * everything else, the dialect included, Hibernate decides as it does in WildFly.
         */
        EntityManagerFactory persistenceUnit() {
            return Persistence.createEntityManagerFactory("ami", Map.of(
                    "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                    "jakarta.persistence.nonJtaDataSource", dataSource));
        }

        @Override
        public void close() throws SQLException {
            execute(dataSource, dropSql);
        }
    }
}
