package dev.ami.admin.login;

import dev.ami.api.event.security.SecurityPeer;
import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A console login, kept in its HTTP session (the attribute {@link #ATTRIBUTE}): the account, the
 * session's CSRF token and the AMI-style session its security events name. The groups are not
 * kept: each request reads them from the account again ({@link HttpLogin#resume}).
 *
 * @param username      the account, as stored
 * @param csrfToken     what the session's changes must carry in {@code X-CSRF-Token}
 * @param sessionId     the SessionID of its events
 * @param localAddress  the LocalAddress of its events
 * @param remoteAddress the RemoteAddress of its events
 * @param loginAt       the SessionTV of its events
 */
public record ConsoleLogin(String username, String csrfToken, String sessionId, String localAddress,
        String remoteAddress, Instant loginAt) implements Serializable {

    /** The HTTP session attribute holding it. */
    public static final String ATTRIBUTE = ConsoleLogin.class.getName();

    @Serial
    private static final long serialVersionUID = 1L;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checks that nothing is null. */
    public ConsoleLogin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(loginAt, "loginAt");
    }

    /**
     * @param login an admitted login
     * @return the console session it opens, with a new random CSRF token (256 bits)
     */
    public static ConsoleLogin of(LoginResult login) {
        if (!login.admitted()) {
            throw new IllegalArgumentException("not admitted: " + login.outcome());
        }
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        SecurityPeer peer = login.peer();
        return new ConsoleLogin(login.username(), Base64.getUrlEncoder().withoutPadding().encodeToString(token),
                peer.sessionId(), peer.localAddress(), peer.remoteAddress(), peer.sessionTv());
    }

    /** @return the session its requests' events name */
    public SecurityPeer peer() {
        return new SecurityPeer(HttpLogin.SERVICE, sessionId, localAddress, remoteAddress, loginAt);
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "ConsoleLogin[username=" + username + ", sessionId=" + sessionId + ", csrfToken=****]";
    }
}
