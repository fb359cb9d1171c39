package dev.ami.persistence.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test once on each {@link TestDatabase}; the test takes the database as its parameter and
 * opens a fresh schema of it. The PostgreSQL run is skipped, with the reason, when no server is named.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@EnumSource(TestDatabase.class)
@interface OnEachDatabase {
}
