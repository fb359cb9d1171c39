package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The migrations run on the H2 the server ships, and are idempotent. */
class SchemaMigrationTest {

    @Test
    void migratesAnEmptyH2DatabaseOnceAndOnlyOnce() throws Exception {
        String url = "jdbc:h2:mem:migration;DB_CLOSE_DELAY=-1";
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
        assertEquals(7, flyway.migrate().migrationsExecuted);
        assertEquals(0, flyway.migrate().migrationsExecuted);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from account")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }
}
