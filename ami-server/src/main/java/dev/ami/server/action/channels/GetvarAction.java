package dev.ami.server.action.channels;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/**
 * {@code Action: Getvar}. This server runs no channels and holds no global variables, so a global
 * reads as empty and any named channel does not exist, as on an idle Asterisk.
 */
public final class GetvarAction extends AbstractAction {

    public GetvarAction() {
        super("Getvar", "Gets a channel variable or function value.", AuthorityClass.CALL, AuthorityClass.REPORTING);
    }

    @Override
    public void handle(ActionCall call) {
        String variable = call.action().get("Variable");
        if (variable.isEmpty()) {
            call.replyError("No variable specified");
            return;
        }
        if (ShellFunctionGuard.forbidden(call, variable)) {
            call.replyError("GetVar Access Forbidden: Variable");
            return;
        }
        if (!call.action().get("Channel").isEmpty()) {
            call.replyError("No such channel");
            return;
        }
        call.reply(call.success().header("Variable", variable).header("Value", "").build());
    }
}
