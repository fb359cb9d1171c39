package dev.ami.admin.rest;

import dev.ami.admin.rest.v1.Actors;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.store.ConfigurationStore;
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

/**
 * {@code /ami/api/config/{manager.conf|http.conf}}: export the stored file ({@code GET}) or import
 * one ({@code POST} of the text, {@code ?dryRun=true} to see what would change). An import is all
 * or nothing, backed up first, and applied by the connector at once.
 */
@RequestScoped
@Path("config/{file}")
@ConfigWriters
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
    public record Report(boolean applied, String backup, ConfigurationDiff diff, List<String> warnings) {
    }

    /** @param error what is wrong and where ({@code manager.conf:12: ...}) */
    public record Refusal(String error) {
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response export(@PathParam("file") String file) {
        return switch (file) {
            case "manager.conf" -> Response.ok(store.exportManagerConf()).build();
            case "http.conf" -> Response.ok(store.exportHttpConf()).build();
            default -> unknown(file);
        };
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(@PathParam("file") String file, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            String text) {
        try {
            ImportReport report = switch (file) {
                case "manager.conf" -> store.importManagerConf(Actors.of(request), text == null ? "" : text, dryRun);
                case "http.conf" -> store.importHttpConf(Actors.of(request), text == null ? "" : text, dryRun);
                default -> null;
            };
            if (report == null) {
                return unknown(file);
            }
            return Response.ok(new Report(report.applied(), report.backup() == null ? null : report.backup().toString(),
                    report.diff(), report.warnings())).build();
        } catch (ConfigParseException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(new Refusal(e.getMessage())).build();
        }
    }

    private static Response unknown(String file) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(new Refusal("only manager.conf and http.conf are stored, not " + file)).build();
    }
}
