package dev.ami.admin.rest.v1;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link ProblemException} with its problem, the request's path as the instance. */
@Provider
public class ProblemMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProblemException e) {
        return e.problem().toResponse(uri.getRequestUri().getRawPath());
    }
}
