package dev.ami.server.action.login;

import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/** {@code Action: Challenge} with {@code AuthType: MD5}: the session's fixed challenge for an MD5 login. */
public final class ChallengeAction extends AbstractAction {

    public ChallengeAction() {
        super("Challenge", "Generate Challenge for MD5 Auth.");
    }

    @Override
    public boolean allowedBeforeLogin() {
        return true;
    }

    @Override
    public void handle(ActionCall call) {
        if (!"MD5".equalsIgnoreCase(call.action().get("AuthType"))) {
            call.replyError("Must specify AuthType");
            return;
        }
        call.reply(call.success().header("Challenge", call.session().challenge()).build());
    }
}
