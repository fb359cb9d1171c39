package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Roles;
import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.conf.ConfigText;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.Templates;
import dev.ami.persistence.store.ChangeRefused;
import dev.ami.persistence.store.ConfigurationStore;
import dev.ami.persistence.store.TemplateWrite;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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
 * {@code /ami/api/v1/templates}: manager.conf's templates ({@code [name](!)}) with the accounts that
 * inherit from each, directly or through another template, and each template's own lines. The store
 * keeps templates in the kept manager.conf only (its tables hold every account with what it
 * inherited applied), so this is what that file says: an account changed over the API says all
 * its lines itself and no longer inherits. {@code PUT /v1/templates/{name}} replaces a template's
 * own lines (If-Match required), applied to every inheriting account as an import would
 * ({@link ConfigurationStore#replaceTemplate}); a secret shown as {@code ********} is kept.
 */
@RequestScoped
@Path("v1/templates")
@ConfigWriters
@Tag(name = OpenApiNames.SETTINGS)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@APIResponse(responseCode = "5XX", ref = OpenApiNames.DATABASE_FAILURE)
@RolesAllowed(Roles.ADMIN)
public class TemplatesResource {

    @Inject
    ConfigurationStore store;

    @Context
    HttpServletRequest request;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    /**
     * @param offset how many templates to skip (default 0)
     * @param limit  how many to return, 1 to 1000 (default 100)
     * @return {@code {total, offset, limit, templates}}, in file order
     */
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "List manager.conf's templates", description = "With the accounts inheriting from each.")
    @APIResponse(responseCode = "200", description = "A page of templates, in file order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.TEMPLATE_LIST)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@Parameter(ref = OpenApiNames.OFFSET) @QueryParam("offset") String offset,
            @Parameter(ref = OpenApiNames.LIMIT) @QueryParam("limit") String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        Paging paging = new Paging(number("offset", offset, 0, problems), number("limit", limit, Paging.DEFAULT_LIMIT,
                problems));
        Checks.validate(validator, paging, problems);
        Checks.refuseIf(problems, "offset is a whole number from 0, limit one from 1 to " + Paging.MAX_LIMIT);
        List<Templates.Template> all = store.templates();
        JsonArrayBuilder templates = Json.createArrayBuilder();
        all.stream().skip(paging.offset()).limit(paging.limit()).forEach(t -> templates.add(SettingsJson.template(t)));
        return SettingsResource.json(Response.ok(), Json.createObjectBuilder().add("total", all.size())
                .add("offset", paging.offset()).add("limit", paging.limit()).add("templates", templates).build());
    }

    /**
     * @param name the template, matched without regard to case
     * @return the template with its ETag (304 when If-None-Match names it)
     */
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "Read a template")
    @APIResponse(responseCode = "200", description = "The template, with its ETag",
            headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.TEMPLATE)))
    @Parameter(ref = OpenApiNames.IF_NONE_MATCH)
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @GET
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("name") String name) {
        Templates.Template template = find(name);
        String etag = template.etag();
        EntityTags ifNoneMatch = EntityTags.parse(HttpHeaders.IF_NONE_MATCH, headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH));
        if (ifNoneMatch != null && ifNoneMatch.weakMatch(etag)) {
            return Response.notModified(new EntityTag(etag)).build();
        }
        return SettingsResource.json(Response.ok().tag(new EntityTag(etag)), SettingsJson.template(template));
    }

    /**
     * @param name the template, matched without regard to case
     * @param body {@code {"options": {option: "value" or ["value", ...]}}}, as a read shows it ({@code name},
     *             {@code accounts} and {@code templates} may be carried back; the last must not change)
     * @return the template as kept now, with its new ETag
     */
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION),
            @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Operation(summary = "Replace a template's own lines", description = "Applied to every inheriting account.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.TEMPLATE)))
    @APIResponse(responseCode = "200", description = "The template as kept now, with the import's warnings",
            headers = @Header(name = "ETag", ref = OpenApiNames.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.TEMPLATE)))
    @Parameter(ref = OpenApiNames.IF_MATCH)
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = OpenApiNames.PRECONDITION_FAILED)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", ref = OpenApiNames.PRECONDITION_REQUIRED)
    @APIResponse(responseCode = "409", ref = OpenApiNames.CONFLICT)
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("name") String name, InputStream body) {
        Predicate<String> ifMatch = EntityTags.requiredIfMatch(headers.getRequestHeader(HttpHeaders.IF_MATCH),
                "the template as last read, or * to change it whatever its state").strongMatch();
        Templates.Template current = find(name);
        if (!ifMatch.test(current.etag())) {
            throw SettingsResource.refused(new ChangeRefused(ChangeRefused.Reason.STALE, "the template "
                    + ConfigText.name(current.name()) + " has changed since the state named by If-Match; read it again",
                    List.of()));
        }
        Map<String, Object> options = options(Jsons.read(body), current);
        try {
            TemplateWrite write = store.replaceTemplate(Actors.of(request), name, ifMatch, options);
            JsonObject view = SettingsJson.template(write.template());
            if (!write.warnings().isEmpty()) {
                view = Json.createObjectBuilder(view).add("warnings", SettingsJson.problems(write.warnings())).build();
            }
            return SettingsResource.json(Response.ok().tag(new EntityTag(write.template().etag())), view);
        } catch (ChangeRefused e) {
            throw SettingsResource.refused(e);
        }
    }

    /** The body's options, each a string or an array of strings; a masked secret stands for the current one. */
    private static Map<String, Object> options(JsonValue body, Templates.Template current) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Jsons.badJson("the body must be a JSON object");
        }
        JsonObject json = body.asJsonObject();
        List<FieldProblem> problems = new ArrayList<>();
        json.keySet().stream().filter(m -> !Set.of("name", "accounts", "templates", "options").contains(m))
                .forEach(m -> problems.add(new FieldProblem(m, "is not a member of a template")));
        if (json.containsKey("name") && !(json.get("name") instanceof JsonString n && n.getString().equalsIgnoreCase(
                current.name()))) {
            problems.add(new FieldProblem("name", "is the template's name, which this API does not change"));
        }
        if (json.containsKey("templates") && !(json.get("templates") instanceof JsonArray a
                && a.stream().allMatch(JsonString.class::isInstance)
                && a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList().equals(current.templates()))) {
            problems.add(new FieldProblem("templates", "are the templates it inherits from, which this API does not change"));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        JsonValue given = json.get("options");
        if (!(given instanceof JsonObject object)) {
            problems.add(new FieldProblem("options", "must be an object of option names and their values"));
        } else {
            object.forEach((option, value) -> {
                if (value instanceof JsonString text) {
                    options.put(option, text.getString());
                } else if (value instanceof JsonArray list && !list.isEmpty()
                        && list.stream().allMatch(JsonString.class::isInstance)) {
                    options.put(option, list.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
                } else {
                    problems.add(new FieldProblem("options." + option, "must be a string or an array of strings"));
                }
            });
        }
        Checks.refuseIf(problems, "the template is not valid");
        // the secret is shown masked: carried back, it keeps the one written
        options.replaceAll((option, value) -> option.equalsIgnoreCase("secret") && ConfigurationDiff.MASK.equals(value)
                && current.options().containsKey(option) ? current.options().get(option) : value);
        return options;
    }

    private Templates.Template find(String name) {
        return store.templates().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ProblemException(new Problem(Problem.UNKNOWN_TEMPLATE, "No such template", 404,
                        "manager.conf as kept has no template named " + ConfigText.name(name), List.of())));
    }

    private static int number(String parameter, String value, int dflt, List<FieldProblem> problems) {
        if (value == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(parameter, "must be a whole number"));
            return dflt;
        }
    }
}
