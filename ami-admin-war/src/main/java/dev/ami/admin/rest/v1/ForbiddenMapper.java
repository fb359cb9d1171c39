package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Caller;
import dev.ami.admin.login.Logins;
import dev.ami.admin.login.Unauthorized;
import dev.ami.api.event.security.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A request the role-based security refused (RESTEasy's for {@code @RolesAllowed}, or
 * {@code ConfigWriterFilter}'s rule): without a login it is 401 ({@link Unauthorized}); with one,
 * 403 {@value Problem#FORBIDDEN} and the RequestNotAllowed event an AMI session raises for an
 * action its classes do not allow, naming the method and path.
 */
@Provider
@ApplicationScoped
public class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {

    private static final Logger LOG = Logger.getLogger(ForbiddenMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Inject
    Logins logins;

    @Override
    public Response toResponse(ForbiddenException e) {
        Optional<Caller> caller = Caller.of(request);
        if (caller.isEmpty()) {
            return Unauthorized.response(request);
        }
        String action = request.getMethod() + " " + request.getRequestURI();
        logins.publish(SecurityEvents.requestNotAllowed(caller.get().peer(), caller.get().username(), action,
                Instant.now()));
        LOG.info(() -> action + " refused to '" + caller.get().username() + "' (groups " + caller.get().groups() + ")");
        String detail = caller.get().groups().isEmpty()
                ? "the account has config in neither its read nor its write classes"
                : "changes need config in the account's write classes";
        return new Problem(Problem.FORBIDDEN, "Forbidden", Response.Status.FORBIDDEN.getStatusCode(), detail, List.of())
                .toResponse(request.getRequestURI());
    }
}
