package dev.ami.server.event;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.event.ManagerEvent;
import java.time.Duration;
import java.time.Instant;

/** Events of class {@code system} that the server itself raises. */
public final class SystemEvents {

    /** The class of these events. */
    public static final Authority CLASS = Authority.of(AuthorityClass.SYSTEM);

    private SystemEvents() {
    }

    /**
     * The {@code Shutdown} event sent to every session before the listener closes. There are no
     * calls to cut, so the shutdown is always clean.
     *
     * @return the event
     */
    public static ManagerEvent shutdown() {
        return ManagerEvent.of("Shutdown", AuthorityClass.SYSTEM)
                .header("Shutdown", "Cleanly")
                .header("Restart", "False").build();
    }

    /**
     * The {@code FullyBooted} event written right after a login (no Timestamp header, as Asterisk).
     *
     * @param startedAt  when the server booted
     * @param lastReload when the configuration was last loaded
     * @param now        the current time
     * @return the event
     */
    public static ManagerEvent fullyBooted(Instant startedAt, Instant lastReload, Instant now) {
        return ManagerEvent.of("FullyBooted", AuthorityClass.SYSTEM)
                .header("Uptime", Long.toString(Duration.between(startedAt, now).toSeconds()))
                .header("LastReload", Long.toString(Duration.between(lastReload, now).toSeconds()))
                .header("Status", "Fully Booted").build();
    }

    /**
     * Asterisk's {@code Reload} event (main/loader.c, publish_reload_message): the module and
     * status 0 (success).
     *
     * @param module the module reloaded, {@code All} for everything
     * @return the event
     */
    public static ManagerEvent reload(String module) {
        return ManagerEvent.of("Reload", AuthorityClass.SYSTEM)
                .header("Module", module)
                .header("Status", "0").build();
    }
}
