package dev.ami.server.action.login;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.event.security.SecurityEvents;
import dev.ami.api.login.Lockout;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.api.login.LoginThrottle;
import dev.ami.api.message.ManagerAction;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;
import dev.ami.server.event.SystemEvents;
import dev.ami.server.session.AmiSession;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code Action: Login}, with a plaintext {@code Secret} or, after {@code Challenge}, an MD5
 * {@code Key}. Every failure looks the same on the wire: {@code Authentication failed} one second
 * later, then the connection closes. Beyond Asterisk, failures are counted
 * ({@link LoginThrottle}): a pair's later failures wait longer, up to 8 s, and a locked pair,
 * source or account is refused the same way, whatever the secret, with a SessionLimit security
 * event.
 */
public final class LoginAction extends AbstractAction {

    /** Asterisk's pause before refusing a login. */
    public static final Duration FAILURE_DELAY = LockoutPolicy.BASE_DELAY;

    private static final Logger LOG = Logger.getLogger(LoginAction.class.getName());

    public LoginAction() {
        super("Login", "Login Manager.");
    }

    @Override
    public boolean allowedBeforeLogin() {
        return true;
    }

    @Override
    public void handle(ActionCall call) {
        AmiSession session = call.session();
        if (session.isAuthenticated()) {
            call.reply(call.success().message("Already authenticated").build());
            return;
        }
        String username = call.action().get("Username");
        InetAddress source = session.remoteAddress().getAddress();
        LoginThrottle logins = call.connector().logins();
        Optional<Lockout> locked = logins.lockout(username, source, call.now());
        if (locked.isPresent()) {
            // the same answer as any failure; the secret is not even looked at
            report(call, SecurityEvents.sessionLimit(session.securityPeer(), username, call.now()));
            LOG.info(() -> session.remoteHost() + " refused as '" + username + "': logins locked for "
                    + locked.get().describe() + " until " + locked.get().until());
            session.sendLaterAndClose(call.error().message("Authentication failed").build(), FAILURE_DELAY);
            return;
        }
        Optional<Account> account = authenticate(call);
        if (account.isEmpty()) {
            Duration delay = logins.failed(username, source, call.now()).delay();
            session.sendLaterAndClose(call.error().message("Authentication failed").build(), delay);
            return;
        }
        logins.succeeded(username, source, call.now());
        Authority read = account.get().read();
        Authority mask = Optional.of(call.action().get("Events")).filter(e -> !e.isEmpty())
                .map(Authority::parseEventMask).map(read::and)
                .orElse(session.transport().eventsOnAtLogin() ? read : Authority.NONE);
        session.authenticate(account.get(), call.action().get("Username"), mask, call.now());
        call.connector().sessions().loggedIn(session);
        call.reply(call.success().message("Authentication accepted").build());
        if (account.get().displayConnects()) {
            // a task of its own runs after this turn's replies are flushed: the answer does not wait for the log
            String typed = call.action().get("Username");
            session.transport().execute(() -> LOG.info(() -> "Manager '" + typed + "' logged on from " + session.remoteHost()));
        }
        if (mask.containsAll(SystemEvents.CLASS)) {
            call.reply(SystemEvents.fullyBooted(call.connector().startedAt(), call.connector().lastReload(), call.now())
                    .toMessage());
        }
        call.connector().publish(SecurityEvents.successfulAuth(session.securityPeer(), session.loginName(), call.now()));
    }

    private static Optional<Account> authenticate(ActionCall call) {
        ManagerAction action = call.action();
        String username = action.get("Username");
        String host = call.session().remoteHost();
        if (username.isEmpty()) {
            LOG.info(() -> host + " tried to authenticate without a username");
            return Optional.empty();
        }
        Optional<Account> account = call.connector().configuration().account(username);
        if (account.isEmpty()) {
            report(call, SecurityEvents.invalidAccountId(call.session().securityPeer(), username, call.now()));
            LOG.info(() -> host + " tried to authenticate with nonexistent user '" + username + "'");
            return Optional.empty();
        }
        if (!account.get().acl().permits(call.session().remoteAddress().getAddress())) {
            report(call, SecurityEvents.failedAcl(call.session().securityPeer(), username, call.now()));
            LOG.info(() -> host + " failed to pass IP ACL as '" + username + "'");
            return Optional.empty();
        }
        String secret = account.get().secret();
        boolean accepted = false;
        if ("MD5".equalsIgnoreCase(action.get("AuthType"))) {
            String challenge = call.session().issuedChallenge();
            String key = action.get("Key");
            // without a key, a challenge or a secret MD5 is not attempted, and Asterisk reports nothing
            if (!key.isEmpty() && challenge != null && secret != null) {
                String expected = md5Hex(challenge + secret);
                accepted = MessageDigest.isEqual(bytes(expected), bytes(key));
                if (!accepted) {
                    report(call, SecurityEvents.challengeResponseFailed(call.session().securityPeer(),
                            call.session().loginName(), challenge, key, expected, call.now()));
                }
            }
        } else if (secret != null) {
            accepted = MessageDigest.isEqual(bytes(secret), bytes(action.get("Secret")));
            if (!accepted) {
                report(call, SecurityEvents.invalidPassword(call.session().securityPeer(), username, call.now()));
            }
        }
        if (!accepted) {
            LOG.info(() -> host + " failed to authenticate as '" + username + "'");
            return Optional.empty();
        }
        return account;
    }

    private static void report(ActionCall call, ManagerEvent event) {
        call.connector().publish(event);
    }

    /** Key = lowercase hex of MD5(challenge + secret); uppercase hex is refused, as in Asterisk. */
    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes(text)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
