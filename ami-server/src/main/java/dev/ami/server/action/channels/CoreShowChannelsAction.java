package dev.ami.server.action.channels;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ListResponse;

/** {@code Action: CoreShowChannels}: the list of active channels, which is empty here. */
public final class CoreShowChannelsAction extends AbstractAction {

    public CoreShowChannelsAction() {
        super("CoreShowChannels", "List currently active channels.", AuthorityClass.SYSTEM, AuthorityClass.REPORTING);
    }

    @Override
    public void handle(ActionCall call) {
        call.reply(ListResponse.start(call, "Channels will follow"));
        call.reply(ListResponse.complete(call, "CoreShowChannelsComplete", 0));
    }
}
