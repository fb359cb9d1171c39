package dev.ami.server.session;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.event.AmiTime;
import dev.ami.server.action.ActionRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every session of one connector shares: the configuration snapshot, the live sessions, the
 * actions, and the times the server booted and last reloaded. The configuration is replaced as a
 * whole when it is re-read; sessions always see one consistent snapshot.
 */
public final class ConnectorContext {

    private final SessionRegistry sessions = new SessionRegistry();
    private final ActionRegistry actions;
    private final Clock clock;
    private final Instant startedAt;
    private volatile Instant lastReload;
    private volatile ManagerConfiguration configuration;
    private final ConfigurationReloader reloader;
    private final AtomicInteger sequence = new AtomicInteger();

    public ConnectorContext(ManagerConfiguration configuration, ActionRegistry actions, Clock clock,
            ConfigurationReloader reloader) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reloader = Objects.requireNonNull(reloader, "reloader");
        this.startedAt = clock.instant();
        this.lastReload = startedAt;
    }

    public ManagerConfiguration configuration() {
        return configuration;
    }

    /** @return what re-reads the stored configuration (Reload, {@code manager reload}) */
    public ConfigurationReloader reloader() {
        return reloader;
    }

    /** Replaces the configuration snapshot; new logins see it at once. */
    public void reload(ManagerConfiguration newConfiguration) {
        this.configuration = Objects.requireNonNull(newConfiguration, "configuration");
        this.lastReload = clock.instant();
    }

    /**
     * Sends an event to every session allowed to see it, with a {@code Timestamp:} after
     * {@code Privilege:} when {@code timestampevents} is on.
     *
     * @param event      the event, starting with its {@code Event:} and {@code Privilege:} headers
     * @param eventClass its classes
     */
    public void publish(ManagerMessage event, Authority eventClass) {
        GeneralSettings general = configuration.general();
        ManagerMessage form = event;
        int at = 2;
        if (general.timestampEvents()) {
            form = form.with(at++, new Header("Timestamp", AmiTime.timestamp(clock.instant())));
        }
        if (general.debug()) {
            // Asterisk names the C source that raised the event; we name the Java one.
            StackWalker.StackFrame origin = StackWalker.getInstance().walk(frames -> frames
                    .filter(f -> !f.getClassName().equals(ConnectorContext.class.getName())).findFirst()).orElseThrow();
            form = form.with(at++, new Header("SequenceNumber", Integer.toString(sequence.getAndIncrement())))
                    .with(at++, new Header("File", origin.getFileName() == null ? "?" : origin.getFileName()))
                    .with(at++, new Header("Line", Integer.toString(origin.getLineNumber())))
                    .with(at, new Header("Func", origin.getMethodName()));
        }
        sessions.deliver(form, eventClass);
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public ActionRegistry actions() {
        return actions;
    }

    public Clock clock() {
        return clock;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastReload() {
        return lastReload;
    }
}
