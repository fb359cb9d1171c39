package dev.ami.server.http;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.SessionThread;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.server.action.ActionDispatcher;
import dev.ami.server.action.ActionRegistry;
import dev.ami.server.session.ConnectorContext;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The HTTP manager's cookie forms ({@code /manager}, {@code /rawman}, {@code /mxml}), and through
 * {@link HttpDigestService} its digest forms, on the same
 * session core as TCP: a request's parameters become one AMI action, run by the same dispatcher on
 * the session its cookie names (or a new one), and the AMI text it produced is the answer, rendered
 * for the URI (main/manager.c, generic_http_callback). Nothing here waits on a thread: the answer
 * completes when the session is done with the request.
 */
public final class HttpManagerService {

    /** How often ended sessions are purged; Asterisk's purge runs at most every 5 s. */
    static final long PURGE_SECONDS = 5;

    private final ConnectorContext connector;
    private final ActionDispatcher dispatcher;
    private final Supplier<HttpSettings> http;
    private final HttpSessions sessions;
    private final HttpDigestService digest;
    private final EventExecutorGroup loops;
    private ScheduledFuture<?> purge;

    /**
     * @param connector what the sessions share
     * @param actions   the actions sessions may run
     * @param loops     the threads sessions run on
     * @param http      the current http.conf settings
     * @param clock     the time session lifetimes are measured in
     */
    public HttpManagerService(ConnectorContext connector, ActionRegistry actions, EventExecutorGroup loops,
            Supplier<HttpSettings> http, Clock clock) {
        this.connector = connector;
        this.dispatcher = new ActionDispatcher(connector, actions);
        this.http = http;
        this.loops = loops;
        this.sessions = new HttpSessions(connector, clock);
        this.digest = new HttpDigestService(connector, dispatcher, sessions, clock, loops);
    }

    /** Starts the periodic purge of expired sessions. */
    public void start() {
        purge = loops.next().scheduleWithFixedDelay(sessions::purge, PURGE_SECONDS, PURGE_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops the purge and ends every session. */
    public void stop() {
        if (purge != null) {
            purge.cancel(false);
        }
        sessions.closeAll();
    }

    /**
     * Answers one request; a session it makes lives on one of the connector's threads.
     *
     * @param request the request, undecoded
     * @return the answer, once the session is done with the request
     */
    public CompletionStage<HttpManagerReply> handle(HttpManagerRequest request) {
        return handle(request, new LoopThread(loops.next()));
    }

    /**
     * Answers one request; a session it makes lives on the caller's thread, and an answer that is
     * ready at once is complete on return when the session lives there.
     *
     * @param request the request, undecoded
     * @param caller  the thread the request came in on
     * @return the answer, once the session is done with the request
     */
    public CompletionStage<HttpManagerReply> handle(HttpManagerRequest request, SessionThread caller) {
        HttpSettings settings = http.get();
        return answer(request, caller, settings).thenApply(reply -> framed(reply, settings));
    }

    /**
     * Asterisk's HTTP server names itself first on every answer ({@code servername}), and not at
     * all when it is blank; with {@code session_keep_alive = 0} it closes the connection after
     * every answer and says so (main/http.c, ast_http_send).
     */
    private static HttpManagerReply framed(HttpManagerReply reply, HttpSettings settings) {
        String serverName = settings.serverName();
        boolean close = settings.sessionKeepAliveMillis() == 0 && !reply.closes();
        if (serverName.isBlank() && !close) {
            return reply;
        }
        List<Header> headers = new ArrayList<>(reply.headers().size() + 2);
        if (!serverName.isBlank()) {
            headers.add(new Header("Server", serverName));
        }
        if (close) {
            headers.add(HttpManagerReply.CONNECTION_CLOSE);
        }
        headers.addAll(reply.headers());
        return new HttpManagerReply(reply.status(), reply.reason(), headers, reply.body());
    }

    private CompletionStage<HttpManagerReply> answer(HttpManagerRequest request, SessionThread caller,
            HttpSettings settings) {
        GeneralSettings general = connector.configuration().general();
        Optional<String> redirect = HttpRedirects.location(settings.redirects(), pathOf(request));
        if (redirect.isPresent()) {
            return CompletableFuture.completedFuture(restricted(settings, request) ? denied(settings)
                    : new HttpManagerReply(302, "Moved Temporarily", List.of(new Header("Cache-Control",
                            "no-cache, no-store"), new Header("Location", redirect.get())), new byte[0]));
        }
        Optional<HttpManagerPath> path = served(settings, general)
                ? HttpManagerPath.match(settings.prefix(), request.path())
                : Optional.empty();
        if (path.isEmpty()) {
            return CompletableFuture.completedFuture(HttpErrorPage.notFound(settings.serverName()));
        }
        if (!HttpParameters.methodAllowed(request.method())) {
            return CompletableFuture.completedFuture(HttpErrorPage.reply(501, "Not Implemented",
                    "Attempt to use unimplemented / unsupported method", settings.serverName()));
        }
        if (restricted(settings, request)) {
            // before any session or credential is looked at, for the cookie and the digest forms alike
            return CompletableFuture.completedFuture(denied(settings));
        }
        if (path.get().digest()) {
            // the digest forms check the credentials before they read a body (auth_http_callback)
            return digest.handle(request, caller, path.get(), settings.serverName(), general.httpTimeoutSeconds());
        }
        if (tooLarge(request)) {
            return CompletableFuture.completedFuture(tooLargeReply(settings.serverName()));
        }
        List<HttpParameter> parameters = parameters(request);
        ManagerAction action = HttpParameters.toAction(parameters);
        int httpTimeout = general.httpTimeoutSeconds();
        return run(request, caller, action, httpTimeout, true).thenApply(answer -> reply(path.get(), answer.transport(),
                answer.text(), parameters, httpTimeout));
    }

    static boolean tooLarge(HttpManagerRequest request) {
        return HttpParameters.readsBody(request.method(), request.contentType())
                && request.body().length > HttpParameters.MAX_CONTENT_LENGTH;
    }

    static HttpManagerReply tooLargeReply(String serverName) {
        return HttpErrorPage.reply(413, "Request Entity Too Large", "Body is too large", serverName);
    }

    static List<HttpParameter> parameters(HttpManagerRequest request) {
        return HttpParameters.of(request.method(), request.query(), request.contentType(), request.body());
    }

    /** http.conf's {@code type = restriction} sections: any one that covers the path and refuses the client wins. */
    private static boolean restricted(HttpSettings settings, HttpManagerRequest request) {
        String path = pathOf(request);
        return settings.restrictions().stream().anyMatch(r -> r.denies(path, request.remote().getAddress()));
    }

    private static HttpManagerReply denied(HttpSettings settings) {
        return HttpErrorPage.reply(403, "Forbidden", "Access denied by ACL", settings.serverName());
    }

    private static String pathOf(HttpManagerRequest request) {
        int query = request.path().indexOf('?');
        return query < 0 ? request.path() : request.path().substring(0, query);
    }

    /** The URIs exist only with manager.conf's enabled and webenabled and http.conf's enabled. */
    private static boolean served(HttpSettings settings, GeneralSettings general) {
        return settings.enabled() && general.enabled() && general.webEnabled();
    }

    private CompletionStage<Answer> run(HttpManagerRequest request, SessionThread caller, ManagerAction action,
            int httpTimeout, boolean mayRetry) {
        HttpTransport transport = sessions.find(ManagerCookie.sessionId(request.cookieHeaders()))
                .orElseGet(() -> sessions.create(request, caller));
        return transport.run(session -> {
            dispatcher.dispatch(session, action);
            transport.refreshLifetime(httpTimeout);
        }).thenCompose(text -> {
            if (text.isPresent()) {
                return CompletableFuture.completedFuture(new Answer(transport, text.get()));
            }
            // the session ended (or was too busy) before the request ran: as for an unknown cookie, a new one
            return mayRetry ? run(withoutCookie(request), caller, action, httpTimeout, false)
                    : CompletableFuture.failedFuture(new IllegalStateException("no HTTP manager session could take the request"));
        });
    }

    private static HttpManagerRequest withoutCookie(HttpManagerRequest request) {
        return new HttpManagerRequest(request.method(), request.path(), request.query(), request.contentType(),
                request.body(), List.of(), request.local(), request.remote(), request.authorization(), request.secure());
    }

    private HttpManagerReply reply(HttpManagerPath path, HttpTransport transport, String text,
            List<HttpParameter> parameters, int httpTimeout) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Cache-Control", "no-cache, no-store"));
        headers.add(new Header("Content-type", path.contentType()));
        headers.add(new Header("Set-Cookie", ManagerCookie.setCookie(transport.id(), httpTimeout)));
        headers.add(new Header("Pragma", "SuppressEvents"));
        byte[] body = ResponseBody.render(path, text, parameters).getBytes(StandardCharsets.ISO_8859_1);
        return new HttpManagerReply(200, "OK", headers, body);
    }

    /** Runs the purge now, as the periodic task does. */
    void purgeNow() {
        sessions.purge();
    }

    /** @return how many HTTP sessions live */
    public int sessionCount() {
        return sessions.count();
    }

    private record Answer(HttpTransport transport, String text) {
    }
}
