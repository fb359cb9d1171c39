package dev.ami.server.action.login;

import dev.ami.api.message.ManagerResponse;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/** {@code Action: Logoff}: Goodbye, then the server closes the connection (clients rely on it). */
public final class LogoffAction extends AbstractAction {

    public LogoffAction() {
        super("Logoff", "Logoff Manager.");
    }

    @Override
    public boolean allowedBeforeLogin() {
        return true;
    }

    @Override
    public void handle(ActionCall call) {
        call.session().sendAndClose(ManagerResponse.goodbye(call.action()).message("Thanks for all the fish.").build());
    }
}
