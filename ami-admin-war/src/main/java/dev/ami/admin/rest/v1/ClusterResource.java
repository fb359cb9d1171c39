package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Roles;
import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.cluster.ClusterNode;
import dev.ami.persistence.cluster.ClusterStatistics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /ami/api/v1/cluster}: this server's view of its ami cluster, its name, the members and what
 * crossed the link ({@link ClusterNode#statistics()}). A server alone answers {@code {"node": null,
 * "members": []}}, without counters: nothing crosses a link it does not have. Read from memory; no
 * connector needed.
 */
@RequestScoped
@Path("v1/cluster")
@ConfigWriters
@Tag(name = OpenApiNames.SERVER)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@RolesAllowed({Roles.ADMIN, Roles.READER})
public class ClusterResource {

    @Inject
    ClusterNode cluster;

    /** @return {@code {node, members, relayed, lost, received, missed, malformed}}, or {@code {node: null, members: []}} alone */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This server's view of its cluster", description = "Its node name, the nodes in the cluster now"
            + " and the counters of its cluster link since it joined. A server alone answers node null, no members and"
            + " no counters.")
    @APIResponse(responseCode = "200", description = "The cluster as this node sees it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.CLUSTER)))
    public Response read() {
        return Jsons.response(Response.ok(), view());
    }

    /** The answer, apart from JAX-RS (see {@link #read}). */
    JsonObject view() {
        Optional<ClusterStatistics> statistics = cluster.statistics();
        if (statistics.isEmpty()) {
            return Json.createObjectBuilder().addNull("node").add("members", Json.createArrayBuilder()).build();
        }
        ClusterStatistics s = statistics.get();
        JsonObjectBuilder json = Json.createObjectBuilder().add("node", s.node())
                .add("members", Json.createArrayBuilder(s.members()));
        return json.add("relayed", s.relayed()).add("lost", s.lost()).add("received", s.received()).add("missed", s.missed())
                .add("malformed", s.malformed()).build();
    }
}
