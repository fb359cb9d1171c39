package dev.ami.server.action.core;

import dev.ami.api.event.AmiTime;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/** {@code Action: Ping}: a keepalive answered with {@code Ping: Pong} and the server time. */
public final class PingAction extends AbstractAction {

    public PingAction() {
        super("Ping", "Keepalive command.");
    }

    @Override
    public void handle(ActionCall call) {
        call.reply(call.success().header("Ping", "Pong").header("Timestamp", AmiTime.timestamp(call.now())).build());
    }
}
