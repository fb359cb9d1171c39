package dev.ami.persistence.observe;

import dev.ami.api.connector.UpstreamStatus;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Each upstream's meters, labelled {@code upstream}: whether ami's session with it is up, the events
 * received from it, the actions forwarded to it, its failed attempts, and the lag (the last keep-alive
 * Ping's round trip; NaN before one). Upstreams come and go with the configuration, so {@link #scan}
 * (run periodically) registers the meters of an upstream the connector reports for the first time and
 * removes those of one it no longer reports. Each meter reads the connector's status when scraped. The
 * caller holds this object: a meter keeps only a weak reference to it.
 */
final class UpstreamMeters {

    private final Supplier<List<UpstreamStatus>> statuses;
    private final Map<String, List<Meter>> registered = new HashMap<>();

    /** @param statuses the connector's upstreams as it reports them now (none while it does not run) */
    UpstreamMeters(Supplier<List<UpstreamStatus>> statuses) {
        this.statuses = statuses;
    }

    /** Registers the meters of upstreams seen for the first time, removes those of upstreams gone. */
    synchronized void scan(MeterRegistry registry) {
        Set<String> now = new HashSet<>();
        for (UpstreamStatus s : statuses.get()) {
            now.add(s.name());
            registered.computeIfAbsent(s.name(), name -> register(registry, name));
        }
        registered.entrySet().removeIf(e -> {
            if (now.contains(e.getKey())) {
                return false;
            }
            e.getValue().forEach(registry::remove);
            return true;
        });
    }

    private List<Meter> register(MeterRegistry registry, String name) {
        Tags tags = Tags.of("upstream", name);
        List<Meter> meters = new ArrayList<>();
        registry.gauge("ami_upstream_connected", tags, this,
                m -> m.read(name, s -> s.state() == UpstreamStatus.State.CONNECTED ? 1 : 0));
        registry.gauge("ami_upstream_lag_seconds", tags, this,
                m -> m.read(name, s -> s.lagMicros() < 0 ? Double.NaN : s.lagMicros() / 1_000_000.0));
        // registry.gauge answers the state, not the meter: found again to be removable (if the registry
        // cannot find it, it stays and reads 0 once the connector no longer reports the upstream)
        for (String gauge : List.of("ami_upstream_connected", "ami_upstream_lag_seconds")) {
            Meter found = registry.find(gauge).tags(tags).gauge();
            if (found != null) {
                meters.add(found);
            }
        }
        // counters: the Prometheus registry names them ..._total
        meters.add(registry.more().counter("ami_upstream_events_received", tags, this,
                m -> m.read(name, UpstreamStatus::eventsReceived)));
        meters.add(registry.more().counter("ami_upstream_actions_forwarded", tags, this,
                m -> m.read(name, UpstreamStatus::actionsForwarded)));
        meters.add(registry.more().counter("ami_upstream_failures", tags, this, m -> m.read(name, UpstreamStatus::failures)));
        return meters;
    }

    /** One figure of the named upstream's status; 0 while the connector does not report it. */
    private double read(String name, ToDoubleFunction<UpstreamStatus> figure) {
        for (UpstreamStatus s : statuses.get()) {
            if (s.name().equals(name)) {
                return figure.applyAsDouble(s);
            }
        }
        return 0;
    }
}
