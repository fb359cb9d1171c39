package dev.ami.admin.rest.v1;

import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.audit.AuditChange;
import dev.ami.persistence.audit.AuditEntry;
import dev.ami.persistence.audit.AuditPage;
import dev.ami.persistence.audit.AuditQuery;
import dev.ami.persistence.audit.AuditTrail;
import dev.ami.persistence.manager.FieldProblem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /ami/api/v1/audit}: the audit trail, newest first, filterable by account, by who made the
 * change and by time.
 */
@RequestScoped
@Path("v1/audit")
@ConfigWriters
@Tag(name = OpenApiNames.AUDIT)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
@APIResponse(responseCode = "5XX", ref = OpenApiNames.DATABASE_FAILURE)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    Validator validator;

    /**
     * @param account only changes of this account (imports that touched it included), without regard to case
     * @param actor   only changes made by this account, without regard to case
     * @param from    only changes at or after this instant (ISO-8601, {@code 2026-12-06T18:00:00Z})
     * @param to      only changes before this instant
     * @param offset  how many entries to skip (default 0)
     * @param limit   how many to return, 1 to 1000 (default 100)
     * @return {@code {total, offset, limit, entries}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the changes of the stored configuration", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of the trail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.AUDIT_LIST)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_REQUEST)
    public Response list(
            @Parameter(description = "Only changes of this account (imports that touched it included), without regard"
                    + " to case") @QueryParam("account") String account,
            @Parameter(description = "Only changes made by this account, without regard to case")
            @QueryParam("actor") String actor,
            @Parameter(description = "Only changes at or after this instant (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "Only changes before this instant (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(ref = OpenApiNames.OFFSET) @QueryParam("offset") String offset,
            @Parameter(ref = OpenApiNames.LIMIT) @QueryParam("limit") String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant since = instant("from", from, problems);
        Instant until = instant("to", to, problems);
        Paging paging = Paging.of(offset, limit, validator, problems);
        AuditPage page = trail.page(new AuditQuery(blankless(account), blankless(actor), since, until, paging.offset(),
                paging.limit()));
        JsonArrayBuilder entries = Json.createArrayBuilder();
        page.entries().forEach(e -> entries.add(json(e)));
        return Jsons.response(Response.ok(), Json.createObjectBuilder().add("total", page.total())
                .add("offset", paging.offset()).add("limit", paging.limit()).add("entries", entries).build());
    }

    static JsonObject json(AuditEntry e) {
        JsonArrayBuilder changes = Json.createArrayBuilder();
        e.changes().forEach(c -> changes.add(json(c)));
        return Json.createObjectBuilder().add("id", e.id()).add("at", e.at().toString())
                .add("actor", e.actor().name()).add("address", nullable(e.actor().address())).add("via", e.actor().via())
                .add("target", Json.createObjectBuilder().add("kind", e.target().kind()).add("name", e.target().name()))
                .add("action", e.action()).add("changes", changes).build();
    }

    private static JsonObject json(AuditChange c) {
        return Json.createObjectBuilder().add("field", c.field()).add("before", nullable(c.before()))
                .add("after", nullable(c.after())).build();
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant instant(String parameter, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(parameter, "must be an instant in ISO-8601 form, such as 2026-12-06T18:00:00Z"));
            return null;
        }
    }
}
