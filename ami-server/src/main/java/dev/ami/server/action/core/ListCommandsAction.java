package dev.ami.server.action.core;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ActionHandler;

/**
 * {@code Action: ListCommands}: one {@code Name: synopsis  (Priv: classes)} line per action the
 * account may run, sorted by name without regard to case, as Asterisk prints them.
 */
public final class ListCommandsAction implements ActionHandler {

    @Override
    public String name() {
        return "ListCommands";
    }

    @Override
    public Authority authority() {
        return Authority.NONE;
    }

    @Override
    public String synopsis() {
        return "List available manager commands.";
    }

    @Override
    public void handle(ActionCall call) {
        Authority write = call.session().account().write();
        ManagerResponse response = call.success();
        for (ActionHandler action : call.connector().actions().sorted()) {
            if (action.authority().isEmpty() || write.intersects(action.authority())) {
                response.header(action.name(), action.synopsis() + "  (Priv: " + action.authority().privilege() + ")");
            }
        }
        call.reply(response.build());
    }
}
