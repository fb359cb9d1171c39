package dev.ami.api.metrics;

import dev.ami.api.connector.SessionStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The connector's running totals since it started, for metrics: actions run by name, events
 * routed, and what the sessions that have ended delivered, dropped, and why some were cut off
 * (the live sessions' own figures are in their {@link SessionStatistics}). Cheap to count from any
 * thread; read by the metrics on each scrape.
 */
public final class ServerCounters {

    /** The name counted for an action the server does not know: names typed by clients cannot grow the metrics. */
    public static final String UNKNOWN_ACTION = "(unknown)";

    private final Map<String, LongAdder> actions = new ConcurrentHashMap<>();
    private final LongAdder eventsRouted = new LongAdder();
    private final LongAdder endedDelivered = new LongAdder();
    private final LongAdder endedDropped = new LongAdder();
    private final LongAdder slowConsumers = new LongAdder();
    private final LongAdder writeStalls = new LongAdder();

    /** @param name a known action's name, as registered (or {@link #UNKNOWN_ACTION}) */
    public void actionRun(String name) {
        actions.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    /** An event was routed to the sessions. */
    public void eventRouted() {
        eventsRouted.increment();
    }

    /** @param ended a session that has ended: its delivered and dropped events join the totals */
    public void sessionEnded(SessionStatistics ended) {
        endedDelivered.add(ended.delivered());
        endedDropped.add(ended.dropped());
    }

    /** A session was closed because it did not read its events (its queue overflowed). */
    public void slowConsumerClosed() {
        slowConsumers.increment();
    }

    /** A TCP or TLS connection was closed because it took no bytes for its writetimeout. */
    public void writeStalled() {
        writeStalls.increment();
    }

    /** @return actions run so far, by name, in name order */
    public Map<String, Long> actions() {
        Map<String, Long> copy = new TreeMap<>();
        actions.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }

    /** @return events routed to the sessions */
    public long eventsRouted() {
        return eventsRouted.sum();
    }

    /** @return events delivered by sessions that have ended */
    public long endedDelivered() {
        return endedDelivered.sum();
    }

    /** @return events dropped by sessions that have ended */
    public long endedDropped() {
        return endedDropped.sum();
    }

    /** @return sessions closed because their event queue overflowed */
    public long slowConsumersClosed() {
        return slowConsumers.sum();
    }

    /** @return connections closed because they took no bytes for their writetimeout */
    public long writeStalls() {
        return writeStalls.sum();
    }
}
