package dev.ami.server.upstream;

import dev.ami.api.connector.Upstream;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.connector.UpstreamStatus.State;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The connector's sessions with its upstreams, one {@link UpstreamConnection} per enabled upstream
 * of the configuration in force. Each configuration applied starts the new ones, closes the
 * removed ones, restarts those whose settings changed and leaves the others connected. Safe from
 * any thread; lookups take no lock.
 */
public final class UpstreamConnections implements UpstreamDirectory, AutoCloseable {

    private final EventLoopGroup group;
    private final UpstreamTraffic traffic;
    private final UpstreamTiming timing;
    private final Clock clock;
    private final Executor lookups;
    /** By lower-case name, in the configuration's order; replaced whole by {@link #apply}. */
    private volatile Map<String, Entry> entries = Map.of();

    /** One configured upstream: its connection, or when it became disabled. */
    private record Entry(Upstream settings, UpstreamConnection connection, Instant disabledSince) {
    }

    /**
     * @param group   the event loops the connections live on (each on one)
     * @param traffic what their messages go to
     * @param lookups where host names are looked up (a lookup blocks: a container thread, not an event loop)
     */
    public UpstreamConnections(EventLoopGroup group, UpstreamTraffic traffic, Executor lookups) {
        this(group, traffic, lookups, UpstreamTiming.DEFAULT, Clock.systemUTC());
    }

    /**
     * @param group   the event loops the connections live on (each on one)
     * @param traffic what their messages go to
     * @param lookups where host names are looked up
     * @param timing  keep-alive, timeouts and backoff
     * @param clock   for the times the statuses report
     */
    public UpstreamConnections(EventLoopGroup group, UpstreamTraffic traffic, Executor lookups, UpstreamTiming timing,
            Clock clock) {
        this.group = group;
        this.traffic = traffic;
        this.lookups = lookups;
        this.timing = timing;
        this.clock = clock;
    }

    /**
     * Makes the connections follow a configuration; returns at once (connecting and closing happen
     * on the event loops).
     *
     * @param upstreams the configured upstreams, in order
     */
    public synchronized void apply(List<Upstream> upstreams) {
        Map<String, Entry> before = entries;
        Map<String, Entry> after = new LinkedHashMap<>();
        for (Upstream upstream : upstreams) {
            String key = key(upstream.name());
            Entry old = before.get(key);
            if (old != null && old.settings().equals(upstream)) {
                after.put(key, old);
                continue;
            }
            if (old != null && old.connection() != null) {
                old.connection().close();
            }
            if (!upstream.enabled()) {
                Instant disabled = old != null && old.connection() == null ? old.disabledSince() : clock.instant();
                after.put(key, new Entry(upstream, null, disabled));
                continue;
            }
            UpstreamConnection connection = new UpstreamConnection(upstream, group.next(), traffic, timing, clock,
                    () -> ThreadLocalRandom.current().nextDouble(), lookups);
            after.put(key, new Entry(upstream, connection, null));
            connection.start();
        }
        for (Map.Entry<String, Entry> old : before.entrySet()) {
            if (!after.containsKey(old.getKey()) && old.getValue().connection() != null) {
                old.getValue().connection().close();
            }
        }
        entries = after;
    }

    /**
     * @param name an upstream's name, without regard to case
     * @return its session when it is logged in; empty when it is not configured, disabled, or not connected now
     */
    @Override
    public Optional<UpstreamChannel> connected(String name) {
        Entry entry = name == null ? null : entries.get(key(name));
        return entry != null && entry.connection() != null && entry.connection().isConnected()
                ? Optional.of(entry.connection()) : Optional.empty();
    }

    /**
     * @param name a name, without regard to case
     * @return true if the configuration names an upstream so (enabled or not)
     */
    @Override
    public boolean configured(String name) {
        return name != null && entries.containsKey(key(name));
    }

    /** @return how each configured upstream stands, in the configuration's order */
    public List<UpstreamStatus> statuses() {
        List<UpstreamStatus> out = new ArrayList<>();
        for (Entry entry : entries.values()) {
            Upstream u = entry.settings();
            out.add(entry.connection() != null ? entry.connection().status()
                    : new UpstreamStatus(u.name(), u.address(), State.DISABLED, entry.disabledSince(), null, null, null,
                            0, 0, 0, 0, 0, -1));
        }
        return out;
    }

    /** Closes every connection (a Logoff to each upstream logged in); a later {@link #apply} starts them again. */
    @Override
    public synchronized void close() {
        for (Entry entry : entries.values()) {
            if (entry.connection() != null) {
                entry.connection().close();
            }
        }
        entries = Map.of();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
