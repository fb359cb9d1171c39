package dev.ami.admin.login;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one refusal of the configuration API, whatever was wrong: 401 with the Basic challenge. */
public final class Unauthorized {

    /** The challenge: Basic, credentials read as UTF-8 (RFC 7617). */
    public static final String CHALLENGE = "Basic realm=\"ami\", charset=\"UTF-8\"";

    /** The body. */
    public static final String TEXT = "An AMI account with config write is needed (HTTP Basic authentication)\n";

    private Unauthorized() {
    }

    static void answer(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(TEXT);
    }
}
