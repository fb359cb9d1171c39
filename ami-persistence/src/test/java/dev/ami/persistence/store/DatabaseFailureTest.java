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
        assertEquals(Optional.of(new DatabaseFailure(true,
                "the database cannot be reached: Connection to 127.0.0.1:5432 refused.")), DatabaseFailure.of(thrown));
    }

    @Test
    void anotherDatabaseErrorIsAFailureButNotUnreachable() {
        Throwable thrown = new EJBException(new PersistenceException(new SQLException("value too long", "22001")));
        assertEquals(Optional.of(new DatabaseFailure(false, "the database failed: value too long")), DatabaseFailure.of(thrown));
    }

    @Test
    void aFailureWithoutADatabaseErrorIsNotOne() {
        assertEquals(Optional.empty(), DatabaseFailure.of(new EJBException(new IllegalStateException("a bug"))));
    }
}
