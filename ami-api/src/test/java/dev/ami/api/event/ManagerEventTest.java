package dev.ami.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ami.api.authority.AuthorityClass;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A manager event is one line per header, with a name and at least one class. */
class ManagerEventTest {

    @Test
    void headersKeepTheirOrderAndAreFoundWithoutRegardToCase() {
        ManagerEvent e = ManagerEvent.of("OrderShipped", AuthorityClass.USER).header("Order", "4711")
                .header("Carrier", "Tortoise").build();
        assertEquals("Order", e.headers().get(0).name());
        assertEquals(Optional.of("Tortoise"), e.header("carrier"));
    }

    @Test
    void aLineCopiedVerbatimIsFoundByItsName() {
        ManagerEvent e = ManagerEvent.of("UserEvent", AuthorityClass.USER)
                .headers(java.util.List.of(dev.ami.api.message.Header.raw("Weight:   3 kg "))).build();
        assertEquals(Optional.of("3 kg "), e.header("weight"));
        assertEquals(Optional.empty(), e.header("Weigh"));
    }

    @Test
    void aLineBreakInAValueIsRefusedBecauseItWouldForgeHeaders() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManagerEvent.of("X", AuthorityClass.USER).header("Note", "a\r\nEvent: Forged").build());
        assertEquals("header Note holds a line break", e.getMessage());
    }

    @Test
    void anEventNeedsANameAndAClass() {
        assertThrows(IllegalArgumentException.class, () -> ManagerEvent.of(" ", AuthorityClass.USER).build());
        assertEquals("event X has no authority class",
                assertThrows(IllegalArgumentException.class, () -> ManagerEvent.of("X").build()).getMessage());
    }
}
