package dev.ami.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.connector.EventStatistics.EventCount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-event counts the router adds to: by name, in name order, bounded in names. */
class ServerCountersTest {

    @Test
    void eachNameCountsItsFiringsAndTheSessionsThatTookThem() {
        ServerCounters counters = new ServerCounters();
        counters.eventRouted("UserEvent", 3);
        counters.eventRouted("Newchannel", 0);
        counters.eventRouted("UserEvent", 2);
        assertEquals(List.of(new EventCount("Newchannel", 1, 0), new EventCount("UserEvent", 2, 5)), counters.events());
        assertEquals(3, counters.eventsRouted());
    }

    @Test
    void namesPastTheBoundAreCountedTogether() {
        ServerCounters counters = new ServerCounters();
        for (int i = 0; i < ServerCounters.MAX_EVENT_NAMES; i++) {
            counters.eventRouted(String.format("E%04d", i), 1);
        }
        counters.eventRouted("Late", 1);
        counters.eventRouted("Later", 2);
        counters.eventRouted("E0000", 1);
        List<EventCount> events = counters.events();
        assertEquals(ServerCounters.MAX_EVENT_NAMES + 1, events.size());
        assertEquals(new EventCount(ServerCounters.OTHER_EVENTS, 2, 3), events.get(0));
        assertEquals(new EventCount("E0000", 2, 2), events.get(1), "a name counted before the bound keeps its own entry");
        assertEquals(ServerCounters.MAX_EVENT_NAMES + 3, counters.eventsRouted());
    }
}
