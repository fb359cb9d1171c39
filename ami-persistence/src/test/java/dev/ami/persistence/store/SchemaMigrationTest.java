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
        long scripts;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                SchemaMigrationTest.class.getResource("/db/migration").toURI()))) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertEquals(scripts, flyway.migrate().migrationsExecuted);
        assertEquals(0, flyway.migrate().migrationsExecuted);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from account")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from http_settings")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }
}
