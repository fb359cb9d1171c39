package dev.ami.server.action.events;

import dev.ami.api.authority.Authority;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/**
 * {@code Action: Events}: sets which event classes the session receives, within its read rights.
 * With {@code brokeneventsaction = yes} Asterisk's old behaviour is kept: no answer at all for an
 * empty mask or one meaning every class.
 */
public final class EventsAction extends AbstractAction {

    public EventsAction() {
        super("Events", "Control Event Flow.");
    }

    @Override
    public void handle(ActionCall call) {
        Authority mask = Authority.parseEventMask(call.action().get("EventMask"));
        boolean broken = call.connector().configuration().general().brokenEventsAction();
        if (broken && (mask == null || mask.equals(Authority.ALL))) {
            if (mask != null) {
                call.session().setEventMask(call.session().account().read().and(mask));
            }
            return;
        }
        if (mask == null) {
            call.replyError("Invalid event mask");
            return;
        }
        call.session().setEventMask(call.session().account().read().and(mask));
        // "On" whenever the mask names a class, even one the account may not read.
        call.reply(call.success().header("Events", mask.isEmpty() ? "Off" : "On").build());
    }
}
