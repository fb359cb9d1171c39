package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 is made to write a commit before it is answered, and a URL that says otherwise is named in the log. */
class DurableCommitsTest {

    @TempDir
    Path dir;

    @Test
    void anH2OpenedWithItsDefaultWriteDelayIsSetToZeroAndReported() throws Exception {
        JdbcDataSource h2 = h2("jdbc:h2:file:" + dir.resolve("ami"));
        try (Connection held = h2.getConnection()) {
            assertEquals(500, writeDelay(held), "H2's default");
            Optional<String> warning = DurableCommits.ensure(h2);
            assertTrue(warning.orElseThrow().contains("WRITE_DELAY=0"), warning.get());
            assertEquals(0, writeDelay(held), "in force while the database stays open");
        }
    }

    @Test
    void theServersUrlNeedsNothing() throws Exception {
        assertEquals(Optional.empty(), DurableCommits.ensure(h2("jdbc:h2:file:" + dir.resolve("ami") + ";WRITE_DELAY=0")));
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        return h2;
    }

    private static int writeDelay(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT MAX(CAST(SETTING_VALUE AS INT)) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
