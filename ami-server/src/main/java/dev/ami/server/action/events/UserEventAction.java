package dev.ami.server.action.events;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.message.Header;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;
import java.util.List;

/**
 * {@code Action: UserEvent}: raises {@code Event: UserEvent} (class user) to every session that may
 * see it, the sender included. Every line of the request except {@code Action:} and
 * {@code UserEvent:} lines is copied into the event verbatim, in order, ActionID included.
 */
public final class UserEventAction extends AbstractAction {

    public UserEventAction() {
        super("UserEvent", "Send an arbitrary event.", AuthorityClass.USER);
    }

    @Override
    public void handle(ActionCall call) {
        ManagerEvent.Builder event = ManagerEvent.of("UserEvent", AuthorityClass.USER)
                .header("UserEvent", call.action().get("UserEvent"));
        for (String line : call.action().lines()) {
            if (!startsWithIgnoreCase(line, "UserEvent:") && !startsWithIgnoreCase(line, "Action:")) {
                event.headers(List.of(Header.raw(line)));
            }
        }
        call.reply(call.success().message("Event Sent").build());
        call.connector().publish(event.build());
    }

    private static boolean startsWithIgnoreCase(String line, String prefix) {
        return line.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
