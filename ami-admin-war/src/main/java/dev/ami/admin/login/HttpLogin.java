package dev.ami.admin.login;

import dev.ami.admin.login.LoginResult.Outcome;
import dev.ami.api.connector.Account;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.event.security.SecurityEvents;
import dev.ami.api.event.security.SecurityPeer;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.api.login.LoginThrottle;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Decides a login to the administration API (HTTP Basic, or the console's session login) by the
 * rules of an AMI login (ami-server's {@code LoginAction}): the account must exist, its
 * permit/deny must let the client's address in, and the secret must match. Each step that fails
 * raises the security event an AMI login raises for it; a request without credentials raises none.
 * Failures are counted with AMI's ({@link LoginThrottle}): later ones wait longer, and a locked
 * account or address is refused whatever the secret, with a SessionLimit event. What a right login
 * may do is its {@link Roles}, which the resources judge (an account with neither is refused each
 * request with RequestNotAllowed, as an AMI session is refused an action its classes do not allow).
 *
 * <p>The events name the service {@code REST} where AMI sessions name {@code AMI}, so that an
 * operator watching security events tells guesses at the REST API from guesses over AMI.
 */
public final class HttpLogin {

    /** Asterisk's pause before refusing a login, the one every way in shares. */
    public static final Duration FAILURE_DELAY = LockoutPolicy.BASE_DELAY;

    /** The {@code Service} header of the events raised here. */
    public static final String SERVICE = "REST";

    /** No account name is longer (the column holding it), so an AccountID is never cut short of one. */
    static final int MAX_ACCOUNT_ID = 255;

    private final Function<String, Optional<Account>> accounts;
    private final LoginThrottle throttle;

    /**
     * @param accounts finds an account by the name a client gave (without regard to case)
     * @param throttle the failed-login counts and locks shared with AMI's logins
     */
    public HttpLogin(Function<String, Optional<Account>> accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /**
     * @param request the request
     * @param now     the time of the events
     * @return the decision and the event to publish
     */
    public LoginResult check(LoginRequest request, Instant now) {
        Optional<BasicCredentials> offered;
        try {
            offered = BasicCredentials.parse(request.authorization());
        } catch (IllegalArgumentException unreadable) {
            return LoginResult.refused(Outcome.MALFORMED, "", Optional.empty());
        }
        if (offered.isEmpty()) {
            return LoginResult.refused(Outcome.NO_CREDENTIALS, "", Optional.empty());
        }
        return login(offered.get().username(), offered.get().secret(), request, now);
    }

    /**
     * @param username the name offered (the console's login form, or Basic's)
     * @param secret   the secret offered
     * @param request  the request (its authorization header is not looked at)
     * @param now      the time of the events
     * @return the decision and the event to publish
     */
    public LoginResult login(String username, String secret, LoginRequest request, Instant now) {
        // as over AMI, a login without a name raises no event; a line break could not be an event header
        if (username.isEmpty() || username.chars().anyMatch(Character::isISOControl)) {
            return LoginResult.refused(Outcome.MALFORMED, "", Optional.empty());
        }
        String accountId = username.length() > MAX_ACCOUNT_ID ? username.substring(0, MAX_ACCOUNT_ID) : username;
        // before a login succeeds, SessionTV is the epoch, as for an AMI session not yet logged in
        SecurityPeer stranger = peer(request, Instant.EPOCH);
        InetAddress source = request.remote().getAddress();
        if (throttle.lockout(username, source, now).isPresent()) {
            // as over AMI: refused whatever the secret, which is not even looked at
            return LoginResult.refused(Outcome.LOCKED_OUT, accountId,
                    Optional.of(SecurityEvents.sessionLimit(stranger, accountId, now)));
        }
        Optional<Account> account = accounts.apply(username);
        if (account.isEmpty()) {
            return failed(Outcome.UNKNOWN_ACCOUNT, username, accountId, request, now,
                    Optional.of(SecurityEvents.invalidAccountId(stranger, accountId, now)));
        }
        if (!account.get().acl().permits(source)) {
            return failed(Outcome.ACL_REFUSED, username, accountId, request, now,
                    Optional.of(SecurityEvents.failedAcl(stranger, accountId, now)));
        }
        String stored = account.get().secret();
        if (stored == null) {
            // an account without a secret never logs in, and Asterisk reports no event for it
            return failed(Outcome.WRONG_SECRET, username, accountId, request, now, Optional.empty());
        }
        // the offered bytes first: isEqual's time then depends on the guess's length, not the secret's
        if (!MessageDigest.isEqual(utf8(secret), utf8(stored))) {
            return failed(Outcome.WRONG_SECRET, username, accountId, request, now,
                    Optional.of(SecurityEvents.invalidPassword(stranger, accountId, now)));
        }
        throttle.succeeded(username, source, now);
        SecurityPeer loggedIn = peer(request, now);
        return new LoginResult(Outcome.ADMITTED, account.get().username(), Roles.of(account.get()), loggedIn,
                Optional.of(SecurityEvents.successfulAuth(loggedIn, accountId, now)), Duration.ZERO);
    }

    /**
     * Whether a console session's login still stands, judged on each of its requests: the account
     * still exists with a secret and its permit/deny still lets the address in. Its groups are read
     * again, so a changed account's rights apply at once.
     *
     * @param username the account the session logged in as
     * @param source   the client's address now
     * @return the account's groups, or empty when the session must end
     */
    public Optional<Set<String>> resume(String username, InetAddress source) {
        return accounts.apply(username).filter(a -> a.secret() != null && a.acl().permits(source)).map(Roles::of);
    }

    /** A refusal counted against the name and address: it waits as long as the throttle says. */
    private LoginResult failed(Outcome outcome, String username, String accountId, LoginRequest request, Instant now,
            Optional<ManagerEvent> event) {
        Duration delay = throttle.failed(username, request.remote().getAddress(), now).delay();
        return new LoginResult(outcome, accountId, Set.of(), null, event, delay);
    }

    /** Each Basic request is a session of its own, a console login one for all its requests: a fresh id, as AMI's. */
    private static SecurityPeer peer(LoginRequest request, Instant sessionTv) {
        String transport = request.secure() ? "TLS" : "TCP";
        String id = "0x" + Long.toHexString(ThreadLocalRandom.current().nextLong(0x100000000L, 0x800000000000L));
        return new SecurityPeer(SERVICE, id, SecurityPeer.address(request.local(), transport, false),
                SecurityPeer.address(request.remote(), transport, false), sessionTv);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
