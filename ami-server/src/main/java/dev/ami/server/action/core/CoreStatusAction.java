package dev.ami.server.action.core;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** {@code Action: CoreStatus}: when the server started and last reloaded; there are no calls. */
public final class CoreStatusAction extends AbstractAction {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public CoreStatusAction() {
        super("CoreStatus", "Show PBX core status variables.", AuthorityClass.SYSTEM, AuthorityClass.REPORTING);
    }

    @Override
    public void handle(ActionCall call) {
        ZoneId zone = call.connector().clock().getZone();
        ZonedDateTime started = call.connector().startedAt().atZone(zone);
        ZonedDateTime reloaded = call.connector().lastReload().atZone(zone);
        call.reply(call.success()
                .header("CoreStartupDate", DATE.format(started))
                .header("CoreStartupTime", TIME.format(started))
                .header("CoreReloadDate", DATE.format(reloaded))
                .header("CoreReloadTime", TIME.format(reloaded))
                .header("CoreCurrentCalls", "0")
                .header("CoreProcessedCalls", "0")
                .build());
    }
}
