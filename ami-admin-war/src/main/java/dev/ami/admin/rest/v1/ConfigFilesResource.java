package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Roles;
import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigText;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /ami/api/v1/config/{manager.conf|http.conf|upstreams.conf}}: the export ({@code GET}, text) and the import
 * ({@code POST} of the text; {@code ?dryRun=true} changes nothing) of the store's three files, the same
 * two store methods as {@code /ami/api/config/...} (which {@code bin/ami-config} keeps calling), with
 * the answer field by field: {@code {file, dryRun, applied, changes: [{kind, name, change, fields:
 * [{field, before, after}]}], warnings}}, secrets shown as {@code ********}. A refused file is a
 * problem naming its file, line and reason.
 */
@RequestScoped
@Path("v1/config/{file}")
@ConfigWriters
@Tag(name = OpenApiNames.SETTINGS)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@APIResponse(responseCode = "5XX", ref = OpenApiNames.DATABASE_FAILURE)
@RolesAllowed(Roles.ADMIN)
public class ConfigFilesResource {

    private static final List<String> FILES = List.of("manager.conf", "http.conf", "upstreams.conf");

    @Inject
    ConfigurationStore store;

    @Context
    HttpServletRequest request;

    /**
     * @param file manager.conf, http.conf or upstreams.conf
     * @return the stored file as text
     */
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Operation(summary = "Export manager.conf, http.conf or upstreams.conf")
    @APIResponse(responseCode = "200", description = "The stored file as text (secrets in clear, as the import reads them)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response export(@PathParam("file") String file) {
        String text = switch (known(file)) {
            case "manager.conf" -> store.exportManagerConf();
            case "http.conf" -> store.exportHttpConf();
            default -> store.exportUpstreamsConf();
        };
        return Response.ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * @param file   manager.conf, http.conf or upstreams.conf
     * @param dryRun {@code true} to change nothing and only say what would change
     * @param text   the file
     * @return what changed (or would), field by field
     */
    @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.BASIC))
    @SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.SESSION),
            @SecurityRequirement(name = OpenApiNames.CSRF)})
    @Operation(summary = "Import manager.conf, http.conf or upstreams.conf",
            description = "dryRun=true only answers what would change, field by field.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "What changed (or would), field by field",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.IMPORT_REPORT)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(@PathParam("file") String file,
            @Parameter(description = "true: change nothing, only answer what would change") @QueryParam("dryRun") String dryRun,
            String text) {
        known(file);
        boolean dry = dryRun(dryRun);
        String body = text == null ? "" : text;
        ImportReport report;
        try {
            report = switch (file) {
                case "manager.conf" -> store.importManagerConf(Actors.of(request), body, dry);
                case "http.conf" -> store.importHttpConf(Actors.of(request), body, dry);
                default -> store.importUpstreamsConf(Actors.of(request), body, dry);
            };
        } catch (ConfigParseException e) {
            String place = ConfigText.escaped(e.file()) + ":" + e.line();
            String reason = e.getMessage().startsWith(place + ": ") ? e.getMessage().substring(place.length() + 2)
                    : e.getMessage();
            throw new ProblemException(new Problem(Problem.REFUSED_FILE, "The file was refused", 400, e.getMessage(),
                    List.of(new FieldProblem(place, reason))));
        }
        return SettingsResource.json(Response.ok(), Json.createObjectBuilder().add("file", file).add("dryRun", dry)
                .add("applied", report.applied()).add("changes", SettingsJson.changes(report.diff()))
                .add("warnings", Json.createArrayBuilder(report.warnings())).build());
    }

    private static String known(String file) {
        if (!FILES.contains(file)) {
            throw new ProblemException(new Problem(Problem.UNKNOWN_FILE, "No such file", 404,
                    "only manager.conf, http.conf and upstreams.conf are stored", List.of()));
        }
        return file;
    }

    /** {@code dryRun} absent or {@code false}: import; {@code true}: only report. Anything else is refused. */
    private static boolean dryRun(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ProblemException(new Problem(Problem.INVALID, "The request is not valid", 400,
                "dryRun is true or false", List.of(new FieldProblem("dryRun", "must be true or false"))));
    }
}
