package dev.ami.admin.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Who a request comes from, for the container (Jakarta Security on WildFly's Elytron, in the
 * application security domain {@code ami}, whose {@code integrated-jaspi=false} lets the caller be
 * an AMI account rather than a user of one of WildFly's realms). Two ways, tried in this order:
 * <ul>
 * <li>HTTP Basic on the request itself (scripts, {@code bin/ami-config}), validated by
 * {@link AmiIdentityStore} on every request;</li>
 * <li>the console's session: a {@link ConsoleLogin} in the request's HTTP session (made by
 * {@code POST /ami/api/v1/session}), which stands while the account exists and its permit/deny
 * lets the client in; its groups are read from the account again each time.</li>
 * </ul>
 * The caller's groups are its {@link Roles}; the resources' {@code @RolesAllowed} decide the rest.
 * A request with neither goes on anonymous (the resources answer it 401).
 *
 * <p>A refused login is not answered here: a mechanism runs on the request thread and cannot
 * suspend the request, and a refusal must wait a second without holding a thread. The refusal is
 * left in the request attribute {@link #REFUSAL} and the request goes on, anonymous, to
 * {@link ConfigLoginFilter}, an asynchronous filter that answers it after the delay.
 */
@ApplicationScoped
public class AmiAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The request attribute holding a refused login's {@link LoginResult}. */
    public static final String REFUSAL = AmiAuthenticationMechanism.class.getName() + ".refusal";

    private static final Logger LOG = Logger.getLogger(AmiAuthenticationMechanism.class.getName());

    @Inject
    IdentityStoreHandler identities;

    @Inject
    Logins logins;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (request.getHeader("Authorization") != null) {
            return basic(request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ConsoleLogin.ATTRIBUTE) instanceof ConsoleLogin login) {
            return console(request, context, session, login);
        }
        return context.doNothing();
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpMessageContext context) {
        AmiCredential credential = AmiCredential.basic(Logins.request(request));
        CredentialValidationResult valid = identities.validate(credential);
        Optional<LoginResult> result = credential.result();
        if (valid.getStatus() == CredentialValidationResult.Status.VALID && result.isPresent()) {
            request.setAttribute(Caller.ATTRIBUTE, new Caller(result.get().username(), result.get().groups(),
                    Caller.Via.BASIC, result.get().peer()));
            return context.notifyContainerAboutLogin(valid);
        }
        if (result.isPresent() && result.get().outcome() != LoginResult.Outcome.NO_CREDENTIALS) {
            request.setAttribute(REFUSAL, result.get());
        }
        // another scheme (Bearer ...) is not ours: anonymous, as without credentials
        return context.doNothing();
    }

    private AuthenticationStatus console(HttpServletRequest request, HttpMessageContext context, HttpSession session,
            ConsoleLogin login) {
        Optional<Set<String>> groups = logins.login().resume(login.username(),
                Logins.socket(request.getRemoteAddr(), 0).getAddress());
        if (groups.isEmpty()) {
            LOG.info(() -> "Console session of '" + login.username() + "' ended: the account is gone or refuses "
                    + request.getRemoteAddr());
            session.invalidate();
            return context.doNothing();
        }
        request.setAttribute(Caller.ATTRIBUTE, new Caller(login.username(), groups.get(), Caller.Via.CONSOLE,
                login.peer()));
        return context.notifyContainerAboutLogin(new CallerPrincipal(login.username()), groups.get());
    }
}
