package dev.ami.admin.rest;

import dev.ami.admin.login.Roles;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.function.Predicate;

/**
 * The API's rule for a resource marked {@link ConfigWriters} whose method declares no roles itself:
 * GET and HEAD for {@value Roles#ADMIN} and {@value Roles#READER}, every other method for
 * {@value Roles#ADMIN} only, refused as RESTEasy's role-based security refuses (a
 * {@link ForbiddenException}, answered 401 without a login and 403 with one). A method or class
 * with {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll} is left to RESTEasy, so a
 * resource that forgets its annotations is still closed to anyone without a role. The one resource
 * left open on purpose, unbound here and without roles, is {@code rest.v1.OpenApiResource}: the
 * public document ({@code GuardedResourcesTest} holds every other resource to a guard).
 */
@Provider
@ConfigWriters
@Priority(Priorities.AUTHORIZATION)
public class ConfigWriterFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (declares(resource.getResourceMethod()) || declares(resource.getResourceClass())) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (!allowed(request.getMethod(), security::isUserInRole)) {
            throw new ForbiddenException();
        }
    }

    /**
     * @param method the HTTP method
     * @param inRole whether the caller holds a role
     * @return true if the API's rule lets the caller make the request
     */
    static boolean allowed(String method, Predicate<String> inRole) {
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        return inRole.test(Roles.ADMIN) || read && inRole.test(Roles.READER);
    }

    /**
     * @param element a resource method or class
     * @return true if it declares its roles itself, for RESTEasy's role-based security
     */
    static boolean declares(AnnotatedElement element) {
        return element != null && (element.isAnnotationPresent(RolesAllowed.class)
                || element.isAnnotationPresent(PermitAll.class) || element.isAnnotationPresent(DenyAll.class));
    }
}
