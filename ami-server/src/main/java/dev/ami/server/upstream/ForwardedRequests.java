package dev.ami.server.upstream;

import dev.ami.api.message.ManagerMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests forwarded to upstreams and not yet fully answered, by the ActionID ami gave them
 * ({@code ami-<n>}), and the ids given lately, so that a broadcast event carrying one (Originate's
 * OriginateResponse, a forwarded UserEvent) shows its sender's own id again.
 *
 * <p>An answer is the Response, and when that says {@code EventList: start}, the list's events (sent
 * to ami's session only, so without Privilege) up to the one that says {@code EventList: Complete}
 * (main/manager.c, astman_send_listack). Messages arrive on the upstream's thread; the answer
 * completes there.
 */
public final class ForwardedRequests {

    /** The prefix of the ActionIDs ami gives forwarded requests. */
    static final String PREFIX = "ami-";

    /** How many given ids are remembered for broadcast events that may carry one later. */
    static final int REMEMBERED = 65_536;

    private final AtomicLong next = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, String> given = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * Registers a request about to be forwarded.
     *
     * @param upstream   the upstream it goes to
     * @param originalId the client's ActionID, empty when it sent none
     * @return the ActionID the upstream is to see, and the answer: the client's messages with its own
     *         ActionID, or a failure whose message is for the client
     */
    public Opened open(String upstream, String originalId) {
        String id = PREFIX + next.incrementAndGet();
        Pending p = new Pending(upstream, originalId);
        pending.put(id, p);
        synchronized (given) {
            given.put(id, originalId);
        }
        return new Opened(id, p.done);
    }

    /**
     * A request registered to be forwarded.
     *
     * @param id     the ActionID the upstream is to see
     * @param answer completes with the client's messages, or fails with a message for the client
     */
    public record Opened(String id, CompletableFuture<List<ManagerMessage>> answer) {
    }

    /**
     * Takes a message that answers a pending request.
     *
     * @param message a Response, or an event without Privilege
     * @return true if it answered a pending request
     */
    public boolean accept(UpstreamMessage message) {
        Optional<String> id = message.value("ActionID");
        Pending p = id.map(pending::get).orElse(null);
        if (p == null) {
            return false;
        }
        p.messages.add(withActionId(message, p.originalId).asMessage());
        boolean listStarts = message.isResponse() && message.value("EventList").orElse("").equalsIgnoreCase("start");
        boolean listEnds = !message.isResponse() && message.value("EventList").orElse("").equalsIgnoreCase("Complete");
        if (message.isResponse() ? !listStarts : listEnds) {
            pending.remove(id.get());
            p.done.complete(p.messages);
        }
        return true;
    }

    /**
     * @param event a broadcast event from an upstream
     * @return the event with the sender's own ActionID where it carries one ami gave, else the event
     */
    public UpstreamMessage restore(UpstreamMessage event) {
        Optional<String> id = event.value("ActionID");
        if (id.isEmpty() || !id.get().startsWith(PREFIX)) {
            return event;
        }
        String original;
        synchronized (given) {
            original = given.get(id.get());
        }
        return original == null ? event : withActionId(event, original);
    }

    /**
     * Ends a pending request without its answer.
     *
     * @param id  its ActionID
     * @param why for the client
     */
    public void fail(String id, String why) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.done.completeExceptionally(new UpstreamFailure(why));
        }
    }

    /**
     * Ends every request pending on an upstream (its session ended).
     *
     * @param upstream the upstream
     * @param why      for the clients
     */
    public void failAll(String upstream, String why) {
        pending.forEach((id, p) -> {
            if (p.upstream.equalsIgnoreCase(upstream)) {
                fail(id, why);
            }
        });
    }

    /**
     * @param upstream an upstream's name
     * @return how many requests to it wait for (the rest of) their answer
     */
    public int pending(String upstream) {
        int n = 0;
        for (Pending p : pending.values()) {
            if (p.upstream.equalsIgnoreCase(upstream)) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param message    a message from an upstream
     * @param originalId the id to show instead of its ActionID's; empty to drop the line, as Asterisk
     *                   writes none for a request without one
     * @return the message with its first ActionID line replaced (or dropped)
     */
    static UpstreamMessage withActionId(UpstreamMessage message, String originalId) {
        List<String> lines = new ArrayList<>(message.lines());
        for (int i = 0; i < lines.size(); i++) {
            if (UpstreamMessage.of(lines.get(i)).value("ActionID").isPresent()) {
                if (originalId.isEmpty()) {
                    lines.remove(i);
                } else {
                    lines.set(i, "ActionID: " + originalId);
                }
                break;
            }
        }
        return new UpstreamMessage(lines);
    }

    private static final class Pending {
        final String upstream;
        final String originalId;
        final List<ManagerMessage> messages = new ArrayList<>(1);
        final CompletableFuture<List<ManagerMessage>> done = new CompletableFuture<>();

        Pending(String upstream, String originalId) {
            this.upstream = upstream;
            this.originalId = originalId;
        }
    }

    /** A forwarded request that got no answer; the message is for the client. */
    static final class UpstreamFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UpstreamFailure(String message) {
            super(message, null, false, false);
        }
    }
}
