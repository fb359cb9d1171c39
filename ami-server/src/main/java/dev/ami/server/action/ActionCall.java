package dev.ami.server.action;

import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.session.AmiSession;
import dev.ami.server.session.ConnectorContext;
import java.time.Instant;

/**
 * One request being handled.
 *
 * @param action    the request
 * @param session   the session that sent it
 * @param connector what the connector's sessions share
 * @param actions   the actions the session may run (ListCommands lists them)
 */
public record ActionCall(ManagerAction action, AmiSession session, ConnectorContext connector,
        ActionRegistry actions) {

    /** @return the current time on the connector's clock */
    public Instant now() {
        return connector.clock().instant();
    }

    /** @return a success response builder echoing this request's ActionID */
    public ManagerResponse success() {
        return ManagerResponse.success(action);
    }

    /** @return an error response builder echoing this request's ActionID */
    public ManagerResponse error() {
        return ManagerResponse.error(action);
    }

    /** Writes a message to this session. */
    public void reply(ManagerMessage message) {
        session.send(message);
    }

    /** Writes {@code Response: Error} with the given message. */
    public void replyError(String message) {
        session.send(error().message(message).build());
    }
}
