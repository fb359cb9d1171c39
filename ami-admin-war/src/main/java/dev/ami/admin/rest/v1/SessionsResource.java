package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Roles;
import dev.ami.admin.rest.ConfigWriters;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.bridge.AmiSessions;
import dev.ami.persistence.bridge.ConnectorNotRunning;
import dev.ami.persistence.bridge.LiveSession;
import dev.ami.persistence.manager.FieldProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /ami/api/v1/sessions}: the connector's live AMI sessions (TCP, TLS and the HTTP manager's),
 * read from memory through {@link AmiSessions}, and ending them ("kick"). When the server is a node of
 * a cluster, every session carries its node, and the other nodes' logged-in sessions are listed after
 * this one's (without their counters, which live on their node); ending one of those asks its node
 * and is answered 202, requested and not yet done. A session is no stored resource: it carries no
 * ETag, and ending one needs no If-Match. While the connector is not running every request is
 * answered 503.
 */
@RequestScoped
@Path("v1/sessions")
@ConfigWriters
@Tag(name = OpenApiNames.SESSIONS)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@APIResponse(responseCode = "503", ref = OpenApiNames.CONNECTOR_NOT_RUNNING)
@RolesAllowed(Roles.ADMIN)
public class SessionsResource {

    /** The transports a session may have, as {@link SessionStatistics#transport()} names them. */
    static final Set<String> TRANSPORTS = Set.of("TCP", "TLS", "HTTP");

    /**
     * The list's order: this server's sessions first, oldest connection first; then the other nodes',
     * oldest login first (their nodes do not tell when they connected); then by id, so that pages
     * follow each other.
     */
    private static final Comparator<LiveSession> ORDER = Comparator
            .comparing((LiveSession s) -> s instanceof LiveSession.Elsewhere)
            .thenComparing(SessionsResource::since, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(LiveSession::id);

    @Inject
    AmiSessions sessions;

    @Inject
    Validator validator;

    @Context
    HttpServletRequest request;

    /**
     * @param account   only sessions logged in with this account (matched without regard to case)
     * @param transport only sessions of this transport: {@code TCP}, {@code TLS} or {@code HTTP}
     * @param node      only sessions of this node of the cluster (none when the server runs alone)
     * @param offset    how many sessions to skip (default 0)
     * @param limit     how many to return, 1 to 1000 (default 100)
     * @return {@code {total, offset, limit, sessions}}: this server's, oldest connection first, then the
     *         other nodes', oldest login first
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "List the live AMI sessions", description = "TCP, TLS and HTTP manager sessions: this server's,"
            + " oldest connection first, then, when it is a node of a cluster, the other nodes' logged-in sessions, oldest"
            + " login first, each with its node and without counters (they are on its node). Paged over the whole list.")
    @APIResponse(responseCode = "200", description = "A page of the sessions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.SESSION_LIST)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    public Response list(
            @Parameter(description = "Only sessions logged in with this account, without regard to case")
            @QueryParam("account") String account,
            @Parameter(description = "Only sessions of this transport", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"TCP", "TLS", "HTTP"})) @QueryParam("transport") String transport,
            @Parameter(description = "Only sessions of this node of the cluster, by its name as sessions show it (exact)")
            @QueryParam("node") String node,
            @Parameter(ref = OpenApiNames.OFFSET) @QueryParam("offset") String offset,
            @Parameter(ref = OpenApiNames.LIMIT) @QueryParam("limit") String limit) {
        return Jsons.response(Response.ok(), listing(account, transport, node, offset, limit));
    }

    /** The list's answer, apart from JAX-RS (see {@link #list}). */
    JsonObject listing(String account, String transport, String node, String offset, String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        String wantedTransport = transport == null || transport.isEmpty() ? null : transport.toUpperCase(Locale.ROOT);
        if (wantedTransport != null && !TRANSPORTS.contains(wantedTransport)) {
            problems.add(new FieldProblem("transport", "must be TCP, TLS or HTTP"));
        }
        Paging paging = Paging.of(offset, limit, validator, problems);
        List<LiveSession> matching = connector(sessions::all).stream()
                .filter(s -> account == null || account.isEmpty() || s.username().equalsIgnoreCase(account))
                .filter(s -> wantedTransport == null || s.transport().equals(wantedTransport))
                .filter(s -> node == null || node.isEmpty() || node.equals(s.node()))
                .sorted(ORDER).toList();
        JsonArrayBuilder page = Json.createArrayBuilder();
        matching.stream().skip(paging.offset()).limit(paging.limit()).forEach(s -> page.add(SessionJson.view(s)));
        return Json.createObjectBuilder().add("total", matching.size()).add("offset", paging.offset())
                .add("limit", paging.limit()).add("sessions", page).build();
    }

    /** This server's sessions by their connection, the other nodes' by their login: what their nodes tell. */
    private static Instant since(LiveSession s) {
        return s instanceof LiveSession.Here here ? here.statistics().connectedAt() : s.loggedInAt();
    }

    /**
     * @param id a session id
     * @return the session, this server's or another node's (404 if no live session has that id)
     */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "Read a live AMI session", description = "This server's, else another node's of its cluster"
            + " (without counters).")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.SESSION_VIEW)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public Response read(@PathParam("id") String id) {
        return Jsons.response(Response.ok(), SessionJson.view(session(id)));
    }

    /** The session, apart from JAX-RS (see {@link #read}). */
    LiveSession session(String id) {
        return connector(() -> sessions.find(id)).orElseThrow(SessionsResource::unknown);
    }

    /**
     * Ends one session, without a message to its client: a TCP or TLS connection is closed, an
     * HTTP manager session forgotten (its cookie no longer works; a pending WaitEvent is answered).
     * The audit trail records it (target {@code session}, action {@code kick}). Another node's session
     * is ended by that node, which is asked without waiting for it: 202, and the entry names the node.
     *
     * @param id a session id
     * @return 204 when ended here, 202 when its node was asked (404 if no live session has that id)
     */
    @DELETE
    @Path("{id}")
    @Operation(summary = "End a live AMI session (kick)", description = "Without a message to its client: a TCP or TLS"
            + " connection is closed, an HTTP manager session forgotten (its cookie no longer works, a pending WaitEvent"
            + " is answered). Recorded in the audit trail; no If-Match (a session is no stored resource). A session of"
            + " another node of the cluster is ended by its node, which is asked without waiting for it: 202.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @APIResponse(responseCode = "204", description = "Ended (a session of this server)")
    @APIResponse(responseCode = "202", description = "Requested: the session is another node's, and that node was asked to"
            + " end it (it does soon; the audit entry's askedNode names it)")
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public Response kick(@PathParam("id") String id) {
        return Response.status(status(end(id, Actors.of(request)))).build();
    }

    /**
     * @param ended the session a kick found
     * @return 204 for a session this server ended, 202 for one whose node was asked: requested, not yet done
     */
    static Response.Status status(LiveSession ended) {
        return ended instanceof LiveSession.Elsewhere ? Response.Status.ACCEPTED : Response.Status.NO_CONTENT;
    }

    /** Ends the session, apart from JAX-RS (see {@link #kick}). */
    LiveSession end(String id, Actor actor) {
        return connector(() -> sessions.kick(id, actor)).orElseThrow(SessionsResource::unknown);
    }

    /**
     * Ends every session logged in with one account, as {@link #kick} ends one.
     *
     * @param account the account (required: there is no "kick everybody")
     * @return {@code {"kicked": n}}, and in a cluster {@code "requested": m}, the other nodes' sessions
     *         whose nodes were asked to end them
     */
    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "End every live AMI session of an account", description = "As a kick of one; sessions not"
            + " logged in are never among them. The account itself is untouched. In a cluster, the other nodes' sessions"
            + " of the account are ended by their nodes, which are asked without waiting (counted as requested).")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @APIResponse(responseCode = "200", description = "How many sessions were ended here, and asked of other nodes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.KICKED)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    public Response kickAccount(@Parameter(description = "The account, without regard to case (required)", required = true)
            @QueryParam("account") String account) {
        return Jsons.response(Response.ok(), kicked(endAll(account, Actors.of(request))));
    }

    /**
     * @param ended the sessions a kick of an account ended here and asked of other nodes
     * @return {@code {kicked, requested}}, {@code requested} only when the server is a node of a cluster
     */
    JsonObject kicked(List<LiveSession> ended) {
        long asked = ended.stream().filter(LiveSession.Elsewhere.class::isInstance).count();
        JsonObjectBuilder json = Json.createObjectBuilder().add("kicked", ended.size() - asked);
        if (sessions.node().isPresent()) {
            json.add("requested", asked);
        }
        return json.build();
    }

    /** Ends the account's sessions, apart from JAX-RS (see {@link #kickAccount}). */
    List<LiveSession> endAll(String account, Actor actor) {
        if (account == null || account.isEmpty()) {
            Checks.refuseIf(List.of(new FieldProblem("account", "is required: the account whose sessions to end")),
                    "DELETE /ami/api/v1/sessions ends the sessions of one account: ?account=name");
        }
        return connector(() -> sessions.kickAccount(account, actor));
    }

    /**
     * @param call a call to the connector
     * @return what it returned
     * @throws ProblemException 503 while the connector is not running
     */
    static <T> T connector(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConnectorNotRunning e) {
            throw new ProblemException(new Problem(Problem.CONNECTOR_NOT_RUNNING, "The AMI connector is not running", 503,
                    "the AMI connector has not started yet, or has stopped: live sessions cannot be seen or ended now",
                    List.of()));
        }
    }

    private static ProblemException unknown() {
        return new ProblemException(new Problem(Problem.UNKNOWN_SESSION, "No such session", 404,
                "no live AMI session has this id (it may have ended)", List.of()));
    }
}
