package dev.ami.persistence.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseProbeTest {

    /** A wait no answer in these tests comes close to: the tests bound nothing by the clock. */
    private static final Duration PATIENT = Duration.ofHours(1);

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private DatabaseProbe probe(Callable<String> query, Duration wait) {
        return new DatabaseProbe(query, executor, wait);
    }

    @Test
    void aDatabaseThatAnswersIsNamedByItsProduct() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:probe");
        DatabaseProbe.Answer answer = probe(DatabaseProbe.select1(h2, Duration.ofSeconds(2)), PATIENT).ask();
        assertEquals(new DatabaseProbe.Answer(true, "H2"), answer);
    }

    @Test
    void aRefusedConnectionIsUnreachableWithoutTheDriversMessage() {
        JdbcDataSource nowhere = new JdbcDataSource();
        // port 1 on loopback: nothing listens, the connection is refused at once
        nowhere.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing");
        nowhere.setUser("ami");
        nowhere.setPassword("hunter2");
        DatabaseProbe.Answer answer = probe(DatabaseProbe.select1(nowhere, Duration.ofSeconds(2)), PATIENT).ask();
        assertFalse(answer.reachable());
        assertTrue(answer.detail().startsWith("unreachable: "), answer.detail());
        assertFalse(answer.detail().contains("127.0.0.1") || answer.detail().contains("hunter2"), answer.detail());
    }

    @Test
    void theSqlStateIsGiven() {
        DatabaseProbe.Answer answer = probe(() -> {
            throw new SQLException("FATAL: password authentication failed for user \"ami\"", "28P01");
        }, PATIENT).ask();
        assertEquals(new DatabaseProbe.Answer(false, "unreachable: SQLException (SQLState 28P01), the server log has the cause"),
                answer);
    }

    @Test
    void aQueryThatHangsIsWaitedForBrieflyAndNotAskedAgainWhileItRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        DatabaseProbe probe = probe(() -> {
            asked.incrementAndGet();
            release.await();
            return "PostgreSQL";
        }, Duration.ofMillis(50));
        assertEquals(new DatabaseProbe.Answer(false, "no answer within 50 ms"), probe.ask());
        assertEquals(new DatabaseProbe.Answer(false, "no answer within 50 ms"), probe.ask());
        release.countDown();
        executor.shutdown();
        while (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
            Thread.onSpinWait();
        }
        // the executor has threads to spare: a second query would have run
        assertEquals(1, asked.get());
        assertEquals(new DatabaseProbe.Answer(false, "not asked (the server is stopping)"), probe.ask());
    }
}
