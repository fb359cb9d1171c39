package dev.ami.server.action.application;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.connector.SessionThread;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ActionHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An action an application on the server added. It runs off the event loop, in the application;
 * the session holds its further requests meanwhile, so answers keep their order. An application
 * that has not answered within {@link #TIMEOUT} gets {@code Action <name> timed out} answered for
 * it, the session goes on, and its late answer is dropped: a stuck application cannot hold a
 * session forever.
 */
public final class ApplicationActionHandler implements ActionHandler {

    /** How long a session waits for an application's answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

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
    public List<String> sensitiveHeaders() {
        return action.sensitiveHeaders();
    }

    @Override
    public void handle(ActionCall call) {
        CompletionStage<List<ManagerMessage>> answer;
        try {
            answer = action.handler().apply(new ActionRequest(call.action(), call.session().account().username(),
                    call.session().account().write(), call.session().remoteHost()));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<List<ManagerMessage>> bounded = new CompletableFuture<>();
        answer.whenComplete((messages, failure) -> {
            boolean first = failure == null ? bounded.complete(messages) : bounded.completeExceptionally(failure);
            if (!first) {
                LOG.warning(() -> "AMI action " + action.name() + " answered after its " + TIMEOUT.toSeconds()
                        + " s; the answer was dropped");
            }
        });
        SessionThread.Timer timer = call.session().transport().schedule(
                () -> bounded.completeExceptionally(new TimeoutException()), TIMEOUT);
        bounded.whenComplete((messages, failure) -> timer.cancel());
        call.session().await(bounded, (messages, failure) -> {
            if (failure instanceof TimeoutException) {
                LOG.warning(() -> "AMI action " + action.name() + " did not answer within " + TIMEOUT.toSeconds() + " s");
                call.replyError("Action " + action.name() + " timed out");
                return;
            }
            if (failure != null) {
                LOG.log(Level.WARNING, "AMI action " + action.name() + " failed", failure);
                call.replyError("Action " + action.name() + " failed");
                return;
            }
            messages.forEach(call::reply);
        });
    }
}
