package dev.ami.admin.rest;

import dev.ami.admin.login.ConfigLoginFilter;
import dev.ami.admin.login.Unauthorized;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A second lock on the resources marked {@link ConfigWriters}: they run only for requests that
 * {@link ConfigLoginFilter} admitted. The login itself is the servlet filter's, which can suspend
 * a refused request for the failure delay; but its URL pattern matches paths as the servlet
 * container sees them, while this binding holds for whatever path reaches the resource. (No
 * variant tried, such as {@code //}, {@code ;x=1}, {@code %2F} or {@code %63onfig}, reached the
 * resource past the servlet filter; this keeps it so if the two ever disagree.) The one resource
 * under those paths not bound here is {@code rest.v1.OpenApiResource}, the public document, which
 * the servlet filter passes unlogged only at exactly {@link ConfigLoginFilter#PUBLIC_DOCUMENT}.
 */
@Provider
@ConfigWriters
@Priority(Priorities.AUTHENTICATION)
public class ConfigWriterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        // a servlet request attribute: set by the server only, never by the client
        if (request.getProperty(ConfigLoginFilter.ADMITTED_ACCOUNT) == null) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, Unauthorized.CHALLENGE)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity(Unauthorized.TEXT).build());
        }
    }
}
