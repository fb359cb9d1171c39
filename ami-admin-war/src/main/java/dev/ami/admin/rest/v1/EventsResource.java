package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Roles;
import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.bridge.AmiSessions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /ami/api/v1/events/statistics}: what the connector's event router has done since the
 * connector started, per event name (fired; taken by how many sessions) and per live session
 * (queued, delivered, dropped). 503 while the connector is not running.
 */
@RequestScoped
@Path("v1/events")
@ConfigWriters
@Tag(name = OpenApiNames.SESSIONS)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@APIResponse(responseCode = "503", ref = OpenApiNames.CONNECTOR_NOT_RUNNING)
@RolesAllowed({Roles.ADMIN, Roles.READER})
public class EventsResource {

    @Inject
    AmiSessions sessions;

    /** @return {@code {since, events: [{name, fired, delivered}], sessions: [{id, username, queued, delivered, dropped}]}} */
    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Event statistics since the connector started", description = "Per event name: fired, and"
            + " taken by how many sessions; per live session: queued, delivered, dropped.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.EVENT_STATISTICS)))
    public Response statistics() {
        return Jsons.response(Response.ok(), SessionsResource.connector(
                () -> SessionJson.statistics(sessions.events(), sessions.list())));
    }
}
