package dev.ami.server.action;

import dev.ami.api.event.security.SecurityEvents;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.metrics.ServerCounters;
import dev.ami.server.action.login.MultipleLoginGuard;
import dev.ami.server.session.AmiSession;
import dev.ami.server.session.ConnectorContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs a framed request through Asterisk's checks, in Asterisk's order, before any handler sees it:
 * <ol>
 *   <li>no (non-empty) {@code Action} header: {@code Missing action in request};</li>
 *   <li>the connector is stopping: {@code Asterisk is shutting down};</li>
 *   <li>not logged in and not Login, Logoff or Challenge: {@code Permission denied};</li>
 *   <li>Login or Challenge for an account that allows one session and has one:
 *       {@code Login Already In Use} ({@link MultipleLoginGuard});</li>
 *   <li>a request an upstream AMI server is to answer (see {@link Forwarding}) goes on with the
 *       handler that forwards it;</li>
 *   <li>unknown action: {@code Invalid/unknown command: …};</li>
 *   <li>none of the action's write classes held: {@code Permission denied}.</li>
 * </ol>
 * This is the one place where write authority is enforced.
 */
public final class ActionDispatcher {

    static final String MISSING_ACTION = "Missing action in request";
    static final String PERMISSION_DENIED = "Permission denied";
    static final String SHUTTING_DOWN = "Asterisk is shutting down";

    private static final Logger LOG = Logger.getLogger(ActionDispatcher.class.getName());

    private final ConnectorContext connector;
    private final ActionRegistry actions;

    /**
     * @param connector what the sessions share
     * @param actions   the actions sessions may run
     */
    public ActionDispatcher(ConnectorContext connector, ActionRegistry actions) {
        this.connector = connector;
        this.actions = actions;
    }

    /**
     * Handles one well-formed request.
     *
     * @param session the session that sent it
     * @param action  the request
     */
    public void dispatch(AmiSession session, ManagerAction action) {
        ActionCall call = new ActionCall(action, session, connector, actions);
        Optional<String> name = action.action();
        Optional<ActionHandler> handler = name.flatMap(actions::find);
        connector.counters().actionRun(handler.map(ActionHandler::name).orElse(ServerCounters.UNKNOWN_ACTION));
        if (connector.configuration().general().debug()) {
            List<String> sensitive = handler.map(ActionHandler::sensitiveHeaders).orElse(List.of());
            LOG.info(() -> "Manager received request from " + session.remoteHost() + ": "
                    + RequestLog.describe(action, sensitive));
        }
        if (name.isEmpty()) {
            call.replyError(MISSING_ACTION);
            reportBadFormat(call, "Action: NONE");
            return;
        }
        if (connector.isShuttingDown()) {
            call.replyError(SHUTTING_DOWN);
            return;
        }
        if (!session.isAuthenticated() && !handler.map(ActionHandler::allowedBeforeLogin).orElse(false)) {
            // Asterisk reports any action but Login, Logoff and Challenge before login, known or not
            call.replyError(PERMISSION_DENIED);
            reportNotAllowed(call, name.get());
            return;
        }
        if (MultipleLoginGuard.refuses(call, name.get())) {
            return;
        }
        if (session.isAuthenticated()) {
            Optional<ActionHandler> forwarded = actions.forwarding().forward(session, action, handler);
            if (forwarded.isPresent()) {
                handler = forwarded;
            }
        }
        if (handler.isEmpty()) {
            call.replyError("Invalid/unknown command: " + name.get()
                    + ". Use Action: ListCommands to show available commands.");
            reportBadFormat(call, "Action: " + name.get());
            return;
        }
        ActionHandler h = handler.get();
        if (session.isAuthenticated() && !h.authority().isEmpty()
                && !session.account().write().intersects(h.authority())) {
            call.replyError(PERMISSION_DENIED);
            reportNotAllowed(call, name.get());
            return;
        }
        h.handle(call);
    }

    private void reportBadFormat(ActionCall call, String requestType) {
        AmiSession session = call.session();
        connector.publish(SecurityEvents.requestBadFormat(session.securityPeer(), session.loginName(), requestType,
                call.now()));
    }

    private void reportNotAllowed(ActionCall call, String action) {
        AmiSession session = call.session();
        connector.publish(SecurityEvents.requestNotAllowed(session.securityPeer(), session.loginName(), action,
                call.now()));
    }
}
