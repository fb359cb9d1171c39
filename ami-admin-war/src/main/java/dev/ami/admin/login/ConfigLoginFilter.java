package dev.ami.admin.login;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.api.login.LoginThrottle;
import dev.ami.persistence.bridge.ConnectorLinks;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * HTTP Basic login for {@code /ami/api/config/...} and {@code /ami/api/v1/...}, decided by
 * {@link HttpLogin}. A refusal of offered credentials is answered after
 * {@link HttpLogin#FAILURE_DELAY} from the managed scheduler, the request suspended meanwhile, so
 * that waiting guesses hold no request thread. One path under the patterns needs no login,
 * {@link #PUBLIC_DOCUMENT}, and only as exactly sent ({@link #isPublicDocument}).
 */
@WebFilter(urlPatterns = {"/api/config/*", "/api/v1/*"}, asyncSupported = true)
public class ConfigLoginFilter extends HttpFilter {

    /** The request attribute naming the admitted account; the JAX-RS side refuses a request without it. */
    public static final String ADMITTED_ACCOUNT = ConfigLoginFilter.class.getName() + ".account";

    /**
     * The one path under {@code /api/v1/*} that needs no login: the API's OpenAPI document
     * ({@code rest.v1.OpenApiResource}), which says how to log in.
     */
    public static final String PUBLIC_DOCUMENT = "/api/v1/openapi.json";

    private static final Logger LOG = Logger.getLogger(ConfigLoginFilter.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    ConfigurationStore store;

    @Inject
    ConnectorLinks links;

    /** Counts failures while no connector runs (its own throttle, shared with AMI, is used otherwise). */
    private final LoginThrottle standalone = new LoginThrottle(LockoutPolicy.DEFAULTS);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isPublicDocument(request.getMethod(), request.getContextPath(), request.getRequestURI())) {
            // not admitted (no ADMITTED_ACCOUNT): should it ever reach another resource, ConfigWriterFilter refuses it
            chain.doFilter(request, response);
            return;
        }
        LoginThrottle throttle = links.ifConnected().map(ConnectorLink::logins).orElse(standalone);
        // the connector's snapshot while it runs, as AMI logins: logins go on while the database is away
        LoginResult result = new HttpLogin(name -> links.ifConnected().map(ConnectorLink::configuration)
                .orElseGet(store::currentConfiguration).account(name), throttle)
                .check(loginRequest(request), Instant.now());
        result.event().ifPresent(event -> links.ifConnected().ifPresent(link -> link.publish(event)));
        if (result.admitted()) {
            request.setAttribute(ADMITTED_ACCOUNT, result.username());
            chain.doFilter(request, response);
            return;
        }
        LOG.info(() -> "Configuration request from " + request.getRemoteAddr() + " refused: "
                + result.outcome().reason() + (result.username().isEmpty() ? "" : " ('" + result.username() + "')"));
        if (!result.delayed()) {
            Unauthorized.answer(response);
            return;
        }
        AsyncContext later = request.startAsync();
        try {
            scheduler.schedule(() -> answerLater(later), result.delay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            answerLater(later);
        }
    }

    /**
     * Whether a request is a read of {@link #PUBLIC_DOCUMENT}: GET or HEAD, and the request URI as
     * sent (not decoded) exactly the document's, so that no variant ({@code ;x=1}, {@code //},
     * {@code %2F}, {@code /./}, a trailing slash) passes without a login whatever it would reach.
     *
     * @param method      the request's method
     * @param contextPath the WAR's context path ({@code /ami})
     * @param requestUri  the request URI as sent, without the query
     * @return true if the request needs no login
     */
    static boolean isPublicDocument(String method, String contextPath, String requestUri) {
        return ("GET".equals(method) || "HEAD".equals(method)) && (contextPath + PUBLIC_DOCUMENT).equals(requestUri);
    }

    private static void answerLater(AsyncContext later) {
        try {
            Unauthorized.answer((HttpServletResponse) later.getResponse());
        } catch (IOException | IllegalStateException gone) {
            // the client left, or the container timed the request out meanwhile: nobody to answer
            LOG.fine(() -> "A delayed refusal could not be written: " + gone);
        } finally {
            try {
                later.complete();
            } catch (IllegalStateException alreadyCompleted) {
                LOG.fine("A delayed refusal's request was already complete");
            }
        }
    }

    private static LoginRequest loginRequest(HttpServletRequest request) throws IOException {
        return new LoginRequest(request.getHeader("Authorization"), request.getMethod(), request.getRequestURI(),
                socket(request.getLocalAddr(), request.getLocalPort()),
                socket(request.getRemoteAddr(), request.getRemotePort()), request.isSecure());
    }

    /** The container gives numeric addresses (IPv6 possibly in brackets); reading one looks nothing up. */
    private static InetSocketAddress socket(String address, int port) throws IOException {
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }
}
