package dev.ami.admin.login;

import dev.ami.admin.rest.v1.Problem;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * What the login mechanism ({@link AmiAuthenticationMechanism}) leaves to be answered, on every
 * path of the application:
 * <ul>
 * <li>a refused login (the request attribute {@link AmiAuthenticationMechanism#REFUSAL}): 401 after
 * its delay ({@link HttpLogin#FAILURE_DELAY} or the throttle's longer one), from the managed
 * scheduler, the request suspended meanwhile so that waiting guesses hold no request thread (a
 * mechanism cannot suspend a request; a filter can);</li>
 * <li>a change that may be forged from another site ({@link CsrfCheck}): 403
 * {@value Problem#CSRF}.</li>
 * </ul>
 * Everything else goes on; who may do what is the resources' {@code @RolesAllowed}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConfigLoginFilter extends HttpFilter {

    /** The request attribute naming the admitted account (as {@link Caller#username()}), for who else needs the name. */
    public static final String ADMITTED_ACCOUNT = ConfigLoginFilter.class.getName() + ".account";

    private static final Logger LOG = Logger.getLogger(ConfigLoginFilter.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(AmiAuthenticationMechanism.REFUSAL) instanceof LoginResult refused) {
            refuse(request, response, refused);
            return;
        }
        Optional<Caller> caller = Caller.of(request);
        if (caller.isPresent()) {
            Optional<String> forged = CsrfCheck.refusal(csrfRequest(request, caller.get()));
            if (forged.isPresent()) {
                LOG.info(() -> request.getMethod() + " " + request.getRequestURI() + " of '" + caller.get().username()
                        + "' refused: " + forged.get());
                Unauthorized.write(response, new Problem(Problem.CSRF, "Possible cross-site request forgery",
                        HttpServletResponse.SC_FORBIDDEN, forged.get(), List.of()), request.getRequestURI());
                return;
            }
            request.setAttribute(ADMITTED_ACCOUNT, caller.get().username());
        }
        chain.doFilter(request, response);
    }

    private static CsrfCheck.Request csrfRequest(HttpServletRequest request, Caller caller) {
        String token = null;
        HttpSession session = request.getSession(false);
        if (caller.via() == Caller.Via.CONSOLE && session != null
                && session.getAttribute(ConsoleLogin.ATTRIBUTE) instanceof ConsoleLogin login) {
            token = login.csrfToken();
        }
        boolean login = "POST".equals(request.getMethod()) && Unauthorized.SESSION_PATH.equals(request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        return new CsrfCheck.Request(request.getMethod(), login, caller.via(), token, request.getHeader(CsrfCheck.HEADER),
                request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), request.getHeader("Host"));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, LoginResult result) throws IOException {
        LOG.info(() -> "Request " + request.getMethod() + " " + request.getRequestURI() + " from "
                + request.getRemoteAddr() + " refused: " + result.outcome().reason()
                + (result.username().isEmpty() ? "" : " ('" + result.username() + "')"));
        if (!result.delayed()) {
            Unauthorized.answer(request, response);
            return;
        }
        AsyncContext later = request.startAsync();
        try {
            scheduler.schedule(() -> answerLater(later), result.delay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            answerLater(later);
        }
    }

    private static void answerLater(AsyncContext later) {
        try {
            Unauthorized.answer((HttpServletRequest) later.getRequest(), (HttpServletResponse) later.getResponse());
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
}
