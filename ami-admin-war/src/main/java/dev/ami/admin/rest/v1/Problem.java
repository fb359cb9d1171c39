package dev.ami.admin.rest.v1;

import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.store.ChangeRefused;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Objects;

/**
 * An error answer of the API, in RFC 9457's problem details: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, and the extension member {@code errors}, one
 * {@code {field, reason}} per field concerned (empty when no field is). No member quotes a value
 * the client sent but the account's name (in {@code detail} and {@code instance}): another value
 * may be a secret.
 *
 * @param type   a URI naming the kind of problem ({@code about:blank} for a bare HTTP status)
 * @param title  the kind of problem, the same for every occurrence
 * @param status the HTTP status
 * @param detail this occurrence
 * @param errors the fields concerned
 */
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    /** The media type of a problem. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The request body is not JSON, or not the JSON value expected. */
    public static final String BAD_JSON = "urn:ami:problem:bad-json";
    /** A field, a parameter or the account as a whole is not valid. */
    public static final String INVALID = "urn:ami:problem:invalid";
    /** No account has the name. */
    public static final String UNKNOWN_ACCOUNT = "urn:ami:problem:unknown-account";
    /** The name is taken. */
    public static final String NAME_TAKEN = "urn:ami:problem:name-taken";
    /** The account changed since the state If-Match names. */
    public static final String STALE = "urn:ami:problem:stale";
    /** No template has the name. */
    public static final String UNKNOWN_TEMPLATE = "urn:ami:problem:unknown-template";
    /** No upstream has the name. */
    public static final String UNKNOWN_UPSTREAM = "urn:ami:problem:unknown-upstream";
    /** The store cannot make the change coherently. */
    public static final String CONFLICT = "urn:ami:problem:conflict";
    /** A configuration file refused by the import (its file, line and reason in {@code errors}). */
    public static final String REFUSED_FILE = "urn:ami:problem:refused-file";
    /** Only manager.conf, http.conf and upstreams.conf are stored. */
    public static final String UNKNOWN_FILE = "urn:ami:problem:unknown-file";
    /** A change without If-Match. */
    public static final String IF_MATCH_REQUIRED = "urn:ami:problem:if-match-required";
    /** No live AMI session has the id. */
    public static final String UNKNOWN_SESSION = "urn:ami:problem:unknown-session";
    /** The AMI connector has not started (or is not deployed): live sessions cannot be seen or ended. */
    public static final String CONNECTOR_NOT_RUNNING = "urn:ami:problem:connector-not-running";

    /** No login, or a refused one (HTTP Basic, or the console's session). */
    public static final String UNAUTHORIZED = "urn:ami:problem:unauthorized";
    /** The login is right, but the account may not do this (a reader's change, an account without config). */
    public static final String FORBIDDEN = "urn:ami:problem:forbidden";
    /** A change authenticated by the console's cookie without the session's CSRF token, or cross-site. */
    public static final String CSRF = "urn:ami:problem:csrf";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        errors = List.copyOf(errors);
    }

    /**
     * @param e            what the store refused
     * @param unknownType  the problem type when the name is unknown ({@link #UNKNOWN_ACCOUNT}, {@link #UNKNOWN_TEMPLATE})
     * @param unknownTitle its title
     * @return the refusal as the API answers it: 400, 404, 409 or 412
     */
    static ProblemException refused(ChangeRefused e, String unknownType, String unknownTitle) {
        Problem problem = switch (e.reason()) {
            case INVALID -> new Problem(INVALID, "The request is not valid", 400, e.getMessage(), e.problems());
            case UNKNOWN -> new Problem(unknownType, unknownTitle, 404, e.getMessage(), e.problems());
            case EXISTS -> new Problem(NAME_TAKEN, "The name is taken", 409, e.getMessage(), e.problems());
            case STALE -> new Problem(STALE, "The resource has changed", 412, e.getMessage(), e.problems());
            case CONFLICT -> new Problem(CONFLICT, "The change cannot be made", 409, e.getMessage(), e.problems());
        };
        return new ProblemException(problem);
    }

    /**
     * @param uri a request's URI
     * @return true if the request is one of the API v1's, whose errors are problems
     */
    public static boolean answers(UriInfo uri) {
        String path = uri.getPath();
        return path.equals("v1") || path.startsWith("v1/") || path.equals("/v1") || path.startsWith("/v1/");
    }

    /**
     * @param instance the request's path, naming this occurrence
     * @return the problem as JSON, members in RFC 9457's order
     */
    public JsonObject toJson(String instance) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("type", type).add("title", title).add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (FieldProblem e : errors) {
            JsonObjectBuilder item = Json.createObjectBuilder();
            if (e.field() == null) {
                item.addNull("field");
            } else {
                item.add("field", e.field());
            }
            list.add(item.add("reason", e.reason()));
        }
        return json.add("errors", list).build();
    }

    /**
     * @param instance the request's path
     * @return the answer: this status, {@value #MEDIA_TYPE}
     */
    public Response toResponse(String instance) {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(Jsons.bytes(toJson(instance))).build();
    }
}
