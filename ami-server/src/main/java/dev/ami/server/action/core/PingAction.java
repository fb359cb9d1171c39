package dev.ami.server.action.core;

import dev.ami.api.authority.Authority;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ActionHandler;
import dev.ami.server.event.AmiTime;

/** {@code Action: Ping}: a keepalive answered with {@code Ping: Pong} and the server time. */
public final class PingAction implements ActionHandler {

    @Override
    public String name() {
        return "Ping";
    }

    @Override
    public Authority authority() {
        return Authority.NONE;
    }

    @Override
    public String synopsis() {
        return "Keepalive command.";
    }

    @Override
    public void handle(ActionCall call) {
        call.reply(call.success().header("Ping", "Pong").header("Timestamp", AmiTime.timestamp(call.now())).build());
    }
}
