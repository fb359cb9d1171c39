package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Roles;
import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.conf.ConfigText;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AccountSection;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.store.AccountPage;
import dev.ami.persistence.store.AccountState;
import dev.ami.persistence.store.AccountWrite;
import dev.ami.persistence.store.ChangeRefused;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
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
 * {@code /ami/api/v1/accounts}: the AMI accounts, one JSON object each ({@link AccountJson}).
 * Every change is checked and applied as an import of manager.conf with that change would be (the
 * store does both, {@link ConfigurationStore#createAccount} and the others), and must name the
 * state it changes: {@code If-Match} with the ETag of a read, or {@code *}; a stale one is
 * answered 412, none 428. Errors are RFC 9457 problems ({@link Problem}). The secret is write-only:
 * {@code PUT .../secret}; no answer holds it.
 */
@RequestScoped
@Path("v1/accounts")
@ConfigWriters
@Tag(name = OpenApiNames.ACCOUNTS)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@APIResponse(responseCode = "5XX", ref = OpenApiNames.DATABASE_FAILURE)
@RolesAllowed(Roles.ADMIN)
public class AccountsResource {

    /** RFC 7396's media type, the only one PATCH takes. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    /** How often a PATCH with {@code If-Match: *} is tried again when the account changed under it. */
    private static final int PATCH_TRIES = 3;

    @Inject
    ConfigurationStore store;

    @Inject
    Validator validator;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    private Actor actor() {
        return Actors.of(request);
    }

    /** A change of one account in the store, which may refuse it. */
    @FunctionalInterface
    private interface Change {
        AccountWrite run() throws ChangeRefused;
    }

    /**
     * @param offset how many accounts to skip (default 0)
     * @param limit  how many to return, 1 to 1000 (default 100)
     * @param q      only accounts whose names hold this, without regard to case
     * @return {@code {total, offset, limit, accounts}}, by name
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the accounts", description = "By name, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of accounts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ACCOUNT_LIST)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    public Response list(@Parameter(ref = OpenApiNames.OFFSET) @QueryParam("offset") String offset,
            @Parameter(ref = OpenApiNames.LIMIT) @QueryParam("limit") String limit,
            @Parameter(description = "Only accounts whose names hold this, without regard to case") @QueryParam("q") String q) {
        Paging paging = Paging.of(offset, limit, validator, new ArrayList<>());
        AccountPage page = store.accounts(q == null ? "" : q, paging.offset(), paging.limit());
        JsonArrayBuilder accounts = Json.createArrayBuilder();
        page.accounts().forEach(a -> accounts.add(AccountJson.view(a)));
        return json(Response.ok(), Json.createObjectBuilder().add("total", page.total()).add("offset", paging.offset())
                .add("limit", paging.limit()).add("accounts", accounts).build());
    }

    /**
     * @param body the account (its secret may be given here, and only here besides {@code PUT .../secret})
     * @return 201 with the account, its Location and ETag
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account", description = "Its secret may be given here.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ACCOUNT)))
    @APIResponse(responseCode = "201", description = "The account as stored",
            headers = {@Header(name = "ETag", ref = OpenApiNames.ETAG),
                    @Header(name = "Location", description = "The account's URL",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ACCOUNT)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = OpenApiNames.CONFLICT)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    public Response create(InputStream body) {
        AccountDefinition account = account(Jsons.read(body), null);
        AccountWrite write = change(() -> store.createAccount(actor(), account));
        return written(Response.created(location(write.state().account().username())), write);
    }

    /**
     * @param name the account, matched without regard to case
     * @return the account with its ETag (304 when If-None-Match names it)
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read an account")
    @Parameter(ref = OpenApiNames.IF_NONE_MATCH)
    @APIResponse(responseCode = "200", description = "The account", headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ACCOUNT)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag If-None-Match names",
            headers = @Header(name = "ETag", ref = OpenApiNames.ETAG))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public Response read(@PathParam("name") String name) {
        AccountState state = store.account(name).orElseThrow(() -> unknown(name));
        EntityTags ifNoneMatch = EntityTags.parse(HttpHeaders.IF_NONE_MATCH, headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH));
        if (ifNoneMatch != null && ifNoneMatch.weakMatch(state.etag())) {
            return Response.notModified(new EntityTag(state.etag())).build();
        }
        return json(Response.ok().tag(new EntityTag(state.etag())), AccountJson.view(state));
    }

    /**
     * Replaces everything but the name and the secret; members left out take their defaults.
     *
     * @param name the account
     * @param body the account as it is to be
     * @return the account as stored, with its new ETag
     */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an account", description = "All but its name and secret; members left out take their defaults.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ACCOUNT)))
    @APIResponse(responseCode = "200", description = "The account as stored",
            headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ACCOUNT)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    public Response replace(@PathParam("name") String name, InputStream body) {
        Predicate<String> ifMatch = ifMatch().strongMatch();
        precondition(name, ifMatch);
        AccountDefinition account = account(Jsons.read(body), name);
        return written(Response.ok(), change(() -> store.replaceAccount(actor(), name, ifMatch, account)));
    }

    /**
     * Changes the members an RFC 7396 merge patch names, applied to the account as a read shows it.
     *
     * @param name the account
     * @param body the merge patch
     * @return the account as stored, with its new ETag
     */
    @PATCH
    @Path("{name}")
    @Consumes(MERGE_PATCH)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some members of an account",
            description = "An RFC 7396 merge patch, applied to the account as a read shows it.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH, schema = @Schema(ref = OpenApiNames.ACCOUNT)))
    @APIResponse(responseCode = "200", description = "The account as stored",
            headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ACCOUNT)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    public Response patch(@PathParam("name") String name, InputStream body) {
        EntityTags ifMatch = ifMatch();
        precondition(name, ifMatch.strongMatch());
        JsonValue patch = Jsons.read(body);
        for (int attempt = 1; ; attempt++) {
            AccountState current = store.account(name).orElseThrow(() -> unknown(name));
            AccountDefinition account = account(Json.createMergePatch(patch).apply(AccountJson.view(current)), name);
            // the patch was applied to this state: the store must still hold it, besides what If-Match says
            String base = current.etag();
            try {
                return written(Response.ok(), store.replaceAccount(actor(), name, etag -> etag.equals(base)
                        && ifMatch.strongMatch().test(etag), account));
            } catch (ChangeRefused e) {
                if (e.reason() != ChangeRefused.Reason.STALE || !ifMatch.any() || attempt == PATCH_TRIES) {
                    throw refused(e);
                }
            }
        }
    }

    /**
     * @param name the account
     * @return 204; its sessions go on until they end, as after an import without it
     */
    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete an account", description = "Its sessions go on until they end.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    public Response delete(@PathParam("name") String name) {
        Predicate<String> ifMatch = ifMatch().strongMatch();
        change(() -> store.deleteAccount(actor(), name, ifMatch));
        return Response.noContent().build();
    }

    /**
     * @param name the account
     * @param body {@code {"name": "new name"}}
     * @return the account under its new name (Content-Location), with its new ETag
     */
    @POST
    @Path("{name}/rename")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename an account")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.RENAME)))
    @APIResponse(responseCode = "200", description = "The account under its new name",
            headers = {@Header(name = "ETag", ref = OpenApiNames.ETAG),
                    @Header(name = "Content-Location", description = "The account's new URL",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ACCOUNT)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = OpenApiNames.CONFLICT)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    public Response rename(@PathParam("name") String name, InputStream body) {
        Predicate<String> ifMatch = ifMatch().strongMatch();
        precondition(name, ifMatch);
        RenameInput in = small(body, AccountJson::rename, "the body must be {\"name\": \"new name\"}");
        AccountWrite write = change(() -> store.renameAccount(actor(), name, ifMatch, in.name()));
        return written(Response.ok().contentLocation(location(write.state().account().username())), write);
    }

    /**
     * @param name the account
     * @param body {@code {"secret": "..."}}
     * @return 204 with the account's new ETag
     */
    @PUT
    @Path("{name}/secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an account's secret", description = "Write-only: no answer holds it.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.SECRET)))
    @APIResponse(responseCode = "204", description = "Set", headers = @Header(name = "ETag", ref = OpenApiNames.ETAG))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    public Response setSecret(@PathParam("name") String name, InputStream body) {
        Predicate<String> ifMatch = ifMatch().strongMatch();
        precondition(name, ifMatch);
        SecretInput in = small(body, AccountJson::secret, "the body must be {\"secret\": \"...\"}");
        AccountWrite write = change(() -> store.setAccountSecret(actor(), name, ifMatch, in.secret()));
        return Response.noContent().tag(new EntityTag(write.state().etag())).build();
    }

    /**
     * @param name the account
     * @return 204 with the account's new ETag; it can no longer log in
     */
    @DELETE
    @Path("{name}/secret")
    @Operation(summary = "Remove an account's secret", description = "It can no longer log in.")
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION), @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @APIResponse(responseCode = "204", description = "Removed", headers = @Header(name = "ETag", ref = OpenApiNames.ETAG))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    public Response removeSecret(@PathParam("name") String name) {
        Predicate<String> ifMatch = ifMatch().strongMatch();
        AccountWrite write = change(() -> store.setAccountSecret(actor(), name, ifMatch, null));
        return Response.noContent().tag(new EntityTag(write.state().etag())).build();
    }

    /**
     * @param json     a body (or a patched account)
     * @param pathName null when creating; else the account the path names, which the body may name too
     */
    private AccountDefinition account(JsonValue json, String pathName) {
        boolean creating = pathName == null;
        List<FieldProblem> problems = new ArrayList<>();
        AccountInput in = AccountJson.account(json, creating, problems);
        if (!creating) {
            if (in.name() != null && !in.name().equalsIgnoreCase(pathName)) {
                problems.add(new FieldProblem(AccountSection.NAME, "is the account's name; rename it with POST"
                        + " /ami/api/v1/accounts/{name}/rename"));
            }
            // the store keeps the stored name; the path's is checked by finding the account
            in = new AccountInput(pathName, in.secret(), in.read(), in.write(), in.acl(), in.allowMultipleLogin(),
                    in.displayConnects(), in.writeTimeout(), in.eventFilters(), in.variables(), in.namedAcls(),
                    in.upstream(), in.upstreams());
        }
        // class names are checked whatever else is wrong, so that every bad member is named at once
        String read = AuthorityNames.stored(in.read(), "read", problems);
        String write = AuthorityNames.stored(in.write(), "write", problems);
        List<FieldProblem> violations = new ArrayList<>();
        Checks.validate(validator, in, violations);
        violations.stream().filter(v -> creating || !AccountSection.NAME.equals(v.field())).forEach(problems::add);
        Checks.refuseIf(problems, "the account is not valid");
        return AccountJson.definition(in, read, write);
    }

    private EntityTags ifMatch() {
        return EntityTags.requiredIfMatch(headers.getRequestHeader(HttpHeaders.IF_MATCH), "the account as last read,"
                + " or * to change it whatever its state");
    }

    private static AccountWrite change(Change change) {
        try {
            return change.run();
        } catch (ChangeRefused e) {
            throw refused(e);
        }
    }

    /** Reads a body of one member, checked by its reader and by Bean Validation; refused (400) with {@code shape}. */
    private <T> T small(InputStream body, BiFunction<JsonValue, List<FieldProblem>, T> reader, String shape) {
        List<FieldProblem> problems = new ArrayList<>();
        T in = reader.apply(Jsons.read(body), problems);
        Checks.validate(validator, in, problems);
        Checks.refuseIf(problems, shape);
        return in;
    }

    /**
     * A stale If-Match is answered 412 before the body is read, as RFC 9110 (13.2.1) evaluates
     * preconditions before the content; the store checks again as it writes.
     */
    private void precondition(String name, Predicate<String> ifMatch) {
        store.account(name).filter(current -> !ifMatch.test(current.etag())).ifPresent(current -> {
            throw refused(new ChangeRefused(ChangeRefused.Reason.STALE, "the account "
                    + ConfigText.name(name) + " has changed since the state named by If-Match; read it again", List.of()));
        });
    }

    private static ProblemException refused(ChangeRefused e) {
        return Problem.refused(e, Problem.UNKNOWN_ACCOUNT, "No such account");
    }

    private static ProblemException unknown(String name) {
        return new ProblemException(new Problem(Problem.UNKNOWN_ACCOUNT, "No such account", 404,
                "no account is named " + ConfigText.name(name) + " (names are matched without regard to case)", List.of()));
    }

    private URI location(String name) {
        return URI.create(uri.getBaseUriBuilder().path(AccountsResource.class).build() + "/" + Segments.encode(name));
    }

    private static Response written(Response.ResponseBuilder answer, AccountWrite write) {
        return json(answer.tag(new EntityTag(write.state().etag())), AccountJson.written(write.state(), write.warnings()));
    }

    private static Response json(Response.ResponseBuilder answer, JsonObject body) {
        return Jsons.response(answer, body);
    }
}
