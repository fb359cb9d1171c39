package dev.ami.server.action.core;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;
import dev.ami.server.event.SystemEvents;
import java.util.Locale;
import java.util.Set;

/**
 * {@code Action: Reload}: re-reads the stored configuration and applies it (new logins, listener
 * address, enabled) without a restart, then raises {@code Event: Reload}. The only module here is
 * {@code manager}; no Module header reloads everything, which is the same thing.
 */
public final class ReloadAction extends AbstractAction {

    private static final Set<String> MODULES = Set.of("manager");

    public ReloadAction() {
        super("Reload", "Send a reload event.", AuthorityClass.SYSTEM, AuthorityClass.CONFIG);
    }

    @Override
    public void handle(ActionCall call) {
        String module = call.action().get("Module");
        if (!module.isEmpty() && !MODULES.contains(module.toLowerCase(Locale.ROOT))) {
            call.replyError("No such module");
            return;
        }
        call.session().await(call.connector().reloader().reload(), (configuration, failure) -> {
            if (failure != null) {
                call.replyError("An unknown error occurred");
                return;
            }
            call.reply(call.success().message("Module Reloaded").build());
            call.connector().publish(SystemEvents.reload(module.isEmpty() ? "All" : module));
        });
    }
}
