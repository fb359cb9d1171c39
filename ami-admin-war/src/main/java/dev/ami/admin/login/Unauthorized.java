package dev.ami.admin.login;

import dev.ami.admin.rest.v1.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The API's 401, whatever was wrong: the problem {@value Problem#UNAUTHORIZED}, and the Basic
 * challenge for a client that may answer it. A browser answers a challenge with its own login
 * prompt, and then sends what the user typed with every later request to this origin by itself;
 * so the console's requests are never challenged: those to {@code /ami/api/v1/session}, those
 * carrying a session cookie (even an expired one) and those marked {@code X-Requested-With}.
 */
public final class Unauthorized {

    /** The challenge: Basic, credentials read as UTF-8 (RFC 7617). */
    public static final String CHALLENGE = "Basic realm=\"ami\", charset=\"UTF-8\"";

    /** The console's login resource, which never challenges. */
    public static final String SESSION_PATH = "/api/v1/session";

    private static final String DETAIL = "an AMI account with config read (to read) or config write (to change)"
            + " is needed: HTTP Basic authentication, or a console session";

    private Unauthorized() {
    }

    /**
     * @param request a request refused 401
     * @return true if the answer carries the Basic challenge
     */
    public static boolean challenges(HttpServletRequest request) {
        return request.getRequestedSessionId() == null && request.getHeader("X-Requested-With") == null
                && !SESSION_PATH.equals(request.getServletPath() + (request.getPathInfo() == null ? ""
                        : request.getPathInfo()));
    }

    /** @return the problem */
    public static Problem problem() {
        return new Problem(Problem.UNAUTHORIZED, "Unauthorized", HttpServletResponse.SC_UNAUTHORIZED, DETAIL, List.of());
    }

    /**
     * @param request the refused request
     * @return the answer, for JAX-RS
     */
    public static Response response(HttpServletRequest request) {
        Response.ResponseBuilder answer = Response.fromResponse(problem().toResponse(request.getRequestURI()));
        if (challenges(request)) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return answer.build();
    }

    static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        if (challenges(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        write(response, problem(), request.getRequestURI());
    }

    /** Writes a problem on the servlet side, as {@link Problem#toResponse} does for JAX-RS. */
    static void write(HttpServletResponse response, Problem problem, String instance) throws IOException {
        response.setStatus(problem.status());
        // bytes, not the writer, which would add a charset parameter JSON has no use for (RFC 8259 8.1)
        response.setContentType(Problem.MEDIA_TYPE);
        response.getOutputStream().write(problem.toJson(instance).toString().getBytes(StandardCharsets.UTF_8));
    }
}
