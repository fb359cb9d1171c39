package dev.ami.server.action;

import dev.ami.api.authority.Authority;
import java.util.List;

/**
 * One AMI action: stateless; all state lives in the session it is called for.
 *
 * <p>The dispatcher has already checked, before {@link #handle} runs, that the session may run
 * the action (logged in, or the action is allowed before login; and the account's write classes
 * overlap {@link #authority()} unless that is empty).
 */
public interface ActionHandler {

    /** @return the name as ListCommands prints it; requests match it without regard to case */
    String name();

    /** @return the write classes of which the account needs any one; empty means any account */
    Authority authority();

    /** @return the one-line synopsis ListCommands prints */
    String synopsis();

    /**
     * @return names of request headers whose values must never be logged, compared without regard
     *         to case; a trailing {@code *} matches any rest ({@code Value-*}). {@code Secret} and
     *         {@code Key} never are, whatever the action.
     */
    default List<String> sensitiveHeaders() {
        return List.of();
    }

    /** @return true for the three actions Asterisk runs before login */
    default boolean allowedBeforeLogin() {
        return false;
    }

    /**
     * Runs the action and writes its answer through the call's session.
     *
     * @param call the request, its session and the connector
     */
    void handle(ActionCall call);
}
