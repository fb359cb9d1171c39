package dev.ami.admin.login;

import dev.ami.admin.login.LoginResult.Outcome;
import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Decides an HTTP Basic login to the configuration API by the rules of an AMI login
 * (ami-server's {@code LoginAction}): the account must exist, its permit/deny must let the client's
 * address in, the secret must match, and the account must hold {@code config} write, the right
 * UpdateConfig needs over AMI. Each step that fails raises the security event an AMI login raises
 * for it; a request without credentials raises none. Failures are counted with AMI's
 * ({@link LoginThrottle}): later ones wait longer, and a locked account or address is refused
 * whatever the secret, with a SessionLimit event.
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

    private static final Authority CONFIG = Authority.of(AuthorityClass.CONFIG);

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
            return new LoginResult(Outcome.MALFORMED, "", Optional.empty());
        }
        if (offered.isEmpty()) {
            return new LoginResult(Outcome.NO_CREDENTIALS, "", Optional.empty());
        }
        String username = offered.get().username();
        // as over AMI, a login without a name raises no event; a line break could not be an event header
        if (username.isEmpty() || username.chars().anyMatch(Character::isISOControl)) {
            return new LoginResult(Outcome.MALFORMED, "", Optional.empty());
        }
        String accountId = username.length() > MAX_ACCOUNT_ID ? username.substring(0, MAX_ACCOUNT_ID) : username;
        // before a login succeeds, SessionTV is the epoch, as for an AMI session not yet logged in
        SecurityPeer stranger = peer(request, Instant.EPOCH);
        InetAddress source = request.remote().getAddress();
        if (throttle.lockout(username, source, now).isPresent()) {
            // as over AMI: refused whatever the secret, which is not even looked at
            return new LoginResult(Outcome.LOCKED_OUT, accountId,
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
        String secret = account.get().secret();
        if (secret == null) {
            // an account without a secret never logs in, and Asterisk reports no event for it
            return failed(Outcome.WRONG_SECRET, username, accountId, request, now, Optional.empty());
        }
        // the offered bytes first: isEqual's time then depends on the guess's length, not the secret's
        if (!MessageDigest.isEqual(utf8(offered.get().secret()), utf8(secret))) {
            return failed(Outcome.WRONG_SECRET, username, accountId, request, now,
                    Optional.of(SecurityEvents.invalidPassword(stranger, accountId, now)));
        }
        throttle.succeeded(username, source, now);
        SecurityPeer loggedIn = peer(request, now);
        if (!account.get().write().intersects(CONFIG)) {
            return refused(Outcome.NOT_ALLOWED, accountId, SecurityEvents.requestNotAllowed(loggedIn, accountId,
                    request.method() + " " + request.path(), now));
        }
        return new LoginResult(Outcome.ADMITTED, accountId, Optional.of(SecurityEvents.successfulAuth(loggedIn, accountId, now)));
    }

    private static LoginResult refused(Outcome outcome, String accountId, ManagerEvent event) {
        return new LoginResult(outcome, accountId, Optional.of(event));
    }

    /** A refusal counted against the name and address: it waits as long as the throttle says. */
    private LoginResult failed(Outcome outcome, String username, String accountId, LoginRequest request, Instant now,
            Optional<ManagerEvent> event) {
        Duration delay = throttle.failed(username, request.remote().getAddress(), now).delay();
        return new LoginResult(outcome, accountId, event, delay);
    }

    /** Each request is a session of its own: a fresh id, printed like an AMI session's. */
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
