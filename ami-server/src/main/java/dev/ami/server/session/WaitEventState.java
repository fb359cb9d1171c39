package dev.ami.server.session;

import dev.ami.api.connector.SessionThread;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.routing.OutboundEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's pending {@code WaitEvent}, if any: it ends at the next event for the session, when
 * the client sends anything, or after its timeout, whichever comes first. Used on the session's
 * thread only.
 */
final class WaitEventState {

    private final SessionTransport transport;
    private final EventOutbox outbox;
    private Pending pending;

    WaitEventState(SessionTransport transport, EventOutbox outbox) {
        this.transport = transport;
        this.outbox = outbox;
    }

    /**
     * @param request        the WaitEvent request
     * @param timeoutSeconds 0 to return at once, -1 to wait without limit
     */
    void start(ManagerAction request, int timeoutSeconds) {
        finish(null);
        pending = new Pending(request, timeoutSeconds > 0
                ? transport.schedule(() -> finish(null), Duration.ofSeconds(timeoutSeconds))
                : null);
        if (timeoutSeconds == 0) {
            finish(null);
        }
    }

    /** @return true while a WaitEvent waits */
    boolean isPending() {
        return pending != null;
    }

    /**
     * Ends a pending WaitEvent, if any, as Asterisk does (main/manager.c, action_waitevent): the
     * response, then every pending event (the one that ended the wait first), then
     * WaitEventComplete.
     *
     * @param event the event that ended the wait, or null
     */
    void finish(OutboundEvent event) {
        Pending done = pending;
        if (done == null) {
            return;
        }
        pending = null;
        if (done.timer() != null) {
            done.timer().cancel();
        }
        transport.send(ManagerResponse.success(done.request()).message("Waiting for Event completed.").build());
        if (event != null) {
            transport.write(event);
        }
        outbox.deliverAll(transport::write);
        List<Header> complete = new ArrayList<>();
        complete.add(new Header("Event", "WaitEventComplete"));
        done.request().actionId().ifPresent(id -> complete.add(new Header("ActionID", id)));
        transport.send(new ManagerMessage(complete));
    }

    private record Pending(ManagerAction request, SessionThread.Timer timer) {
    }
}
