package dev.ami.admin.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.admin.login.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API's rule for a resource method that declares no roles of its own. */
class ConfigWriterFilterTest {

    /** A resource that forgot its annotations. */
    static class Bare {
        public void any() {
        }
    }

    /** A resource that declares its own. */
    @RolesAllowed(Roles.READER)
    static class Declared {
        @PermitAll
        public void open() {
        }
    }

    private static boolean allowed(String method, String... groups) {
        return ConfigWriterFilter.allowed(method, Set.of(groups)::contains);
    }

    @Test
    void readsAreForAdminsAndReaders() {
        for (String method : new String[] {"GET", "HEAD"}) {
            assertTrue(allowed(method, Roles.ADMIN), method);
            assertTrue(allowed(method, Roles.READER), method);
            assertFalse(allowed(method), method + " without a role");
        }
    }

    @Test
    void changesAreForAdminsOnly() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            assertTrue(allowed(method, Roles.ADMIN), method);
            assertFalse(allowed(method, Roles.READER), method);
            assertFalse(allowed(method), method);
        }
    }

    @Test
    void onlyAResourceWithoutRolesOfItsOwnGetsTheRule() throws Exception {
        assertFalse(ConfigWriterFilter.declares(Bare.class));
        assertFalse(ConfigWriterFilter.declares(Bare.class.getMethod("any")));
        assertTrue(ConfigWriterFilter.declares(Declared.class));
        assertTrue(ConfigWriterFilter.declares(Declared.class.getMethod("open")));
    }
}
