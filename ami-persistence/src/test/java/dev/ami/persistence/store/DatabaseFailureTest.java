package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A failed store call is told apart by what the database said, however deep the container wrapped it. */
class DatabaseFailureTest {

    @Test
    void aRefusedConnectionUnderThePoolAndTheContainerIsUnreachable() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        // as WildFly wraps it: the pool's SQLException, Hibernate's, the EJB container's
        Throwable thrown = new EJBException(new PersistenceException("Unable to acquire JDBC Connection",
                new SQLException("IJ031084: Unable to create connection", refused)));
        DatabaseFailure failure = DatabaseFailure.of(thrown).orElseThrow();
        assertEquals(new DatabaseFailure(true, "the database cannot be reached: Connection to 127.0.0.1:5432 refused.",
                "08001"), failure);
        assertEquals("the database cannot be reached (SQLSTATE 08001)", failure.summary(), "no host or port for clients");
    }

    @Test
    void anotherDatabaseErrorIsAFailureButNotUnreachable() {
        Throwable thrown = new EJBException(new PersistenceException(new SQLException("value too long", "22001")));
        assertEquals(Optional.of(new DatabaseFailure(false, "the database failed: value too long", "22001")),
                DatabaseFailure.of(thrown));
    }

    @Test
    void aFailureWithoutADatabaseErrorIsNotOne() {
        assertEquals(Optional.empty(), DatabaseFailure.of(new EJBException(new IllegalStateException("a bug"))));
    }
}
