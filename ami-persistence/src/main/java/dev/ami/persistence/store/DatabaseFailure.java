package dev.ami.persistence.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * A change or a read of the store that failed in the database, told apart from other failures so
 * that its caller can say so plainly (REST: 503 while the database cannot be reached; AMI: the
 * action's error and one log line) instead of a stack trace. Nothing was changed: the store works in
 * one transaction per change, and the connector keeps serving its last configuration.
 *
 * @param unreachable true if the database could not be reached (no connection, or one that broke)
 * @param message     what failed, for the log: the deepest database error's message (it may name
 *                    hosts and ports, so answers to clients use {@link #summary()})
 * @param sqlState    the deepest database error's SQLSTATE, or null
 */
public record DatabaseFailure(boolean unreachable, String message, String sqlState) {

    /** @return what failed, without the driver's own words: for answers to clients */
    public String summary() {
        return (unreachable ? "the database cannot be reached" : "the database failed")
                + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")");
    }

    /** Deeper than any real chain of causes; guards against a cycle. */
    private static final int MAX_DEPTH = 32;

    /**
     * @param failure what a store call threw
     * @return the database failure it stands for, or empty if no database error caused it
     */
    public static Optional<DatabaseFailure> of(Throwable failure) {
        SQLException deepest = null;
        boolean unreachable = false;
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql) {
                deepest = sql;
                // SQLSTATE class 08 is "connection exception" in the SQL standard, which PostgreSQL's driver follows
                unreachable |= sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                        || sql.getSQLState() != null && sql.getSQLState().startsWith("08");
            }
        }
        if (deepest == null) {
            return Optional.empty();
        }
        String detail = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return Optional.of(new DatabaseFailure(unreachable,
                (unreachable ? "the database cannot be reached: " : "the database failed: ") + detail, deepest.getSQLState()));
    }
}
