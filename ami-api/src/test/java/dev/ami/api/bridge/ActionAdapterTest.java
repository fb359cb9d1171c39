package dev.ami.api.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.action.ManagerActionHandler;
import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The one adapter from an annotated handler to the action the connector registers. */
class ActionAdapterTest {

    @AmiAction(name = "SetPin", write = {AuthorityClass.USER, AuthorityClass.CONFIG}, synopsis = "Set a PIN.",
            sensitiveHeaders = {"Pin", "Value-*"})
    static final class SetPin implements ManagerActionHandler {
        @Override
        public List<ManagerMessage> handle(ActionRequest request) {
            return List.of(ManagerResponse.success(request.action()).message("Set for " + request.username()).build());
        }
    }

    private final List<Runnable> queued = new ArrayList<>();
    private final Executor executor = queued::add;

    private static ActionRequest request() {
        return new ActionRequest(ManagerAction.of("Action", "SetPin", "ActionID", "9"), "alice", Authority.ALL);
    }

    private List<ManagerMessage> run(ApplicationAction action) throws Exception {
        var answer = action.handler().apply(request()).toCompletableFuture();
        assertFalse(answer.isDone(), "the handler runs on the executor, not on the caller's thread");
        queued.forEach(Runnable::run);
        return answer.get();
    }

    @Test
    void theAnnotationGivesNameRightsSynopsisAndSensitiveHeaders() throws Exception {
        SetPin handler = new SetPin();
        ApplicationAction action = ActionAdapter.adapt(SetPin.class.getAnnotation(AmiAction.class), handler, executor, "t");
        assertEquals("SetPin", action.name());
        assertEquals(Authority.of(AuthorityClass.USER, AuthorityClass.CONFIG), action.write());
        assertEquals("Set a PIN.", action.synopsis());
        assertEquals(List.of("Pin", "Value-*"), action.sensitiveHeaders());
        assertEquals("Response: Success|ActionID: 9|Message: Set for alice", wire(run(action)));
    }

    @Test
    void aHandlerThatThrowsOrAnswersNullIsAnsweredWithTheActionsName() throws Exception {
        AmiAction declared = SetPin.class.getAnnotation(AmiAction.class);
        assertEquals("Response: Error|ActionID: 9|Message: Action SetPin failed", wire(run(ActionAdapter.adapt(declared,
                request -> {
                    throw new IllegalStateException("down");
                }, executor, "t"))));
        queued.clear();
        assertEquals("Response: Error|ActionID: 9|Message: Action SetPin failed",
                wire(run(ActionAdapter.adapt(declared, request -> null, executor, "t"))));
    }

    @Test
    void sensitiveHeadersMatchWithoutCaseAndByPrefixWithAStar() {
        ApplicationAction action = ActionAdapter.adapt(SetPin.class.getAnnotation(AmiAction.class), new SetPin(),
                executor, "t");
        assertTrue(action.isSensitive("pin"));
        assertTrue(action.isSensitive("VALUE-000003"));
        assertFalse(action.isSensitive("Pins"));
        assertFalse(action.isSensitive("Var-000003"));
        assertThrows(IllegalArgumentException.class, () -> new ApplicationAction("X", Authority.NONE, "",
                List.of("Bad*Name"), r -> null));
        assertThrows(IllegalArgumentException.class, () -> new ApplicationAction("X", Authority.NONE, "",
                List.of("*"), r -> null));
    }

    private static String wire(List<ManagerMessage> messages) {
        return String.join("|", messages.get(0).headers().stream().map(h -> h.name() + ": " + h.value()).toList());
    }
}
