package dev.ami.api.metrics;

import dev.ami.api.connector.EventStatistics.EventCount;
import dev.ami.api.connector.SessionStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The connector's running totals since it started, for metrics and the REST API's event
 * statistics: actions run by name, events routed by name (fired, and taken by how many sessions),
 * and what the sessions that have ended delivered, dropped, and why some were cut off
 * (the live sessions' own figures are in their {@link SessionStatistics}). Cheap to count from any
 * thread; read by the metrics on each scrape.
 */
public final class ServerCounters {

    /** The name counted for an action the server does not know: names typed by clients cannot grow the metrics. */
    public static final String UNKNOWN_ACTION = "(unknown)";

    /**
     * Event names counted one by one; events of further names are counted together under
     * {@link #OTHER_EVENTS}. Applications name their events freely, so the names are bounded here.
     */
    public static final int MAX_EVENT_NAMES = 1000;

    /** The name that events past {@link #MAX_EVENT_NAMES} names are counted under. */
    public static final String OTHER_EVENTS = "(other)";

    private final Map<String, LongAdder> actions = new ConcurrentHashMap<>();
    /** Per event name; read without locking on the routing thread, added to only for a name not seen yet. */
    private final Map<String, EventCounter> events = new ConcurrentHashMap<>();
    private final LongAdder endedDelivered = new LongAdder();
    private final LongAdder endedDropped = new LongAdder();
    private final LongAdder slowConsumers = new LongAdder();
    private final LongAdder writeStalls = new LongAdder();

    /** @param name a known action's name, as registered (or {@link #UNKNOWN_ACTION}) */
    public void actionRun(String name) {
        actions.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    /**
     * An event was routed: one lookup and two additions per event, whatever the number of
     * sessions (the router counts the sessions that took it as it offers it to them).
     *
     * @param name     the event's name
     * @param sessions how many sessions took it into their queue
     */
    public void eventRouted(String name, int sessions) {
        EventCounter counter = events.get(name);
        if (counter == null) {
            counter = counterFor(name);
        }
        counter.fired.increment();
        if (sessions != 0) {
            counter.delivered.add(sessions);
        }
    }

    private EventCounter counterFor(String name) {
        String counted = events.size() < MAX_EVENT_NAMES ? name : OTHER_EVENTS;
        return events.computeIfAbsent(counted, n -> new EventCounter());
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
        long sum = 0;
        for (EventCounter counter : events.values()) {
            sum += counter.fired.sum();
        }
        return sum;
    }

    /** @return per event name routed so far, in name order: how often it was fired and how many sessions took it */
    public List<EventCount> events() {
        List<EventCount> list = new ArrayList<>(events.size());
        new TreeMap<>(events).forEach((name, c) -> list.add(new EventCount(name, c.fired.sum(), c.delivered.sum())));
        return list;
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

    /** The two figures of one event name. */
    private static final class EventCounter {
        final LongAdder fired = new LongAdder();
        final LongAdder delivered = new LongAdder();
    }
}
