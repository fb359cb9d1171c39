package dev.ami.server.session;

import dev.ami.server.routing.OutboundEvent;
import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A session's bounded queue of routed events. Any thread adds; the session's event loop writes
 * them in order, in batches, while the connection is writable, and flushes once per batch. A
 * client that does not read fills its connection, then this queue; past {@link #CAPACITY} the
 * session is cut off as Asterisk cuts off a client whose write failed, and the rest is counted as
 * dropped. Other sessions are never held up.
 */
final class EventOutbox {

    /** Events a session may have waiting before it is treated as a stalled client. */
    static final int CAPACITY = 10_000;

    private final Channel channel;
    private final Consumer<OutboundEvent> emitter;
    private final Runnable onOverflow;
    private final Queue<OutboundEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long delivered;
    private volatile long maxLagNanos;
    private volatile boolean closed;

    /**
     * @param channel    the connection
     * @param emitter    writes one event, on the event loop (or ends a pending WaitEvent with it)
     * @param onOverflow called once, on the event loop, when the queue overflows
     */
    EventOutbox(Channel channel, Consumer<OutboundEvent> emitter, Runnable onOverflow) {
        this.channel = channel;
        this.emitter = emitter;
        this.onOverflow = onOverflow;
    }

    /** Queues an event; never blocks. Called on the routing thread. */
    void offer(OutboundEvent event) {
        if (closed) {
            dropped.incrementAndGet();
            return;
        }
        if (size.incrementAndGet() > CAPACITY) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            if (!closed) {
                closed = true;
                channel.eventLoop().execute(() -> {
                    onOverflow.run();
                    drain();
                });
            }
            return;
        }
        event.retainBytes();
        queue.offer(event);
        queued.incrementAndGet();
        if (scheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    /**
     * Writes what is queued while the connection takes it; the rest waits for
     * {@link io.netty.channel.ChannelInboundHandler#channelWritabilityChanged}. On the event loop.
     */
    void drain() {
        scheduled.set(false);
        if (closed || !channel.isActive()) {
            discard();
            return;
        }
        if (deliver(emitter, true) > 0) {
            channel.flush();
        }
    }

    /**
     * Hands every queued event to {@code writer} now, writable or not: a WaitEvent ends by writing
     * all pending events before its WaitEventComplete, as Asterisk does. On the event loop.
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
        while ((!onlyWhileWritable || channel.isWritable()) && (event = queue.poll()) != null) {
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

    /** Stops taking events and releases what is queued, counting it as dropped. On the event loop. */
    void close() {
        closed = true;
        discard();
    }

    private void discard() {
        OutboundEvent event;
        while ((event = queue.poll()) != null) {
            size.decrementAndGet();
            event.releaseBytes();
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
