package dev.ami.persistence.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An answered change must survive the server being killed the next moment. PostgreSQL has made a
 * commit durable when it answers; H2 by default keeps committed changes in memory for up to its
 * {@code WRITE_DELAY} (500 ms) before its store writes them, and a server killed meanwhile loses
 * them (a SIGKILL right after an acknowledged import did, before this check). The server's H2 URL
 * carries {@code WRITE_DELAY=0}; a URL without it is corrected for as long as H2 keeps the database
 * open and reported, since H2 forgets the setting when it closes the database.
 */
final class DurableCommits {

    private DurableCommits() {
    }

    /**
     * @param dataSource the application's database
     * @return a warning for the log if the database was opened with a write delay (now set to 0)
     * @throws SQLException if the database cannot be asked
     */
    static Optional<String> ensure(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
                return Optional.empty();
            }
            int delay;
            try (ResultSet r = s.executeQuery(
                    "SELECT MAX(CAST(SETTING_VALUE AS INT)) FROM INFORMATION_SCHEMA.SETTINGS"
                            + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                delay = r.next() ? r.getInt(1) : 0;
            }
            if (delay == 0) {
                return Optional.empty();
            }
            s.execute("SET WRITE_DELAY 0");
            return Optional.of("The H2 database was opened with a write delay of " + delay + " ms: changes answered in the"
                    + " last " + delay + " ms before a crash would be lost. Set to 0 while it stays open; add"
                    + " ;WRITE_DELAY=0 to its URL (ami.db.url, AMI_DB_URL) to keep it so.");
        }
    }
}
