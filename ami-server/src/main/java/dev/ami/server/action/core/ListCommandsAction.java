package dev.ami.server.action.core;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ActionHandler;

/**
 * {@code Action: ListCommands}: one {@code Name: synopsis  (Priv: classes)} line per action the
 * account may run, sorted by name without regard to case, as Asterisk prints them.
 */
public final class ListCommandsAction extends AbstractAction {

    public ListCommandsAction() {
        super("ListCommands", "List available manager commands.");
    }

    @Override
    public void handle(ActionCall call) {
        Authority write = call.session().account().write();
        ManagerResponse response = call.success();
        for (ActionHandler action : call.actions().sorted()) {
            if (action.authority().isEmpty() || write.intersects(action.authority())) {
                response.header(action.name(), action.synopsis() + "  (Priv: " + action.authority().privilege() + ")");
            }
        }
        call.reply(response.build());
    }
}
