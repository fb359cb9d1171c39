package dev.ami.server.action.application;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ActionHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An action an application on the server added. It runs off the event loop, in the application;
 * the session holds its further requests meanwhile, so answers keep their order.
 */
public final class ApplicationActionHandler implements ActionHandler {

    private static final Logger LOG = Logger.getLogger(ApplicationActionHandler.class.getName());

    private final ApplicationAction action;

    public ApplicationActionHandler(ApplicationAction action) {
        this.action = action;
    }

    @Override
    public String name() {
        return action.name();
    }

    @Override
    public Authority authority() {
        return action.write();
    }

    @Override
    public String synopsis() {
        return action.synopsis();
    }

    @Override
    public void handle(ActionCall call) {
        CompletionStage<List<ManagerMessage>> answer;
        try {
            answer = action.handler().apply(new ActionRequest(call.action(), call.session().account().username(),
                    call.session().account().write()));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        call.session().await(answer, (messages, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "AMI action " + action.name() + " failed", failure);
                call.replyError("Action " + action.name() + " failed");
                return;
            }
            messages.forEach(call::reply);
        });
    }
}
