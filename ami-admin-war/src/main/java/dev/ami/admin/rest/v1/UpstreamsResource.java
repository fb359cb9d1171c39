package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Roles;
import dev.ami.admin.rest.ConfigWriters;
import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.bridge.ConnectorLinks;
import dev.ami.persistence.conf.ConfigText;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.store.ChangeRefused;
import dev.ami.persistence.store.ConfigurationStore;
import dev.ami.persistence.store.UpstreamState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /ami/api/v1/upstreams}: the upstream AMI servers ami keeps a session with, one JSON object
 * each ({@link UpstreamJson}) with its live status from the connector. Changes are checked as an
 * import of upstreams.conf checks them and applied as one is (the connector, and every node of the
 * cluster, re-reads the store once committed); like an account's, each must name the state it
 * changes with {@code If-Match} ({@code *} for any). The secret is write-only: no answer holds it,
 * and a replacement without one keeps the stored secret.
 */
@RequestScoped
@Path("v1/upstreams")
@ConfigWriters
@Tag(name = OpenApiNames.UPSTREAMS)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@APIResponse(responseCode = "5XX", ref = OpenApiNames.DATABASE_FAILURE)
@RolesAllowed(Roles.ADMIN)
public class UpstreamsResource {

    @Inject
    ConfigurationStore store;

    @Inject
    ConnectorLinks links;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    private Actor actor() {
        return Actors.of(request);
    }

    /** A change of one upstream in the store, which may refuse it. */
    @FunctionalInterface
    private interface Change {
        UpstreamState run() throws ChangeRefused;
    }

    /** @return {@code {upstreams: [...]}}, by name, each with its status */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the upstreams", description = "By name, each with its live status (null while the"
            + " connector does not run).")
    @APIResponse(responseCode = "200", description = "Every upstream",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.UPSTREAM_LIST)))
    public Response list() {
        return Jsons.response(Response.ok(), list(store.upstreams(), statuses()));
    }

    /** The list's answer, apart from JAX-RS. */
    static JsonObject list(List<UpstreamState> upstreams, Map<String, UpstreamStatus> statuses) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        upstreams.forEach(u -> list.add(UpstreamJson.view(u, statuses.get(key(u.upstream().name())))));
        return Json.createObjectBuilder().add("upstreams", list).build();
    }

    /**
     * @param body the upstream, its secret included
     * @return 201 with the upstream, its Location and ETag
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an upstream", description = "Its secret is required here.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.UPSTREAM)))
    @APIResponse(responseCode = "201", description = "The upstream as stored",
            headers = {@Header(name = "ETag", ref = OpenApiNames.ETAG),
                    @Header(name = "Location", description = "The upstream's URL",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.UPSTREAM)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = OpenApiNames.CONFLICT)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    public Response create(InputStream body) {
        UpstreamJson.Input in = input(body, null);
        UpstreamState state = change(() -> store.createUpstream(actor(), in.upstream()));
        return written(Response.created(location(state.upstream().name())), state);
    }

    /**
     * @param name the upstream, matched without regard to case
     * @return the upstream with its ETag
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read an upstream", description = "With its live status (null while the connector does not run).")
    @APIResponse(responseCode = "200", description = "The upstream", headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.UPSTREAM)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public Response read(@PathParam("name") String name) {
        UpstreamState state = store.upstream(name).orElseThrow(() -> unknown(name));
        return written(Response.ok(), state);
    }

    /**
     * Replaces everything but the name; members left out take their defaults, a secret left out is kept.
     *
     * @param name the upstream
     * @param body the upstream as it is to be
     * @return the upstream as stored, with its new ETag
     */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an upstream", description = "All but its name; members left out take their defaults,"
            + " a secret left out is kept.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.UPSTREAM)))
    @APIResponse(responseCode = "200", description = "The upstream as stored",
            headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.UPSTREAM)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    public Response replace(@PathParam("name") String name, InputStream body) {
        Predicate<String> ifMatch = ifMatch().strongMatch();
        store.upstream(name).filter(current -> !ifMatch.test(current.etag())).ifPresent(current -> {
            throw refused(new ChangeRefused(ChangeRefused.Reason.STALE, "the upstream " + ConfigText.name(name)
                    + " has changed since the state named by If-Match; read it again", List.of()));
        });
        UpstreamJson.Input in = input(body, name);
        return written(Response.ok(), change(() -> store.replaceUpstream(actor(), name, ifMatch, in.upstream(),
                in.keepSecret())));
    }

    /**
     * @param name the upstream
     * @return 204; ami ends its session with it
     */
    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete an upstream", description = "ami ends its session with it; accounts naming it keep the"
            + " name (their requests are answered that it is not connected).")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    public Response delete(@PathParam("name") String name) {
        Predicate<String> ifMatch = ifMatch().strongMatch();
        try {
            store.deleteUpstream(actor(), name, ifMatch);
        } catch (ChangeRefused e) {
            throw refused(e);
        }
        return Response.noContent().build();
    }

    private static UpstreamJson.Input input(InputStream body, String pathName) {
        List<FieldProblem> problems = new ArrayList<>();
        UpstreamJson.Input in = UpstreamJson.upstream(Jsons.read(body), pathName, problems);
        Checks.refuseIf(problems, "the upstream is not valid");
        return in;
    }

    /** @return the connector's status of each upstream by its key (the name in lower case); none while it does not run */
    private Map<String, UpstreamStatus> statuses() {
        Map<String, UpstreamStatus> byName = new HashMap<>();
        links.ifConnected().map(ConnectorLink::upstreams).orElse(List.of())
                .forEach(s -> byName.put(key(s.name()), s));
        return byName;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private EntityTags ifMatch() {
        return EntityTags.requiredIfMatch(headers.getRequestHeader(HttpHeaders.IF_MATCH), "the upstream as last read,"
                + " or * to change it whatever its state");
    }

    private static UpstreamState change(Change change) {
        try {
            return change.run();
        } catch (ChangeRefused e) {
            throw refused(e);
        }
    }

    private static ProblemException refused(ChangeRefused e) {
        return Problem.refused(e, Problem.UNKNOWN_UPSTREAM, "No such upstream");
    }

    private static ProblemException unknown(String name) {
        return new ProblemException(new Problem(Problem.UNKNOWN_UPSTREAM, "No such upstream", 404,
                "no upstream is named " + ConfigText.name(name) + " (names are matched without regard to case)", List.of()));
    }

    private URI location(String name) {
        return URI.create(uri.getBaseUriBuilder().path(UpstreamsResource.class).build() + "/" + Segments.encode(name));
    }

    private Response written(Response.ResponseBuilder answer, UpstreamState state) {
        return Jsons.response(answer.tag(new EntityTag(state.etag())),
                UpstreamJson.view(state, statuses().get(key(state.upstream().name()))));
    }
}
