package dev.ami.api.connector;

import java.time.Instant;
import java.util.List;

/**
 * What the connector's event router has done since the connector started, per event name.
 *
 * @param since  when the counting began (the connector's start)
 * @param events one entry per event name routed so far, by name
 */
public record EventStatistics(Instant since, List<EventCount> events) {

    public EventStatistics {
        events = List.copyOf(events);
    }

    /**
     * The figures of one event name.
     *
     * @param name      the event name ({@code Event:} header); names past the counter's bound share one entry
     * @param fired     how often an event of this name was published to the router (disabled ones included)
     * @param delivered how many sessions took one into their queue (their rights, event mask and
     *                  filters let it through), summed over every event of this name
     */
    public record EventCount(String name, long fired, long delivered) {
    }
}
