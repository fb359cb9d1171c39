package dev.ami.server.upstream;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Upstream;
import java.util.List;
import java.util.Optional;

/** ami's logged-in session with one upstream, as the traffic through it sees it. */
public interface UpstreamChannel {

    /** @return the upstream's settings, as stored */
    Upstream settings();

    /** @return the upstream's name */
    default String name() {
        return settings().name();
    }

    /**
     * @param action an action name, compared without regard to case
     * @return the action's write classes as the upstream listed them (ListCommands, read at login);
     *         empty when the upstream did not list it (unknown there, or not allowed to ami's account)
     */
    Optional<Authority> actionClasses(String action);

    /**
     * Writes one request to the upstream.
     *
     * @param lines the request's header lines without line ends; the blank line is added
     * @return false, with nothing written, when the session is no longer open
     */
    boolean send(List<String> lines);
}
