package dev.ami.server.action.channels;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.ActionCall;

/** Asterisk's guard on expressions that could run shell code: SHELL and EVAL need system write. */
final class ChannelVariables {

    private ChannelVariables() {
    }

    static boolean forbidden(ActionCall call, String expression) {
        boolean system = (call.session().account().write().bits() & AuthorityClass.SYSTEM.bits()) != 0;
        return !system && (expression.contains("SHELL") || expression.contains("EVAL"));
    }
}
