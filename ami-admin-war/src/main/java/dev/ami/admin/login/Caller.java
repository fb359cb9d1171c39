package dev.ami.admin.login;

import dev.ami.api.event.security.SecurityPeer;
import jakarta.servlet.ServletRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request of the administration API comes from, once {@link AmiAuthenticationMechanism}
 * admitted it: kept as a request attribute (which only the server can set) for what the
 * container's principal does not say, how the caller logged in and the session its security events
 * name.
 *
 * @param username the account, as stored
 * @param groups   its {@link Roles} now
 * @param via      HTTP Basic on this request, or the console's session cookie
 * @param peer     the session the events of this request name
 */
public record Caller(String username, Set<String> groups, Via via, SecurityPeer peer) {

    /** The request attribute holding it. */
    public static final String ATTRIBUTE = Caller.class.getName();

    /** How a request proved who it comes from. */
    public enum Via {
        /** HTTP Basic credentials on the request itself (scripts). */
        BASIC,
        /** The console's session cookie; changes need the session's CSRF token. */
        CONSOLE
    }

    /** Checks that nothing is null. */
    public Caller {
        Objects.requireNonNull(username, "username");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(peer, "peer");
    }

    /**
     * @param request a request
     * @return its caller, empty when the request is anonymous
     */
    public static Optional<Caller> of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }
}
