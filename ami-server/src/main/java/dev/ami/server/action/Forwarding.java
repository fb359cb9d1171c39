package dev.ami.server.action;

import dev.ami.api.message.ManagerAction;
import dev.ami.server.session.AmiSession;
import java.util.Optional;

/**
 * Where a request goes that this server does not answer itself: an upstream AMI server (issue 17).
 * The dispatcher asks once the session is logged in, before it looks for the action here.
 */
@FunctionalInterface
public interface Forwarding {

    /** Nothing is forwarded. */
    Forwarding NONE = (session, action, local) -> Optional.empty();

    /**
     * @param session the logged-in session that sent the request
     * @param action  the request
     * @param local   this server's action of that name, if it has one
     * @return the handler that forwards the request, or empty to run it here (or answer it unknown)
     */
    Optional<ActionHandler> forward(AmiSession session, ManagerAction action, Optional<ActionHandler> local);
}
