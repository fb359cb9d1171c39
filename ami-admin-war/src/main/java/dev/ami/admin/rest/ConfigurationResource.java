package dev.ami.admin.rest;

import dev.ami.admin.login.Roles;
import dev.ami.admin.rest.v1.Actors;
import dev.ami.admin.rest.v1.OpenApiNames;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /ami/api/config/{manager.conf|http.conf|upstreams.conf}}: export the stored file ({@code GET}) or import
 * one ({@code POST} of the text, {@code ?dryRun=true} to see what would change). An import is all
 * or nothing, backed up first, and applied by the connector at once.
 */
@RequestScoped
@Path("config/{file}")
@ConfigWriters
@Tag(name = OpenApiNames.CONFIGURATION)
@SecurityRequirement(name = OpenApiNames.BASIC)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@APIResponse(responseCode = "404", description = "Not a file the store keeps",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ConfigurationResource.Refusal.class)))
@RolesAllowed(Roles.ADMIN)
public class ConfigurationResource {

    @Inject
    ConfigurationStore store;

    @Context
    HttpServletRequest request;

    /**
     * @param applied  false for a dry run
     * @param backup   where the replaced configuration was saved, or null
     * @param diff     what changed (or would change)
     * @param warnings lines accepted with a warning
     */
    public record Report(boolean applied, String backup, Diff diff, List<String> warnings) {
    }

    /**
     * What this endpoint has always answered of a diff: names only. The field-level changes are
     * {@code /ami/api/v1/config}'s.
     *
     * @param accountsAdded   names of new accounts
     * @param accountsChanged names of accounts whose options differ
     * @param accountsRemoved names of accounts that go away
     * @param settingsChanged one {@code name: old -> new} line per changed setting
     */
    public record Diff(List<String> accountsAdded, List<String> accountsChanged, List<String> accountsRemoved,
            List<String> settingsChanged) {

        static Diff of(ConfigurationDiff d) {
            return new Diff(d.accountsAdded(), d.accountsChanged(), d.accountsRemoved(), d.settingsChanged());
        }

        /** @return true if nothing would change (JSON-B shows it as {@code isEmpty}, as it showed the diff's) */
        public boolean isEmpty() {
            return accountsAdded.isEmpty() && accountsChanged.isEmpty() && accountsRemoved.isEmpty()
                    && settingsChanged.isEmpty();
        }
    }

    /** @param error what is wrong and where ({@code manager.conf:12: ...}) */
    public record Refusal(String error) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.READER})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Export manager.conf, http.conf or upstreams.conf as stored")
    @APIResponse(responseCode = "200", description = "The file's text",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class)))
    public Response export(@Parameter(schema = @Schema(enumeration = {"manager.conf", "http.conf", "upstreams.conf"}))
            @PathParam("file") String file) {
        return switch (file) {
            case "manager.conf" -> Response.ok(store.exportManagerConf()).build();
            case "http.conf" -> Response.ok(store.exportHttpConf()).build();
            case "upstreams.conf" -> Response.ok(store.exportUpstreamsConf()).build();
            default -> unknown(file);
        };
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import manager.conf, http.conf or upstreams.conf", description = "All or nothing, backed up"
            + " first and applied at once; ?dryRun=true only says what would change.")
    @APIResponse(responseCode = "200", description = "What changed (or would change)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @APIResponse(responseCode = "400", description = "The file is refused: where and why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Refusal.class)))
    public Response importFile(@Parameter(schema = @Schema(enumeration = {"manager.conf", "http.conf", "upstreams.conf"}))
            @PathParam("file") String file, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            String text) {
        try {
            ImportReport report = switch (file) {
                case "manager.conf" -> store.importManagerConf(Actors.of(request), text == null ? "" : text, dryRun);
                case "http.conf" -> store.importHttpConf(Actors.of(request), text == null ? "" : text, dryRun);
                case "upstreams.conf" -> store.importUpstreamsConf(Actors.of(request), text == null ? "" : text,
                        dryRun);
                default -> null;
            };
            if (report == null) {
                return unknown(file);
            }
            return Response.ok(new Report(report.applied(), report.backup() == null ? null : report.backup().toString(),
                    Diff.of(report.diff()), report.warnings())).build();
        } catch (ConfigParseException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(new Refusal(e.getMessage())).build();
        }
    }

    private static Response unknown(String file) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(new Refusal("only manager.conf, http.conf and upstreams.conf are stored, not " + file)).build();
    }
}
