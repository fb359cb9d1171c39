package dev.ami.admin.rest.v1;

import dev.ami.persistence.manager.FieldProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * What JAX-RS itself refuses under {@code /ami/api/v1} (no such path 404, a method the path does not
 * take 405, a body of a media type the method does not read 415, an answer in none the client
 * accepts 406) as a problem with type {@code about:blank}, its headers (Allow) kept. Other paths
 * keep JAX-RS's own answers.
 */
@Provider
public class HttpProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (!Problem.answers(uri)) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        Response problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail(status),
                List.<FieldProblem>of()).toResponse(uri.getRequestUri().getRawPath());
        Response.ResponseBuilder answer = Response.fromResponse(problem);
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        return answer.build();
    }

    private static String detail(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "nothing is at this path";
            case 405 -> "this path does not take this method (Allow names those it takes)";
            case 406 -> "the answer is application/json (application/problem+json for errors)";
            case 415 -> "this method takes application/json, PATCH application/merge-patch+json";
            default -> status.getReasonPhrase();
        };
    }
}
