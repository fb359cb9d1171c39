package dev.ami.api.action;

import dev.ami.api.message.ManagerMessage;
import java.util.List;

/**
 * Handles an AMI action declared with {@link AmiAction}: the one way to add an action to the server.
 * The server calls it on a managed thread of the application that declares it, after the authority
 * check, and sends the messages returned, in order, to the session that asked; requests of that
 * session wait until it returns, as in Asterisk.
 */
@FunctionalInterface
public interface ManagerActionHandler {

    /**
     * @param request the request as the client sent it, and who sent it
     * @return the response, then any list items and completion event (see {@link EventListResponse});
     *         build the response with {@link dev.ami.api.message.ManagerResponse} so that it carries
     *         the request's ActionID
     * @throws Exception the session receives {@code Response: Error} naming the action; the cause is logged
     */
    List<ManagerMessage> handle(ActionRequest request) throws Exception;
}
