package dev.ami.server.action;

import dev.ami.api.message.ManagerAction;
import java.util.List;

/** Gives tests in other packages the dispatcher's debug-log form of a request. */
public final class ActionDispatcherAccess {

    private ActionDispatcherAccess() {
    }

    public static String redacted(String... lines) {
        return ActionDispatcher.redacted(new ManagerAction(List.of(lines)));
    }
}
