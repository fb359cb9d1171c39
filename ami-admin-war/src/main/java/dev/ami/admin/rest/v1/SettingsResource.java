package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Roles;
import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.SettingsForm;
import dev.ami.persistence.store.ChangeRefused;
import dev.ami.persistence.store.ConfigurationStore;
import dev.ami.persistence.store.SettingsState;
import dev.ami.persistence.store.SettingsWrite;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
 * {@code /ami/api/v1/settings/general} (manager.conf's {@code [general]}) and
 * {@code /ami/api/v1/settings/http} (http.conf's): one JSON object whose members are the file's
 * option names ({@link SettingsForm}). A change is checked option by option by the file's own
 * reader and applied as an import of the file with those lines would be (the store does both,
 * {@link ConfigurationStore#replaceGeneralSettings}); it needs {@code If-Match} (428 without, 412
 * stale, {@code *} whatever the state). PUT replaces the whole section (options left out take the
 * file's defaults); PATCH takes an RFC 7396 merge patch of what GET shows.
 */
@RequestScoped
@Path("v1/settings/{section: general|http}")
@ConfigWriters
@Tag(name = OpenApiNames.SETTINGS)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@APIResponse(responseCode = "5XX", ref = OpenApiNames.DATABASE_FAILURE)
@RolesAllowed(Roles.ADMIN)
public class SettingsResource {

    /** How often a PATCH with {@code If-Match: *} is tried again when the settings changed under it. */
    private static final int PATCH_TRIES = 3;

    @Inject
    ConfigurationStore store;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    /** A replacement of one section in the store, which may refuse it. */
    @FunctionalInterface
    private interface Replace {
        SettingsWrite run(Actor actor, Predicate<String> ifMatch, Map<String, Object> values) throws ChangeRefused;
    }

    /** The section a path names: its form, its state and its change. */
    private record Section(SettingsForm<?> form, Supplier<SettingsState> state, Replace replace) {
    }

    private Section section(String name) {
        return name.equals("http")
                ? new Section(SettingsForm.HTTP, store::httpGeneralSettings, store::replaceHttpGeneralSettings)
                : new Section(SettingsForm.GENERAL, store::generalSettings, store::replaceGeneralSettings);
    }

    /**
     * @param name {@code general} or {@code http}
     * @return the section with its ETag (304 when If-None-Match names it)
     */
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "Read manager.conf's or http.conf's [general] settings")
    @APIResponse(responseCode = "200", description = "Every option, with its ETag",
            headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.SETTINGS_VIEW)))
    @Parameter(ref = OpenApiNames.IF_NONE_MATCH)
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("section") String name) {
        SettingsState state = section(name).state().get();
        EntityTags ifNoneMatch = EntityTags.parse(HttpHeaders.IF_NONE_MATCH, headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH));
        if (ifNoneMatch != null && ifNoneMatch.weakMatch(state.etag())) {
            return Response.notModified(new EntityTag(state.etag())).build();
        }
        return json(Response.ok().tag(new EntityTag(state.etag())), SettingsJson.view(state.values()));
    }

    /**
     * @param name {@code general} or {@code http}
     * @param body every option as it is to be; those left out (or null) take the file's default
     * @return the section as stored, with its new ETag
     */
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION),
            @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Operation(summary = "Replace the settings", description = "Options left out take the file's defaults.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.SETTINGS_VIEW)))
    @APIResponse(responseCode = "200", description = "The settings as stored, with the import's warnings",
            headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.SETTINGS_VIEW)))
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("section") String name, InputStream body) {
        Section section = section(name);
        Predicate<String> ifMatch = ifMatch().strongMatch();
        precondition(section, ifMatch);
        Map<String, Object> values = values(section.form(), Jsons.read(body));
        return written(change(section, Actors.of(request), ifMatch, values));
    }

    /**
     * @param name {@code general} or {@code http}
     * @param body an RFC 7396 merge patch of what GET shows
     * @return the section as stored, with its new ETag
     */
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION),
            @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Operation(summary = "Change some settings", description = "An RFC 7396 merge patch of what a read shows.")
    @RequestBody(required = true,
            content = @Content(mediaType = AccountsResource.MERGE_PATCH, schema = @Schema(ref = OpenApiNames.SETTINGS_VIEW)))
    @APIResponse(responseCode = "200", description = "The settings as stored, with the import's warnings",
            headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.SETTINGS_VIEW)))
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    @PATCH
    @Consumes(AccountsResource.MERGE_PATCH)
    @Produces(MediaType.APPLICATION_JSON)
    public Response patch(@PathParam("section") String name, InputStream body) {
        Section section = section(name);
        EntityTags ifMatch = ifMatch();
        precondition(section, ifMatch.strongMatch());
        JsonValue patch = Jsons.read(body);
        if (patch.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Jsons.badJson("a merge patch of settings must be a JSON object");
        }
        for (int attempt = 1; ; attempt++) {
            SettingsState current = section.state().get();
            Map<String, Object> values = values(section.form(), Json.createMergePatch(patch)
                    .apply(SettingsJson.view(current.values())));
            String base = current.etag();
            try {
                return written(section.replace().run(Actors.of(request), etag -> etag.equals(base)
                        && ifMatch.strongMatch().test(etag), values));
            } catch (ChangeRefused e) {
                if (e.reason() != ChangeRefused.Reason.STALE || !ifMatch.any() || attempt == PATCH_TRIES) {
                    throw refused(e);
                }
            }
        }
    }

    private static Map<String, Object> values(SettingsForm<?> form, JsonValue json) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> values = SettingsJson.values(form, json, problems);
        Checks.refuseIf(problems, "the settings are not valid");
        return values;
    }

    private static SettingsWrite change(Section section, Actor actor, Predicate<String> ifMatch,
            Map<String, Object> values) {
        try {
            return section.replace().run(actor, ifMatch, values);
        } catch (ChangeRefused e) {
            throw refused(e);
        }
    }

    private EntityTags ifMatch() {
        return EntityTags.requiredIfMatch(headers.getRequestHeader(HttpHeaders.IF_MATCH), "the settings as last read,"
                + " or * to change them whatever their state");
    }

    /** A stale If-Match is answered 412 before the body is read (RFC 9110, 13.2.1); the store checks again. */
    private static void precondition(Section section, Predicate<String> ifMatch) {
        if (!ifMatch.test(section.state().get().etag())) {
            throw refused(new ChangeRefused(ChangeRefused.Reason.STALE, section.form().file()
                    + " [general] has changed since the state named by If-Match; read it again", List.of()));
        }
    }

    static ProblemException refused(ChangeRefused e) {
        return Problem.refused(e, Problem.UNKNOWN_TEMPLATE, "No such template");
    }

    private static Response written(SettingsWrite write) {
        return json(Response.ok().tag(new EntityTag(write.state().etag())),
                SettingsJson.written(write.state().values(), write.state().warnings()));
    }

    static Response json(Response.ResponseBuilder answer, JsonObject body) {
        return Jsons.response(answer, body);
    }
}
