package dev.ami.admin.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.api.login.LoginThrottle;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The mechanism's decisions, with the container's objects stood in for: Basic on the request
 * first, then the console's session, else anonymous; a refusal is left for the filter, never
 * answered here.
 */
class AmiAuthenticationMechanismTest {

    private static final Authority ALL = Authority.of(AuthorityClass.values());

    private final List<Account> accounts = new ArrayList<>(List.of(
            Account.of("admin", "s3cret", ALL, ALL),
            Account.of("reader", "pw5", Authority.of(AuthorityClass.CONFIG), Authority.of(AuthorityClass.SYSTEM))));
    private final List<ManagerEvent> published = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(LockoutPolicy.DEFAULTS);

    /** What the container was told: the caller and groups, or nothing. */
    private String notifiedCaller;
    private Set<String> notifiedGroups;

    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private boolean invalidated;

    private AmiAuthenticationMechanism mechanism() {
        Logins logins = new Logins() {
            @Override
            public HttpLogin login() {
                return new HttpLogin(new ManagerConfiguration(GeneralSettings.DEFAULTS, List.copyOf(accounts))::account,
                        throttle);
            }

            @Override
            public void publish(ManagerEvent event) {
                published.add(event);
            }
        };
        AmiIdentityStore store = new AmiIdentityStore();
        store.logins = logins;
        AmiAuthenticationMechanism mechanism = new AmiAuthenticationMechanism();
        mechanism.identities = store::validate;
        mechanism.logins = logins;
        return mechanism;
    }

    private HttpMessageContext context() {
        return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpMessageContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "doNothing" -> AuthenticationStatus.NOT_DONE;
                    case "notifyContainerAboutLogin" -> {
                        if (args.length == 1) {
                            CredentialValidationResult valid = (CredentialValidationResult) args[0];
                            notifiedCaller = valid.getCallerPrincipal().getName();
                            notifiedGroups = valid.getCallerGroups();
                        } else {
                            notifiedCaller = ((java.security.Principal) args[0]).getName();
                            @SuppressWarnings("unchecked")
                            Set<String> groups = (Set<String>) args[1];
                            notifiedGroups = groups;
                        }
                        yield AuthenticationStatus.SUCCESS;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpSession session() {
        return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> sessionAttributes.get((String) args[0]);
                    case "invalidate" -> {
                        invalidated = true;
                        sessionAttributes.clear();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpServletRequest request(String authorization, boolean withSession) {
        HttpSession session = withSession ? session() : null;
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> "Authorization".equals(args[0]) ? authorization : null;
                    case "getSession" -> session;
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> "/ami/api/v1/accounts";
                    case "getLocalAddr" -> "127.0.0.1";
                    case "getLocalPort" -> 8080;
                    case "getRemoteAddr" -> "192.0.2.7";
                    case "getRemotePort" -> 50000;
                    case "isSecure" -> false;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String basic(String userAndSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndSecret.getBytes(StandardCharsets.UTF_8));
    }

    private AuthenticationStatus run(HttpServletRequest request) {
        return mechanism().validateRequest(request, null, context());
    }

    @Test
    void rightBasicCredentialsMakeTheAccountTheCallerWithItsGroups() {
        assertEquals(AuthenticationStatus.SUCCESS, run(request(basic("READER:pw5"), false)));
        assertEquals("reader", notifiedCaller, "the account as stored");
        assertEquals(Set.of(Roles.READER), notifiedGroups);
        Caller caller = Caller.of(request(null, false)).orElseThrow();
        assertEquals(Caller.Via.BASIC, caller.via());
        assertEquals("SuccessfulAuth", published.get(0).name());
        assertNull(attributes.get(AmiAuthenticationMechanism.REFUSAL));
    }

    @Test
    void aRefusalIsLeftForTheFilterAndTheRequestGoesOnAnonymous() {
        assertEquals(AuthenticationStatus.NOT_DONE, run(request(basic("admin:wrong"), false)));
        LoginResult refusal = assertInstanceOf(LoginResult.class, attributes.get(AmiAuthenticationMechanism.REFUSAL));
        assertTrue(refusal.delayed(), "answered after the delay, by the filter");
        assertNull(notifiedCaller);
        assertNull(attributes.get(Caller.ATTRIBUTE));
        assertEquals("InvalidPassword", published.get(0).name());
    }

    @Test
    void anotherSchemeOrNoCredentialsIsAnonymousWithoutARefusal() {
        assertEquals(AuthenticationStatus.NOT_DONE, run(request("Bearer abc", false)));
        assertEquals(AuthenticationStatus.NOT_DONE, run(request(null, false)));
        assertEquals(AuthenticationStatus.NOT_DONE, run(request(null, true)), "a session without a login");
        assertTrue(attributes.isEmpty());
        assertTrue(published.isEmpty());
    }

    @Test
    void aConsoleSessionIsTheCallerWithTheAccountsGroupsOfNow() {
        LoginResult login = new HttpLogin(new ManagerConfiguration(GeneralSettings.DEFAULTS, accounts)::account, throttle)
                .login("admin", "s3cret", Logins.request(request(null, false)), Instant.now());
        sessionAttributes.put(ConsoleLogin.ATTRIBUTE, ConsoleLogin.of(login));
        accounts.set(0, Account.of("admin", "s3cret", ALL, Authority.of(AuthorityClass.SYSTEM)));
        assertEquals(AuthenticationStatus.SUCCESS, run(request(null, true)));
        assertEquals("admin", notifiedCaller);
        assertEquals(Set.of(Roles.READER), notifiedGroups, "config write taken away since the login");
        assertEquals(Caller.Via.CONSOLE, Caller.of(request(null, false)).orElseThrow().via());
    }

    @Test
    void aConsoleSessionOfAnAccountSinceDeletedEnds() {
        LoginResult login = new HttpLogin(new ManagerConfiguration(GeneralSettings.DEFAULTS, accounts)::account, throttle)
                .login("admin", "s3cret", Logins.request(request(null, false)), Instant.now());
        sessionAttributes.put(ConsoleLogin.ATTRIBUTE, ConsoleLogin.of(login));
        accounts.remove(0);
        assertEquals(AuthenticationStatus.NOT_DONE, run(request(null, true)));
        assertTrue(invalidated);
        assertNull(notifiedCaller);
    }

    @Test
    void basicOnTheRequestWinsOverTheSession() {
        LoginResult login = new HttpLogin(new ManagerConfiguration(GeneralSettings.DEFAULTS, accounts)::account, throttle)
                .login("admin", "s3cret", Logins.request(request(null, false)), Instant.now());
        sessionAttributes.put(ConsoleLogin.ATTRIBUTE, ConsoleLogin.of(login));
        assertEquals(AuthenticationStatus.SUCCESS, run(request(basic("reader:pw5"), true)));
        assertEquals("reader", notifiedCaller);
        assertEquals(Caller.Via.BASIC, Caller.of(request(null, false)).orElseThrow().via());
    }
}
