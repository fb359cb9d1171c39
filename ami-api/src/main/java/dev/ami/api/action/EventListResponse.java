package dev.ami.api.action;

import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Asterisk's list-style answer: {@code Response: Success} with {@code EventList: start} and a
 * message, one event per item ({@code ActionID} right after {@code Event}, no {@code Privilege}),
 * then {@code <Name>Complete} with {@code EventList: Complete} and {@code ListItems}.
 *
 * <pre>{@code
 * return EventListResponse.start(request, "Orders will follow")
 *         .item("OrderEntry", List.of(new Header("Order", "4711")))
 *         .complete("OrderListComplete");
 * }</pre>
 */
public final class EventListResponse {

    private final ManagerAction request;
    private final List<ManagerMessage> messages = new ArrayList<>();
    private int items;

    private EventListResponse(ManagerAction request, String message) {
        this.request = request;
        messages.add(ManagerResponse.success(request).header("EventList", "start").message(message).build());
    }

    /**
     * @param request the request being answered
     * @param message e.g. {@code Channels will follow}
     * @return a builder holding the acknowledgement
     */
    public static EventListResponse start(ManagerAction request, String message) {
        return new EventListResponse(request, message);
    }

    /**
     * Adds an item.
     *
     * @param event   the item's event name
     * @param headers its headers after {@code Event} and {@code ActionID}
     * @return this builder
     */
    public EventListResponse item(String event, List<Header> headers) {
        messages.add(event(event, headers));
        items++;
        return this;
    }

    /**
     * @param event the completion event's name, e.g. {@code CoreShowChannelsComplete}
     * @param extra headers after {@code ListItems}
     * @return the acknowledgement, the items and the completion event, in order
     */
    public List<ManagerMessage> complete(String event, Header... extra) {
        List<Header> h = new ArrayList<>();
        h.add(new Header("EventList", "Complete"));
        h.add(new Header("ListItems", Integer.toString(items)));
        h.addAll(List.of(extra));
        List<ManagerMessage> all = new ArrayList<>(messages);
        all.add(event(event, h));
        return List.copyOf(all);
    }

    private ManagerMessage event(String name, List<Header> headers) {
        List<Header> h = new ArrayList<>();
        h.add(new Header("Event", name));
        request.actionId().ifPresent(id -> h.add(new Header("ActionID", id)));
        h.addAll(headers);
        return new ManagerMessage(h);
    }
}
