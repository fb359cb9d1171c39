package dev.ami.admin.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers of the admin console's files ({@code /ami/console/...}): a Content-Security-Policy
 * that lets the page load scripts, styles, images and API calls from this origin only, with no
 * inline script or style and no framing, so that an injected string can never run; the files are
 * plain ES modules and CSS, written for that. The page is revalidated on every load, so an updated
 * WAR is never mixed with cached modules of the old one.
 */
@WebFilter(urlPatterns = {"/console", "/console/*"})
public class ConsoleHeadersFilter extends HttpFilter {

    /** Only 'self'; nothing inline, no plugins, no framing, no base or form target elsewhere. */
    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
