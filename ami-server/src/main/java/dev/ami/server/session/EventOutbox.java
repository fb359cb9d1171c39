package dev.ami.server.session;

import dev.ami.server.routing.OutboundEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A session's bounded queue of routed events. Any thread adds; the session's thread writes
 * them in order, in batches, while the connection is writable, and flushes once per batch. A
 * client that does not read fills its connection, then this queue; past {@link #CAPACITY} the
 * session is cut off as Asterisk cuts off a client whose write failed, and the rest is counted as
 * dropped. A session whose client polls for events (HTTP) is not cut off: its oldest event is
 * dropped to make room ({@link SessionTransport#polled()}). Other sessions are never held up.
 */
final class EventOutbox {

    /** Events a session may have waiting before it is treated as a stalled client. */
    static final int CAPACITY = 10_000;

    private final SessionTransport transport;
    private final Consumer<OutboundEvent> emitter;
    private final Runnable onOverflow;
    private final boolean dropOldest;
    private final Queue<OutboundEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long delivered;
    private volatile long maxLagNanos;
    private volatile boolean closed;

    /**
     * @param transport  the session's connection
     * @param emitter    writes one event, on the session's thread (or ends a pending WaitEvent with it)
     * @param onOverflow called once, on the session's thread, when the queue overflows
     */
    EventOutbox(SessionTransport transport, Consumer<OutboundEvent> emitter, Runnable onOverflow) {
        this.transport = transport;
        this.emitter = emitter;
        this.onOverflow = onOverflow;
        this.dropOldest = transport.polled();
    }

    /**
     * Queues an event; never blocks. Called on the routing thread.
     *
     * @return true if the event was queued; false if it was dropped (the session is cut off or closed)
     */
    boolean offer(OutboundEvent event) {
        if (closed) {
            dropped.incrementAndGet();
            return false;
        }
        if (size.incrementAndGet() > CAPACITY) {
            if (!dropOldest) {
                size.decrementAndGet();
                dropped.incrementAndGet();
                if (!closed) {
                    closed = true;
                    transport.execute(() -> {
                        onOverflow.run();
                        drain();
                    });
                }
                return false;
            }
            if (queue.poll() != null) {
                size.decrementAndGet();
                dropped.incrementAndGet();
            }
        }
        event.bytes(); // made here, on the routing thread, before the queue hands the event on
        queue.offer(event);
        queued.incrementAndGet();
        if (scheduled.compareAndSet(false, true)) {
            transport.execute(this::drain);
        }
        return true;
    }

    /**
     * Writes what is queued while the connection takes it; the rest waits for
     * the transport's signal that it takes bytes again. On the session's thread.
     */
    void drain() {
        scheduled.set(false);
        if (closed || !transport.isOpen()) {
            discard();
            return;
        }
        if (deliver(emitter, true) > 0) {
            transport.flush();
        }
    }

    /**
     * Hands every queued event to {@code writer} now, writable or not: a WaitEvent ends by writing
     * all pending events before its WaitEventComplete, as Asterisk does. On the session's thread.
     */
    void deliverAll(Consumer<OutboundEvent> writer) {
        if (!closed) {
            deliver(writer, false);
        }
    }

    /** Writes queued events in order; the shared counters are updated once per batch, not per event. */
    private long deliver(Consumer<OutboundEvent> writer, boolean onlyWhileWritable) {
        long maxLag = maxLagNanos;
        long count = 0;
        OutboundEvent event;
        while ((!onlyWhileWritable || transport.isWritable()) && (event = queue.poll()) != null) {
            size.decrementAndGet();
            long lag = System.nanoTime() - event.routedNanos();
            if (lag > maxLag) {
                maxLag = lag;
            }
            writer.accept(event);
            count++;
        }
        delivered += count;
        maxLagNanos = Math.max(maxLagNanos, maxLag); // a WaitEvent may have delivered within this batch
        return count;
    }

    /** Stops taking events and releases what is queued, counting it as dropped. On the session's thread. */
    void close() {
        closed = true;
        discard();
    }

    private void discard() {
        while (queue.poll() != null) {
            size.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    long queued() {
        return queued.get();
    }

    long delivered() {
        return delivered;
    }

    long dropped() {
        return dropped.get();
    }

    int pending() {
        return size.get();
    }

    long maxLagMillis() {
        return maxLagNanos / 1_000_000;
    }
}
