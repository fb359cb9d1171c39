package dev.ami.api.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Asterisk's list layout (main/manager.c, astman_send_listack and astman_send_list_complete_start): start,
 * items with ActionID after Event, then Complete with ListItems.
 */
class EventListResponseTest {

    @Test
    void theLayoutOfAsterisksLists() {
        List<ManagerMessage> all = EventListResponse.start(ManagerAction.of("Action", "Orders", "ActionID", "a1"),
                        "Orders will follow")
                .item("OrderEntry", List.of(new Header("Order", "1")))
                .item("OrderEntry", List.of(new Header("Order", "2")))
                .complete("OrdersComplete");
        assertEquals(List.of(
                msg("Response", "Success", "ActionID", "a1", "EventList", "start", "Message", "Orders will follow"),
                msg("Event", "OrderEntry", "ActionID", "a1", "Order", "1"),
                msg("Event", "OrderEntry", "ActionID", "a1", "Order", "2"),
                msg("Event", "OrdersComplete", "ActionID", "a1", "EventList", "Complete", "ListItems", "2")), all);
    }

    private static ManagerMessage msg(String... pairs) {
        List<Header> h = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            h.add(new Header(pairs[i], pairs[i + 1]));
        }
        return new ManagerMessage(h);
    }
}
