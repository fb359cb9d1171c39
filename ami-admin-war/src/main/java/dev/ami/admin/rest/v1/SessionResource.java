package dev.ami.admin.rest.v1;

import dev.ami.admin.login.AmiCredential;
import dev.ami.admin.login.Caller;
import dev.ami.admin.login.ConsoleLogin;
import dev.ami.admin.login.LoginResult;
import dev.ami.admin.login.Logins;
import dev.ami.admin.login.Roles;
import dev.ami.admin.login.Unauthorized;
import dev.ami.api.event.security.SecurityEvents;
import dev.ami.persistence.manager.FieldProblem;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ami/api/v1/session}: the console's login. {@code POST {"username", "secret"}} logs in by
 * the rules of every login here ({@link AmiCredential} through the identity store: permit/deny,
 * secret, the shared throttle, the security events) and answers {@code {username, role, csrfToken}}
 * with a new session (a new id whatever the request had, so a session id planted before the login
 * is worth nothing); a refusal is answered 401 after the failure delay, the request suspended
 * meanwhile, and an account with neither role 403. {@code GET} answers the same body while the
 * session stands, {@code DELETE} ends it. Open to anyone ({@code @PermitAll}): it is where a
 * login starts; it never sends the Basic challenge.
 */
@RequestScoped
@Path("v1/session")
@PermitAll
public class SessionResource {

    @Context
    HttpServletRequest request;

    @Inject
    IdentityStoreHandler identities;

    @Inject
    Logins logins;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /**
     * @param body   {@code {"username": "...", "secret": "..."}}
     * @param answer resumed with {@code 200 {username, role, csrfToken}}, or the refusal
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public void login(InputStream body, @Suspended AsyncResponse answer) {
        JsonValue json = Jsons.read(body);
        if (!(json instanceof JsonObject form)) {
            throw Jsons.badJson("the body is a JSON object {\"username\": ..., \"secret\": ...}");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String username = text(form, "username", problems);
        String secret = text(form, "secret", problems);
        Checks.refuseIf(problems, "username and secret are strings");
        AmiCredential credential = AmiCredential.console(Logins.request(request), username, secret);
        CredentialValidationResult valid = identities.validate(credential);
        LoginResult result = credential.result().orElseThrow();
        if (valid.getStatus() != CredentialValidationResult.Status.VALID) {
            later(answer, result);
            return;
        }
        if (result.groups().isEmpty()) {
            logins.publish(SecurityEvents.requestNotAllowed(result.peer(), username,
                    request.getMethod() + " " + request.getRequestURI(), Instant.now()));
            answer.resume(new Problem(Problem.FORBIDDEN, "Forbidden", Response.Status.FORBIDDEN.getStatusCode(),
                    "the account has config in neither its read nor its write classes", List.of())
                    .toResponse(request.getRequestURI()));
            return;
        }
        HttpSession before = request.getSession(false);
        if (before != null) {
            before.invalidate();
        }
        ConsoleLogin login = ConsoleLogin.of(result);
        request.getSession(true).setAttribute(ConsoleLogin.ATTRIBUTE, login);
        answer.resume(body(login, Roles.role(result.groups())));
    }

    /** @return {@code {username, role, csrfToken}} of the session, 401 without one */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response current() {
        Optional<ConsoleLogin> login = consoleLogin();
        if (login.isEmpty()) {
            return Unauthorized.response(request);
        }
        return body(login.get(), Roles.role(Caller.of(request).orElseThrow().groups()));
    }

    /** @return 204: the session, if any, is over */
    @DELETE
    public Response logout() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    /** The console session of this request, when the mechanism admitted it by its cookie. */
    private Optional<ConsoleLogin> consoleLogin() {
        HttpSession session = request.getSession(false);
        if (session == null || Caller.of(request).filter(c -> c.via() == Caller.Via.CONSOLE).isEmpty()) {
            return Optional.empty();
        }
        return session.getAttribute(ConsoleLogin.ATTRIBUTE) instanceof ConsoleLogin login ? Optional.of(login)
                : Optional.empty();
    }

    private static Response body(ConsoleLogin login, String role) {
        JsonObject json = Json.createObjectBuilder().add("username", login.username())
                .add("role", role == null ? JsonValue.NULL : Json.createValue(role))
                .add("csrfToken", login.csrfToken()).build();
        return Response.ok(Jsons.bytes(json), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A refused login's 401, after its delay, from the managed scheduler: no thread waits. */
    private void later(AsyncResponse answer, LoginResult result) {
        Response refusal = Unauthorized.response(request);
        try {
            scheduler.schedule(() -> answer.resume(refusal), result.delay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            answer.resume(refusal);
        }
    }

    private static String text(JsonObject form, String member, List<FieldProblem> problems) {
        if (form.get(member) instanceof JsonString text) {
            return text.getString();
        }
        problems.add(new FieldProblem(member, form.containsKey(member) ? "must be a string" : "is required"));
        return "";
    }
}
