package dev.ami.server.action;

import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Asterisk's list-style answers: {@code Response: Success} with {@code EventList: start} and a
 * message, the items as events, then {@code <Name>Complete} with {@code EventList: Complete} and
 * {@code ListItems}. Items and the Complete event carry no Privilege header and go only to the
 * requesting session, unfiltered.
 */
public final class ListResponse {

    private ListResponse() {
    }

    /**
     * @param call    the request
     * @param message e.g. {@code Channels will follow}
     * @return the acknowledgement
     */
    public static ManagerMessage start(ActionCall call, String message) {
        return call.success().header("EventList", "start").message(message).build();
    }

    /**
     * @param call  the request
     * @param event the event name, e.g. {@code CoreShowChannelsComplete}
     * @param count how many items were sent
     * @param extra headers after ListItems (e.g. Status's {@code Items})
     * @return the Complete event
     */
    public static ManagerMessage complete(ActionCall call, String event, int count, Header... extra) {
        List<Header> h = new ArrayList<>();
        h.add(new Header("Event", event));
        call.action().actionId().ifPresent(id -> h.add(new Header("ActionID", id)));
        h.add(new Header("EventList", "Complete"));
        h.add(new Header("ListItems", Integer.toString(count)));
        h.addAll(List.of(extra));
        return new ManagerMessage(h);
    }
}
