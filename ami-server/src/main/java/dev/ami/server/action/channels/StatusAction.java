package dev.ami.server.action.channels;

import dev.ami.api.action.EventListResponse;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.Header;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/** {@code Action: Status}: the status of every channel (none here), or of one named channel. */
public final class StatusAction extends AbstractAction {

    public StatusAction() {
        super("Status", "List channel status.", AuthorityClass.SYSTEM, AuthorityClass.CALL, AuthorityClass.REPORTING);
    }

    @Override
    public void handle(ActionCall call) {
        if (ShellFunctionGuard.forbidden(call, call.action().get("Variables"))) {
            call.replyError("Status Access Forbidden: Variables");
            return;
        }
        if (!call.action().get("Channel").isEmpty()) {
            call.replyError("No such channel");
            return;
        }
        EventListResponse.start(call.action(), "Channel status will follow")
                .complete("StatusComplete", new Header("Items", "0")).forEach(call::reply);
    }
}
