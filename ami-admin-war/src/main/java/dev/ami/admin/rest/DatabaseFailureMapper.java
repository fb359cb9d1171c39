package dev.ami.admin.rest;

import dev.ami.admin.rest.v1.Problem;
import dev.ami.persistence.store.DatabaseFailure;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A store call that failed: 503 while the database cannot be reached (a client may try again
 * later), 500 for another database error, each with its SQLSTATE and one log line holding what the
 * database said; anything else is a 500 whose cause is in the log, never in the answer. Every
 * change is one transaction, so it was not made, unless the connection broke while committing it.
 * Under {@code /ami/api/v1} the answer is a {@link Problem}.
 */
@Provider
public class DatabaseFailureMapper implements ExceptionMapper<EJBException> {

    private static final Logger LOG = Logger.getLogger(DatabaseFailureMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(EJBException e) {
        Optional<DatabaseFailure> failure = DatabaseFailure.of(e);
        if (failure.isEmpty()) {
            LOG.log(Level.SEVERE, "A REST request failed", e);
            return refusal(Response.Status.INTERNAL_SERVER_ERROR,
                    "internal error (the server log has the cause); nothing was changed");
        }
        LOG.warning(() -> "A REST request was not served: " + failure.get().message());
        Response.Status status = failure.get().unreachable() ? Response.Status.SERVICE_UNAVAILABLE
                : Response.Status.INTERNAL_SERVER_ERROR;
        // the driver's own words (hosts, ports) stay in the log; a connection lost while committing
        // may have left the change made, which the client cannot tell from here
        return refusal(status, failure.get().summary() + "; the change was not made, unless the database failed while"
                + " committing it: read it back to be sure");
    }

    private Response refusal(Response.Status status, String error) {
        if (uri != null && Problem.answers(uri)) {
            return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), error, List.of())
                    .toResponse(uri.getRequestUri().getRawPath());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ConfigurationResource.Refusal(error)).build();
    }
}
