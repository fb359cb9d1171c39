package dev.ami.server.http;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.SessionThread;
import dev.ami.api.event.security.SecurityEvents;
import dev.ami.api.event.security.SecurityPeer;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.login.Lockout;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.server.action.ActionDispatcher;
import dev.ami.server.action.login.LoginAction;
import dev.ami.server.session.AmiSession;
import dev.ami.server.session.ConnectorContext;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The digest forms {@code /amanager}, {@code /arawman}, {@code /amxml} (main/manager.c,
 * auth_http_callback): each request carries HTTP Digest credentials instead of a cookie, and runs
 * its action on an already authenticated session that its user and nonce name, through the same
 * dispatcher as every other session. What Asterisk answers:
 * <ul>
 *   <li>no {@code Authorization}, a header ast_parse_digest refuses, a nonce that is not hex, an
 *       unknown user or a wrong response: 401 with a new nonce;</li>
 *   <li>a user whose permit/deny list refuses the client's address: 403 {@code Permission denied};</li>
 *   <li>the session's previous nonce, a nonce count that does not go up, or a nonce older than
 *       62 s: 401 with the session's (new) nonce and {@code stale=true};</li>
 *   <li>otherwise 200 with only {@code Content-type} of its own: no cookie, no Pragma.</li>
 * </ul>
 * Asterisk raises no security event here (auth_http_callback reports nothing), so neither does this,
 * but for ami's own lockout: an unknown user, a refused address and a wrong response are counted
 * with every other failed login ({@code LoginThrottle}) and answered after its delay (a second,
 * longer after a few in a row), and a locked user or address gets the 401 whatever its credentials,
 * with a SessionLimit event.
 */
final class HttpDigestService {

    private static final Logger LOG = Logger.getLogger(HttpDigestService.class.getName());

    private final ConnectorContext connector;
    private final ActionDispatcher dispatcher;
    private final HttpSessions sessions;
    private final Clock clock;
    private final EventExecutorGroup timers;

    HttpDigestService(ConnectorContext connector, ActionDispatcher dispatcher, HttpSessions sessions, Clock clock,
            EventExecutorGroup timers) {
        this.connector = connector;
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        this.clock = clock;
        this.timers = timers;
    }

    /**
     * Answers one request of a digest form whose method is allowed.
     *
     * @param request     the request
     * @param path        its digest URI
     * @param serverName  http.conf's servername, for error pages
     * @param httpTimeout manager.conf's httptimeout
     * @return the answer
     */
    CompletionStage<HttpManagerReply> handle(HttpManagerRequest request, SessionThread caller, HttpManagerPath path,
            String serverName, int httpTimeout) {
        Optional<DigestAuthorization> parsed = DigestAuthorization.parse(request.authorization());
        OptionalLong nonce = parsed.map(d -> HexScan.scanLong(d.nonce(), 0, 30)).orElse(OptionalLong.empty());
        if (parsed.isEmpty() || nonce.isEmpty()) {
            return challenge(serverName);
        }
        DigestAuthorization digest = parsed.get();
        InetAddress source = request.remote().getAddress();
        Instant now = clock.instant();
        Optional<Lockout> locked = connector.logins().lockout(digest.username(), source, now);
        if (locked.isPresent()) {
            connector.publish(SecurityEvents.sessionLimit(peer(request), digest.username(), now));
            LOG.info(() -> host(request) + " refused as '" + digest.username() + "': logins locked for "
                    + locked.get().describe() + " until " + locked.get().until());
            return later(HttpDigest.unauthorized(sessions.issueNonce(), false, serverName), LoginAction.FAILURE_DELAY);
        }
        Optional<Account> found = connector.configuration().account(digest.username());
        if (found.isEmpty()) {
            LOG.info(() -> host(request) + " tried to authenticate with nonexistent user '" + digest.username() + "'");
            return failed(digest.username(), source, now, HttpDigest.unauthorized(sessions.issueNonce(), false, serverName));
        }
        Account account = found.get();
        if (!account.acl().permits(source)) {
            LOG.info(() -> host(request) + " failed to pass IP ACL as '" + digest.username() + "'");
            // Asterisk ends the connection after this answer (main/manager.c, auth_http_callback)
            return failed(digest.username(), source, now,
                    HttpErrorPage.reply(403, "Permission denied", "Permission denied", serverName).closing());
        }
        if (account.secret() == null || !HttpDigest.matches(digest.response(),
                HttpDigest.expectedResponse(account, digest, nonce.getAsLong(), request.method()))) {
            return failed(digest.username(), source, now, HttpDigest.unauthorized(sessions.issueNonce(), false, serverName));
        }
        connector.logins().succeeded(digest.username(), source, now);
        // without a count (RFC 2069) Asterisk compares an uninitialised variable; here there is then
        // no count to check, only the nonce's age
        OptionalLong nc = HexScan.scanLong(digest.nc(), 0, 30);
        Optional<HttpSessions.DigestSession> existing = sessions.findDigest(digest.username(), nonce.getAsLong());
        HttpTransport transport;
        boolean fresh;
        if (existing.isPresent()) {
            DigestState state = existing.get().state();
            if (state.check(nonce.getAsLong(), nc, clock.instant()) == DigestState.Verdict.STALE) {
                return done(HttpDigest.unauthorized(state.nonce(), true, serverName));
            }
            transport = existing.get().transport();
            fresh = false;
        } else if (sessions.redeemNonce(nonce.getAsLong())) {
            transport = sessions.createDigest(request, caller,
                    new DigestState(account.username(), nonce.getAsLong(), nc.orElse(0), clock.instant()));
            fresh = true;
        } else {
            // right credentials on a nonce not (or no longer) ours: retry with a fresh one
            return done(HttpDigest.unauthorized(sessions.issueNonce(), true, serverName));
        }
        if (HttpManagerService.tooLarge(request)) {
            // auth_http_callback's text differs from generic_http_callback's
            return done(HttpErrorPage.reply(413, "Request Entity Too Large", "Body too large", serverName));
        }
        List<HttpParameter> parameters = HttpManagerService.parameters(request);
        ManagerAction action = HttpParameters.toAction(parameters);
        return transport.run(session -> {
            if (fresh) {
                authenticate(session, account);
            }
            transport.refreshDigestLifetime(httpTimeout);
            dispatcher.dispatch(session, action);
        }).thenApply(text -> text.isPresent() ? reply(path, text.get(), parameters)
                // the session ended before the request could run: the client starts another
                : HttpDigest.unauthorized(sessions.issueNonce(), true, serverName));
    }

    /** The session starts logged in as the account; events start off as for any HTTP login. */
    private void authenticate(AmiSession session, Account account) {
        Authority mask = session.transport().eventsOnAtLogin() ? account.read() : Authority.NONE;
        session.authenticate(account, account.username(), mask, clock.instant());
        connector.sessions().loggedIn(session);
        if (account.displayConnects()) {
            LOG.info(() -> "HTTP Manager '" + account.username() + "' logged in from " + session.remoteHost());
        }
    }

    private static HttpManagerReply reply(HttpManagerPath path, String text, List<HttpParameter> parameters) {
        byte[] body = ResponseBody.render(path, text, parameters).getBytes(StandardCharsets.ISO_8859_1);
        return new HttpManagerReply(200, "OK", List.of(new Header("Cache-Control", "no-cache, no-store"),
                new Header("Content-type", path.contentType())), body);
    }

    private CompletionStage<HttpManagerReply> challenge(String serverName) {
        return done(HttpDigest.unauthorized(sessions.issueNonce(), false, serverName));
    }

    private static CompletionStage<HttpManagerReply> done(HttpManagerReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** A refused login, counted: answered after the throttle's delay, no thread held meanwhile. */
    private CompletionStage<HttpManagerReply> failed(String username, InetAddress source, Instant now,
            HttpManagerReply reply) {
        return later(reply, connector.logins().failed(username, source, now).delay());
    }

    private CompletionStage<HttpManagerReply> later(HttpManagerReply reply, Duration delay) {
        CompletableFuture<HttpManagerReply> answer = new CompletableFuture<>();
        timers.next().schedule(() -> answer.complete(reply), delay.toNanos(), TimeUnit.NANOSECONDS);
        return answer;
    }

    /** The client as a digest request's security event names it: no session exists yet. */
    private static SecurityPeer peer(HttpManagerRequest request) {
        String transport = request.secure() ? "TLS" : "TCP";
        boolean v6Listener = request.local().getAddress() instanceof Inet6Address;
        return new SecurityPeer("AMI", "0x0", SecurityPeer.address(request.local(), transport, v6Listener),
                SecurityPeer.address(request.remote(), transport, v6Listener), Instant.EPOCH);
    }

    private static String host(HttpManagerRequest request) {
        return request.remote().getAddress().getHostAddress();
    }
}
