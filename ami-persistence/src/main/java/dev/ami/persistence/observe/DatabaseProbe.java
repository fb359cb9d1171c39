package dev.ami.persistence.observe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Asks the database whether it answers, for the readiness check: one cheap query at a time, run on
 * an executor of its own and waited for a bounded time, so that a health request never hangs on a
 * pool that has no connection to give or a network that drops packets (getting a connection is not
 * bounded by the query's timeout). A query still running when the next request comes is waited for
 * again, not repeated. What went wrong goes to the server log, once each time the database stops
 * answering; the answer itself names no URL, user or message (a driver's message may quote them).
 */
final class DatabaseProbe {

    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());

    /**
     * What the database said.
     *
     * @param reachable true if the query was answered
     * @param detail    the database's product name, or why it is taken as unreachable
     */
    record Answer(boolean reachable, String detail) {
    }

    private final Callable<String> query;
    private final Executor executor;
    private final Duration wait;
    private CompletableFuture<Answer> running;
    private Boolean lastReachable;

    /**
     * @param query    asks the database and returns its product name; throws if it cannot
     * @param executor runs the query
     * @param wait     how long {@link #ask()} waits for the answer
     */
    DatabaseProbe(Callable<String> query, Executor executor, Duration wait) {
        this.query = query;
        this.executor = executor;
        this.wait = wait;
    }

    /**
     * @param dataSource the application's database
     * @param timeout    the query's timeout (whole seconds, at least one)
     * @return a query that asks {@code SELECT 1} and returns the product name the driver reports
     */
    static Callable<String> select1(DataSource dataSource, Duration timeout) {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        return () -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(seconds);
                statement.execute("SELECT 1");
                return connection.getMetaData().getDatabaseProductName();
            }
        };
    }

    /** @return the database's answer, or unreachable if none came within the wait */
    Answer ask() {
        CompletableFuture<Answer> answer;
        synchronized (this) {
            if (running == null || running.isDone()) {
                try {
                    running = CompletableFuture.supplyAsync(this::run, executor);
                } catch (RejectedExecutionException e) {
                    return new Answer(false, "not asked (the server is stopping)");
                }
            }
            answer = running;
        }
        try {
            return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Answer(false, "no answer within " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "not asked (interrupted)");
        } catch (ExecutionException | CompletionException e) {
            // run() answers every failure itself; this is a bug, say so
            return new Answer(false, "probe failed: " + e.getCause().getClass().getSimpleName());
        }
    }

    private Answer run() {
        try {
            String product = query.call();
            reachable(true, null);
            return new Answer(true, product);
        } catch (Exception e) {
            reachable(false, e);
            String state = e instanceof SQLException sql && sql.getSQLState() != null ? " (SQLState " + sql.getSQLState() + ")"
                    : "";
            return new Answer(false, "unreachable: " + e.getClass().getSimpleName() + state + ", the server log has the cause");
        }
    }

    private synchronized void reachable(boolean now, Exception failure) {
        if (Boolean.valueOf(now).equals(lastReachable)) {
            return;
        }
        if (now) {
            if (lastReachable != null) {
                LOG.info("The database answers again; ami is ready as far as it is concerned");
            }
        } else {
            LOG.log(Level.WARNING, "The database does not answer; ami reports itself not ready (/health/ready): " + failure,
                    failure);
        }
        lastReachable = now;
    }
}
