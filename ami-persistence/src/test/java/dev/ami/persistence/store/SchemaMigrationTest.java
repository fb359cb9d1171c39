package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The migrations run on each database the server supports, and are idempotent. */
class SchemaMigrationTest {

    @OnEachDatabase
    void migratesAnEmptyDatabaseOnceAndOnlyOnce(TestDatabase database) throws Exception {
        try (TestDatabase.Schema db = database.open()) {
            Flyway flyway = SchemaMigrator.flyway(db.dataSource());
            MigrateResult first = flyway.migrate();
            assertEquals(database.product, first.databaseType);
            long scripts = migrationScripts();
            assertEquals(scripts, first.migrationsExecuted);
            assertEquals(0, flyway.migrate().migrationsExecuted);
            assertEquals(Long.toString(scripts), flyway.info().current().getVersion().getVersion());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertEquals(0, single(s, "select count(*) from account"));
                assertEquals(0, single(s, "select count(*) from http_settings"));
            }
        }
    }

    /** What the store relies on from the schema, beyond the entities' own columns. */
    @OnEachDatabase
    void theSchemaKeepsItsDefaultsKeysAndCascades(TestDatabase database) throws Exception {
        try (TestDatabase.Schema db = database.open()) {
            SchemaMigrator.flyway(db.dataSource()).migrate();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                // a row written by the first version gets the later columns' Asterisk defaults
                s.executeUpdate("insert into general_settings (id, enabled, bind_address, port, display_connects,"
                        + " allow_multiple_login, auth_timeout, auth_limit) values (1, true, '::', 5038, true, true, 30, 50)");
                try (ResultSet rs = s.executeQuery("select timestamp_events, debug, tls_enabled, tls_bind_address,"
                        + " tls_port, tls_cert_file, tls_private_key from general_settings")) {
                    rs.next();
                    assertEquals(false, rs.getBoolean("timestamp_events"));
                    assertEquals(false, rs.getBoolean("debug"));
                    assertEquals(false, rs.getBoolean("tls_enabled"));
                    assertEquals("::", rs.getString("tls_bind_address"));
                    assertEquals(5039, rs.getInt("tls_port"));
                    assertEquals("asterisk.pem", rs.getString("tls_cert_file"));
                    assertEquals("", rs.getString("tls_private_key"));
                }
                // ids come from the database; usernames differing only by case collide
                s.executeUpdate("insert into account (username, username_key, read_classes, write_classes)"
                        + " values ('Admin', 'admin', 'all', 'all')");
                assertThrows(SQLException.class, () -> s.executeUpdate("insert into account (username, username_key,"
                        + " read_classes, write_classes) values ('ADMIN', 'admin', '', '')"));
                long id = single(s, "select id from account where username_key = 'admin'");
                s.executeUpdate("insert into account_acl (account_id, position, permit, rule_value) values ("
                        + id + ", 0, true, '127.0.0.1/32')");
                s.executeUpdate("insert into account_event_filter (account_id, position, filter_key, filter_value)"
                        + " values (" + id + ", 0, 'eventfilter', '!Event: Newexten')");
                // removing an account removes its permit/deny and eventfilter lines
                s.executeUpdate("delete from account");
                assertEquals(0, single(s, "select count(*) from account_acl"));
                assertEquals(0, single(s, "select count(*) from account_event_filter"));
            }
        }
    }

    /** How many V<n>__ scripts are shipped (numbered 1..n). */
    private static long migrationScripts() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                SchemaMigrationTest.class.getResource("/db/migration").toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
