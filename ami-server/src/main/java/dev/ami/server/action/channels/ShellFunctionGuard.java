package dev.ami.server.action.channels;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.ActionCall;

/**
 * Asterisk's guard on expressions that could run shell code (main/manager.c, function_capable_string_allowed_with_auths):
 * SHELL and EVAL need system write.
 */
final class ShellFunctionGuard {

    private ShellFunctionGuard() {
    }

    static boolean forbidden(ActionCall call, String expression) {
        boolean system = (call.session().account().write().bits() & AuthorityClass.SYSTEM.bits()) != 0;
        return !system && (expression.contains("SHELL") || expression.contains("EVAL"));
    }
}
