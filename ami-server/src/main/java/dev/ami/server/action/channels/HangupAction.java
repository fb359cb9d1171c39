package dev.ami.server.action.channels;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/** {@code Action: Hangup}: there are no channels here, so any named one does not exist. */
public final class HangupAction extends AbstractAction {

    public HangupAction() {
        super("Hangup", "Hangup channel.", AuthorityClass.SYSTEM, AuthorityClass.CALL);
    }

    @Override
    public void handle(ActionCall call) {
        call.replyError(call.action().get("Channel").isEmpty() ? "No channel specified" : "No such channel");
    }
}
