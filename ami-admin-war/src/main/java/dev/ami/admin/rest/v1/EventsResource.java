package dev.ami.admin.rest.v1;

import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.bridge.AmiSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /ami/api/v1/events/statistics}: what the connector's event router has done since the
 * connector started, per event name (fired; taken by how many sessions) and per live session
 * (queued, delivered, dropped). 503 while the connector is not running.
 */
@RequestScoped
@Path("v1/events")
@ConfigWriters
public class EventsResource {

    @Inject
    AmiSessions sessions;

    /** @return {@code {since, events: [{name, fired, delivered}], sessions: [{id, username, queued, delivered, dropped}]}} */
    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    public Response statistics() {
        return Jsons.response(Response.ok(), SessionsResource.connector(
                () -> SessionJson.statistics(sessions.events(), sessions.list())));
    }
}
