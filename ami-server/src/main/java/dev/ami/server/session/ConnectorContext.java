package dev.ami.server.session;

import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.OtherNodes;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.login.LoginThrottle;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.metrics.ServerCounters;
import dev.ami.server.routing.EventRouter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every session of one connector shares: the configuration snapshot, the live sessions, the
 * event router, and the times the server booted and last reloaded. The configuration is replaced as a
 * whole when it is re-read; sessions always see one consistent snapshot.
 */
public final class ConnectorContext {

    private final ServerCounters counters = new ServerCounters();
    private final SessionRegistry sessions = new SessionRegistry(counters, () -> this.otherNodes.localSessionsChanged());
    private volatile OtherNodes otherNodes = OtherNodes.NONE;
    private volatile Supplier<List<UpstreamStatus>> upstreams = List::of;
    private final Clock clock;
    private final Instant startedAt;
    private volatile Instant lastReload;
    private volatile ManagerConfiguration configuration;
    private volatile boolean shuttingDown;
    private final ConfigurationReloader reloader;
    private final EventRouter router;
    private final LoginThrottle logins;

    public ConnectorContext(ManagerConfiguration configuration, Clock clock, ConfigurationReloader reloader) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reloader = Objects.requireNonNull(reloader, "reloader");
        this.startedAt = clock.instant();
        this.lastReload = startedAt;
        this.router = new EventRouter(sessions::all, () -> this.configuration.general(), clock);
        this.logins = new LoginThrottle(configuration.general().lockout());
    }

    public ManagerConfiguration configuration() {
        return configuration;
    }

    /** @return the other nodes of the cluster ({@link OtherNodes#NONE} alone) */
    public OtherNodes otherNodes() {
        return otherNodes;
    }

    /** @param nodes the other nodes of the cluster, as the application side knows them */
    public void otherNodes(OtherNodes nodes) {
        this.otherNodes = Objects.requireNonNull(nodes, "nodes");
    }

    /** @return how the sessions with the upstream servers stand, in the configuration's order */
    public List<UpstreamStatus> upstreams() {
        return upstreams.get();
    }

    /** @param statuses where {@link #upstreams()} reads (the listener's upstream connections) */
    public void upstreams(Supplier<List<UpstreamStatus>> statuses) {
        this.upstreams = Objects.requireNonNull(statuses, "statuses");
    }

    /** @return what re-reads the stored configuration (Reload, {@code manager reload}) */
    public ConfigurationReloader reloader() {
        return reloader;
    }

    /** Replaces the configuration snapshot; new logins see it at once. */
    public void reload(ManagerConfiguration newConfiguration) {
        this.configuration = Objects.requireNonNull(newConfiguration, "configuration");
        logins.policy(newConfiguration.general().lockout());
        this.lastReload = clock.instant();
    }

    /**
     * Routes an event to every session allowed to see it and to every in-server subscriber.
     *
     * @param event the event
     */
    public void publish(ManagerEvent event) {
        counters.eventRouted(event.name(), router.publish(event));
    }

    /**
     * Routes an event that came whole from an upstream, as it came (see
     * {@link EventRouter#publishAsReceived}).
     *
     * @param event      the event
     * @param asReceived its lines as sessions receive them
     */
    public void publishAsReceived(ManagerEvent event, ManagerMessage asReceived) {
        counters.eventRouted(event.name(), router.publishAsReceived(event, asReceived));
    }

    /** @return the running totals since the connector started */
    public ServerCounters counters() {
        return counters;
    }

    /** @return the event router, for in-server subscribers */
    public EventRouter router() {
        return router;
    }

    /** @return the failed-login counts and locks of every way into this connector */
    public LoginThrottle logins() {
        return logins;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Marks the connector as stopping: from now on every request is answered
     * {@code Asterisk is shutting down}, as Asterisk does while it stops.
     */
    public void beginShutdown() {
        shuttingDown = true;
    }

    /** Marks the connector as serving again (a configuration was applied to a running listener). */
    public void endShutdown() {
        shuttingDown = false;
    }

    /** @return true while the connector is stopping */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastReload() {
        return lastReload;
    }
}
