package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A sender's lead over the slowest listener is bounded in bytes, not events, so padded events lead less. */
class FanOutLagTest {

    @Test
    void plainEventsKeepTheFullLead() {
        assertEquals(FanOutScenario.LAG, FanOutScenario.lag(0));
    }

    @Test
    void paddedEventsLeadByAboutTheSameBytes() {
        long padded = FanOutScenario.lag(900);
        assertTrue(padded < FanOutScenario.LAG / 10, "lead " + padded);
        assertTrue(padded >= 1);
    }
}
