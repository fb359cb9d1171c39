package dev.ami.persistence.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.UpstreamStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each upstream's meters follow the connector's status, appear with the upstream and go with it. */
class UpstreamMetersTest {

    private volatile List<UpstreamStatus> statuses = List.of();
    private final UpstreamMeters meters = new UpstreamMeters(() -> statuses);
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private static UpstreamStatus status(String name, UpstreamStatus.State state, long failures, long events, long actions,
            long lagMicros) {
        return new UpstreamStatus(name, "h:5038", state, Instant.EPOCH, null, null, null, 1, failures, events, actions, 0,
                lagMicros);
    }

    private double gauge(String name, String upstream) {
        return registry.get(name).tag("upstream", upstream).gauge().value();
    }

    private double counter(String name, String upstream) {
        return registry.get(name).tag("upstream", upstream).functionCounter().count();
    }

    @Test
    void theMetersReadEachUpstreamsStatusAndGoWithIt() {
        meters.scan(registry);
        assertTrue(registry.getMeters().isEmpty(), "no connector, no upstream meters");

        statuses = List.of(status("pbx1", UpstreamStatus.State.CONNECTED, 2, 1000, 40, 1500),
                status("pbx2", UpstreamStatus.State.RETRYING, 7, 0, 0, -1));
        meters.scan(registry);
        assertEquals(1, gauge("ami_upstream_connected", "pbx1"));
        assertEquals(0, gauge("ami_upstream_connected", "pbx2"));
        assertEquals(0.0015, gauge("ami_upstream_lag_seconds", "pbx1"), 1e-12);
        assertTrue(Double.isNaN(gauge("ami_upstream_lag_seconds", "pbx2")), "no Ping answered yet");
        assertEquals(1000, counter("ami_upstream_events_received", "pbx1"));
        assertEquals(40, counter("ami_upstream_actions_forwarded", "pbx1"));
        assertEquals(7, counter("ami_upstream_failures", "pbx2"));

        // read when scraped, not when registered
        statuses = List.of(status("pbx1", UpstreamStatus.State.RETRYING, 3, 1200, 41, 1500));
        assertEquals(0, gauge("ami_upstream_connected", "pbx1"));
        assertEquals(1200, counter("ami_upstream_events_received", "pbx1"));

        meters.scan(registry);
        assertNull(registry.find("ami_upstream_connected").tag("upstream", "pbx2").gauge(), "pbx2 was removed");
        assertEquals(5, registry.getMeters().size());
    }
}
