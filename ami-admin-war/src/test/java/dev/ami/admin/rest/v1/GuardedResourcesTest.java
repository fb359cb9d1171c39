package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.admin.rest.ConfigWriters;
import dev.ami.admin.rest.VersionResource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may call a resource is declared on the resource (RESTEasy's role-based security, or the rule
 * {@link ConfigWriters} binds), and a resource with no declaration at all would be open to anyone:
 * every resource class found in the WAR must say who may call it, but the two that are public on
 * purpose (the server's version and the OpenAPI document).
 */
class GuardedResourcesTest {

    private static final Set<Class<?>> PUBLIC = Set.of(VersionResource.class, OpenApiResource.class);

    @Test
    void everyResourceButThePublicOnesSaysWhoMayCallIt() {
        List<Class<?>> resources = JaxRsEndpoints.classes("dev.ami.admin.rest").stream()
                .filter(c -> c.isAnnotationPresent(Path.class)).toList();
        assertTrue(resources.contains(AccountsResource.class), "the scan finds the resources: " + resources);
        List<String> open = resources.stream().filter(c -> !PUBLIC.contains(c))
                .filter(c -> !c.isAnnotationPresent(ConfigWriters.class) && !c.isAnnotationPresent(RolesAllowed.class)
                        && !c.isAnnotationPresent(PermitAll.class))
                .map(Class::getName).toList();
        assertEquals(List.of(), open, "resources open to anyone: mark them @ConfigWriters or declare @RolesAllowed");
    }
}
