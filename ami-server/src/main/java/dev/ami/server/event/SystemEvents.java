package dev.ami.server.event;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    public static ManagerMessage shutdown() {
        return new ManagerMessage(List.of(
                new Header("Event", "Shutdown"),
                new Header("Privilege", CLASS.privilege()),
                new Header("Shutdown", "Cleanly"),
                new Header("Restart", "False")));
    }

    /**
     * The {@code FullyBooted} event written right after a login (no Timestamp header, as Asterisk).
     *
     * @param startedAt  when the server booted
     * @param lastReload when the configuration was last loaded
     * @param now        the current time
     * @return the event
     */
    public static ManagerMessage fullyBooted(Instant startedAt, Instant lastReload, Instant now) {
        return new ManagerMessage(List.of(
                new Header("Event", "FullyBooted"),
                new Header("Privilege", CLASS.privilege()),
                new Header("Uptime", Long.toString(Duration.between(startedAt, now).toSeconds())),
                new Header("LastReload", Long.toString(Duration.between(lastReload, now).toSeconds())),
                new Header("Status", "Fully Booted")));
    }
}
