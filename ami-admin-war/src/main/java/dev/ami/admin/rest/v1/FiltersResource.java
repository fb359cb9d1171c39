package dev.ami.admin.rest.v1;

import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.manager.FieldProblem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /ami/api/v1/filters/test}: would a session whose account has these event filters
 * receive this event? Nothing is stored; the console's filter box asks it as the user types.
 */
@RequestScoped
@Path("v1/filters/test")
@ConfigWriters
@Tag(name = OpenApiNames.ACCOUNTS)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class FiltersResource {

    @Inject
    Validator validator;

    /**
     * @param body {@code {"eventFilters": [{criteria, pattern}...], "event": "Event: Newchannel\r\n..."}}
     * @return {@code {"delivered": true|false, "matches": [per filter, whether it matches]}}; a filter that does
     *         not compile is a 400 problem naming it ({@code eventFilters[1].pattern}) with the import's reason
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Try event filters on a sample event", description = "Whether a session of an account with"
            + " these eventFilters would receive the event, decided by the server's own filter code. Nothing is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, description = "{\"eventFilters\": [{\"criteria\": null, \"pattern\": \"!Event:"
                    + " Newexten\"}], \"event\": \"Event: Newchannel\\r\\nChannel: PJSIP/100-00000001\\r\\n\"}")))
    @APIResponse(responseCode = "200", description = "The outcome", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "{\"delivered\": false, \"matches\": [true]}:"
                    + " delivered or not, and per filter whether it matches")))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    @APIResponse(responseCode = "415", ref = OpenApiNames.UNSUPPORTED_MEDIA_TYPE)
    public Response test(InputStream body) {
        List<FieldProblem> problems = new ArrayList<>();
        FilterTestInput in = AccountJson.filterTest(Jsons.read(body), problems);
        Checks.validate(validator, in, problems);
        Checks.refuseIf(problems, "the body must be {\"eventFilters\": [...], \"event\": \"Event: ...\"}");
        FilterTrial.Outcome outcome = FilterTrial.run(in.eventFilters(), in.event(), problems);
        Checks.refuseIf(problems, "a filter cannot be used, or the event has no name");
        JsonArrayBuilder matches = Json.createArrayBuilder();
        outcome.matches().forEach(matches::add);
        return Jsons.response(Response.ok(), Json.createObjectBuilder().add("delivered", outcome.delivered())
                .add("matches", matches).build());
    }
}
