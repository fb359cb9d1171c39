package dev.ami.http.manager;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.message.Header;
import dev.ami.persistence.bridge.ConnectorLinks;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.ServerConnection;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import jakarta.enterprise.inject.spi.CDI;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xnio.IoUtils;

/**
 * Every request to the AMI HTTP listener, handed undecoded to the connector
 * ({@code ConnectorLink.httpManager}), which decodes it, runs its action on the session its cookie
 * (or digest) names and renders the answer as Asterisk does. It runs in front of the servlet chain,
 * on Undertow's I/O thread, and the answer is sent from that thread when the connector completes
 * it: no request thread is taken (a WaitEvent long poll holds none), and the exchange ends on the
 * thread that reads the connection. A servlet answering on a worker thread let a keep-alive
 * client's next request arrive while the worker was still ending the exchange, and Undertow's I/O
 * thread spins until it has (BENCHMARKS.md, the HTTP manager). A session a request makes lives on
 * this I/O thread too ({@link IoThread}), so that most answers are ready when the connector
 * returns and go out at once, without a change of threads.
 */
final class ManagerHandler implements HttpHandler {

    /** Asterisk reads a form body of at most this many bytes (main/http.c); one more tells it is longer. */
    private static final int BODY_LIMIT = 40960;

    private static final Logger LOG = Logger.getLogger(ManagerHandler.class.getName());
    private static final HttpString POST = HttpString.tryFromString("POST");

    private final ClassLoader deployment;
    private final ConnectionLimit sessionLimit = new ConnectionLimit();
    private volatile ConnectorLinks links;

    /** @param deployment this deployment's class loader: CDI finds the deployment's beans through it */
    ManagerHandler(ClassLoader deployment) {
        this.deployment = deployment;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Optional<ConnectorLink> link = links().ifConnected();
        if (link.isEmpty()) {
            exchange.setStatusCode(503);
            exchange.getResponseSender().send("The AMI connector is not running\n");
            return;
        }
        ServerConnection connection = exchange.getConnection();
        int limit = link.get().configuration().http().sessionLimit();
        if (!sessionLimit.admit(connection, limit, release -> {
            connection.addCloseListener(closed -> release.run());
            if (!connection.isOpen()) {
                release.run(); // closed before the listener was added: Undertow would never call it
            }
        })) {
            // as Asterisk closes a connection over sessionlimit (main/http.c): no answer
            LOG.fine(() -> "HTTP sessionlimit " + limit + " reached; closed " + exchange.getSourceAddress());
            IoUtils.safeClose(connection);
            return;
        }
        if (!exchange.getRequestMethod().equals(POST)) {
            forward(exchange, link.get(), new byte[0]);
            return;
        }
        // one byte more than Asterisk reads, so that the connector sees an oversized body and answers 413
        exchange.setMaxEntitySize(BODY_LIMIT + 1);
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> forward(ex, link.get(), body), (ex, failure) -> {
            if (failure instanceof RequestTooBigException) {
                forward(ex, link.get(), new byte[BODY_LIMIT + 1]);
            } else {
                LOG.fine(() -> "An HTTP manager request body could not be read: " + failure);
                ex.setStatusCode(400);
                ex.endExchange();
            }
        });
    }

    private void forward(HttpServerExchange exchange, ConnectorLink link, byte[] body) {
        HttpManagerRequest request = new HttpManagerRequest(exchange.getRequestMethod().toString(),
                exchange.getRequestURI(), exchange.getQueryString(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, all(exchange.getRequestHeaders().get("Cookie")),
                (InetSocketAddress) exchange.getDestinationAddress(), (InetSocketAddress) exchange.getSourceAddress(),
                exchange.getRequestHeaders().getFirst("Authorization"), "https".equals(exchange.getRequestScheme()));
        boolean head = "HEAD".equals(request.method());
        // The exchange stays open after this handler returns, until the answer is sent. The send is
        // always a task of its own on the I/O thread (no wake-up when the answer completes there):
        // sending can make Undertow read the connection's next request at once, which must not run
        // inside the session's turn that completed this answer.
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> link.httpManager(request, new IoThread(exchange.getIoThread()))
                .whenComplete((reply, failure) -> exchange.getIoThread().execute(() -> send(exchange, reply, failure, head))));
    }

    private static void send(HttpServerExchange exchange, HttpManagerReply reply, Throwable failure, boolean head) {
        if (failure != null) {
            LOG.log(Level.WARNING, "An HTTP manager request failed", failure);
            exchange.setStatusCode(500);
            exchange.endExchange();
            return;
        }
        exchange.setStatusCode(reply.status());
        for (Header header : reply.headers()) {
            if (HttpManagerReply.isConnectionClose(header)) {
                exchange.setPersistent(false); // Undertow then writes Connection: close and closes after the answer
            } else {
                exchange.getResponseHeaders().add(HttpString.tryFromString(header.name()), header.value());
            }
        }
        exchange.setResponseContentLength(reply.body().length);
        if (head) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(reply.body()));
        }
    }

    private static List<String> all(HeaderValues values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * Looked up once, on first use: the handler is made by Undertow, not by CDI, and runs on an I/O
     * thread, whose context class loader is not the deployment's.
     */
    private ConnectorLinks links() {
        ConnectorLinks found = links;
        if (found == null) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(deployment);
            try {
                found = CDI.current().select(ConnectorLinks.class).get();
            } finally {
                thread.setContextClassLoader(previous);
            }
            links = found;
        }
        return found;
    }
}
