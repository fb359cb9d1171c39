package dev.ami.admin.rest.v1;

import dev.ami.admin.rest.ConfigWriters;
import dev.ami.persistence.conf.ConfigText;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.Templates;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /ami/api/v1/templates}: manager.conf's templates ({@code [name](!)}) with the accounts that
 * inherit from each, directly or through another template, and each template's own lines. The store
 * keeps templates in the kept manager.conf only (its tables hold every account with what it
 * inherited applied), so this is what that file says: an account changed over the API says all
 * its lines itself and no longer inherits.
 */
@RequestScoped
@Path("v1/templates")
@ConfigWriters
public class TemplatesResource {

    @Inject
    ConfigurationStore store;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    /**
     * @param offset how many templates to skip (default 0)
     * @param limit  how many to return, 1 to 1000 (default 100)
     * @return {@code {total, offset, limit, templates}}, in file order
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
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
    @GET
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("name") String name) {
        Templates.Template template = store.templates().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ProblemException(new Problem(Problem.UNKNOWN_TEMPLATE, "No such template", 404,
                        "manager.conf as kept has no template named " + ConfigText.name(name), List.of())));
        String etag = template.etag();
        EntityTags ifNoneMatch = EntityTags.parse(HttpHeaders.IF_NONE_MATCH, headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH));
        if (ifNoneMatch != null && ifNoneMatch.weakMatch(etag)) {
            return Response.notModified(new EntityTag(etag)).build();
        }
        return SettingsResource.json(Response.ok().tag(new EntityTag(etag)), SettingsJson.template(template));
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
