package dev.ami.server.action.channels;

import dev.ami.api.action.EventListResponse;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/** {@code Action: CoreShowChannels}: the list of active channels, which is empty here. */
public final class CoreShowChannelsAction extends AbstractAction {

    public CoreShowChannelsAction() {
        super("CoreShowChannels", "List currently active channels.", AuthorityClass.SYSTEM, AuthorityClass.REPORTING);
    }

    @Override
    public void handle(ActionCall call) {
        EventListResponse.start(call.action(), "Channels will follow").complete("CoreShowChannelsComplete")
                .forEach(call::reply);
    }
}
