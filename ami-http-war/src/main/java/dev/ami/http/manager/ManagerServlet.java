package dev.ami.http.manager;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.message.Header;
import dev.ami.api.net.Addresses;
import dev.ami.persistence.bridge.ConnectorLinks;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request to the AMI HTTP listener, handed undecoded to the connector, which decodes it,
 * runs its action on the session its cookie names and renders the answer as Asterisk does
 * ({@code ConnectorLink.httpManager}). The request is suspended meanwhile, so a WaitEvent long poll
 * holds no request thread; the answer is written from a container thread.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true)
public class ManagerServlet extends HttpServlet {

    /** Asterisk reads a form body of at most this many bytes (main/http.c); one more tells it is longer. */
    private static final int BODY_LIMIT = 40960;

    private static final Logger LOG = Logger.getLogger(ManagerServlet.class.getName());

    @Inject
    ConnectorLinks links;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ConnectorLink> link = links.ifConnected();
        if (link.isEmpty()) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The AMI connector is not running");
            return;
        }
        HttpManagerRequest managerRequest = new HttpManagerRequest(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), request.getContentType(), body(request),
                Collections.list(request.getHeaders("Cookie")),
                Addresses.numeric(request.getLocalAddr(), request.getLocalPort()),
                Addresses.numeric(request.getRemoteAddr(), request.getRemotePort()),
                request.getHeader("Authorization"));
        AsyncContext async = request.startAsync();
        // a WaitEvent lasts up to httptimeout less 10 s; the connector ends every request it takes
        async.setTimeout(0);
        boolean head = "HEAD".equals(request.getMethod());
        link.get().httpManager(managerRequest).whenComplete((reply, failure) -> async.start(() -> {
            try {
                if (failure != null) {
                    LOG.log(Level.WARNING, "An HTTP manager request failed", failure);
                    ((HttpServletResponse) async.getResponse()).sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                } else {
                    write(reply, (HttpServletResponse) async.getResponse(), head);
                }
            } catch (IOException | IllegalStateException gone) {
                LOG.fine(() -> "An HTTP manager answer could not be written (the client left?): " + gone);
            } finally {
                async.complete();
            }
        }));
    }

    /** The body only for a method that has one; Asterisk's limit plus one byte, so that an oversized one is seen. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return new byte[0];
        }
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(BODY_LIMIT + 1);
        }
    }

    private static void write(HttpManagerReply reply, HttpServletResponse response, boolean head) throws IOException {
        response.setStatus(reply.status());
        for (Header header : reply.headers()) {
            response.addHeader(header.name(), header.value());
        }
        response.setContentLength(reply.body().length);
        if (!head) {
            response.getOutputStream().write(reply.body());
        }
    }
}
