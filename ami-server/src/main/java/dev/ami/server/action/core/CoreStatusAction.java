package dev.ami.server.action.core;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ActionHandler;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** {@code Action: CoreStatus}: when the server started and last reloaded; there are no calls. */
public final class CoreStatusAction implements ActionHandler {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Override
    public String name() {
        return "CoreStatus";
    }

    @Override
    public Authority authority() {
        return Authority.of(AuthorityClass.SYSTEM, AuthorityClass.REPORTING);
    }

    @Override
    public String synopsis() {
        return "Show PBX core status variables.";
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
