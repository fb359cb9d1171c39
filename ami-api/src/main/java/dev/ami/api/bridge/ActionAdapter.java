package dev.ami.api.bridge;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.action.ManagerActionHandler;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns an {@link AmiAction} handler into the {@link ApplicationAction} the connector registers:
 * the one place that does, for the actions of applications (through {@link BridgeClient}) and for
 * the server's own configuration actions alike. The handler runs on the given executor; a handler
 * that throws is answered {@code Action <name> failed} and logged here, so that nothing but the
 * answer leaves the application.
 */
public final class ActionAdapter {

    private static final Logger LOG = Logger.getLogger(ActionAdapter.class.getName());

    private ActionAdapter() {
    }

    /**
     * @param declared the handler's annotation: name, write classes, synopsis, sensitive headers
     * @param handler  the handler
     * @param executor where it runs (a managed executor of its application)
     * @param owner    who declares it, for logs
     * @return the action to register
     */
    public static ApplicationAction adapt(AmiAction declared, ManagerActionHandler handler, Executor executor,
            String owner) {
        return new ApplicationAction(declared.name(), Authority.of(declared.write()), declared.synopsis(),
                List.of(declared.sensitiveHeaders()),
                request -> CompletableFuture.supplyAsync(() -> run(declared.name(), handler, request, owner), executor));
    }

    private static List<ManagerMessage> run(String name, ManagerActionHandler handler, ActionRequest request,
            String owner) {
        try {
            return Objects.requireNonNull(handler.handle(request), "the handler answered null");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "AMI action " + name + " of " + owner + " failed", e);
            return List.of(ManagerResponse.error(request.action()).message("Action " + name + " failed").build());
        }
    }
}
