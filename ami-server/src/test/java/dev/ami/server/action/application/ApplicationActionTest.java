package dev.ami.server.action.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.testing.TestConnector;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An application's action: authority first, answers in order, failures named, listed while registered. */
class ApplicationActionTest {

    private final TestConnector connector = new TestConnector();
    private final CompletableFuture<List<ManagerMessage>> pending = new CompletableFuture<>();
    private final ApplicationActionHandler handler = new ApplicationActionHandler(new ApplicationAction("ShipOrder",
            Authority.of(AuthorityClass.CALL), "Ship an order", List.of(), request -> pending));

    private TestConnector.Connection login(String user, String secret) {
        var c = connector.login(user, secret);
        c.read();
        return c;
    }

    @Test
    void theAnswerComesWhenTheApplicationIsDoneAndLaterRequestsWait() {
        connector.actions.register(handler);
        var c = login("admin", "s3cret");
        c.send("Action: ShipOrder\r\nActionID: s1\r\n\r\nAction: Ping\r\nActionID: p1\r\n\r\n");
        assertEquals("", c.read(), "nothing until the application answers; the Ping waits its turn");
        pending.complete(List.of(ManagerResponse.success(dev.ami.api.message.ManagerAction.of("ActionID", "s1"))
                .message("Order shipped").build()));
        String out = c.read();
        assertTrue(out.startsWith("Response: Success\r\nActionID: s1\r\nMessage: Order shipped\r\n\r\n"
                + "Response: Success\r\nActionID: p1\r\nPing: Pong\r\n"), out);
    }

    @Test
    void theWriteClassesAreCheckedBeforeTheApplicationIsCalled() {
        ApplicationActionHandler refusing = new ApplicationActionHandler(new ApplicationAction("Secret",
                Authority.of(AuthorityClass.SYSTEM), "", List.of(), request -> {
                    throw new AssertionError("must not be called");
                }));
        connector.actions.register(refusing);
        var c = login("callonly", "pw");
        assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n", c.exchange("Action: Secret\r\n\r\n"));
    }

    @Test
    void aFailureIsAnsweredWithTheActionsName() {
        connector.actions.register(handler);
        var c = login("admin", "s3cret");
        c.send("Action: ShipOrder\r\nActionID: s2\r\n\r\n");
        pending.completeExceptionally(new IllegalStateException("warehouse on fire"));
        assertEquals("Response: Error\r\nActionID: s2\r\nMessage: Action ShipOrder failed\r\n\r\n", c.read());
    }

    @Test
    void listedWhileRegisteredAndUnknownOnceRemoved() {
        connector.actions.register(handler);
        var c = login("admin", "s3cret");
        assertTrue(c.exchange("Action: ListCommands\r\n\r\n").contains("ShipOrder: Ship an order  (Priv: call,all)\r\n"));
        connector.actions.unregister(handler);
        assertEquals("Response: Error\r\nMessage: Invalid/unknown command: ShipOrder. Use Action: ListCommands to show"
                + " available commands.\r\n\r\n", c.exchange("Action: ShipOrder\r\n\r\n").split("Event:")[0]);
    }

    @Test
    void anApplicationThatNeverAnswersTimesOutAndTheSessionGoesOn() {
        connector.actions.register(handler);
        var c = login("admin", "s3cret");
        c.channel().freezeTime();
        c.send("Action: ShipOrder\r\nActionID: s3\r\n\r\nAction: Ping\r\nActionID: p3\r\n\r\n");
        c.channel().advanceTimeBy(ApplicationActionHandler.TIMEOUT.toMillis() - 1, TimeUnit.MILLISECONDS);
        assertEquals("", c.read(), "still waiting just before the timeout");
        c.channel().advanceTimeBy(1, TimeUnit.MILLISECONDS);
        c.channel().runPendingTasks(); // the timer fires; the answer is written by the task it queues
        String out = c.read();
        assertTrue(out.startsWith("Response: Error\r\nActionID: s3\r\nMessage: Action ShipOrder timed out\r\n\r\n"
                + "Response: Success\r\nActionID: p3\r\nPing: Pong\r\n"), out);
        // a late answer is dropped, not written into the middle of later exchanges
        pending.complete(List.of(ManagerResponse.success(dev.ami.api.message.ManagerAction.of("ActionID", "s3"))
                .message("Order shipped").build()));
        assertEquals("", c.read());
    }
}
