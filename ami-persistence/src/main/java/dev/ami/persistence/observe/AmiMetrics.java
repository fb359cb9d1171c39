package dev.ami.persistence.observe;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.bridge.ConnectorLinks;
import dev.ami.persistence.cluster.ClusterNode;
import dev.ami.persistence.cluster.ClusterStatistics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.logging.Logger;

/**
 * ami's gauges and counters in WildFly's Micrometer registry, which the server's management
 * interface serves in Prometheus text at {@code /metrics}: sessions by transport, logins and
 * refusals, locks in force, actions by name, events routed, delivered and dropped, events waiting
 * in session queues, sessions cut off for not reading, write stalls; for a node of a cluster,
 * the members and the events that crossed its link; and per upstream AMI server its session, lag and
 * counters ({@link UpstreamMeters}). Each is read from the connector (or the
 * cluster node) when scraped; without a running connector (or alone) they read 0. Without the micrometer
 * subsystem (a server not prepared by ami-http-listener.cli) nothing is registered. A startup
 * EJB, so that registration does not depend on which module's CDI lifecycle events WildFly
 * delivers in an EAR of several modules.
 */
@Singleton
@Startup
public class AmiMetrics {

    private static final Logger LOG = Logger.getLogger(AmiMetrics.class.getName());
    private static final List<String> TRANSPORTS = List.of("TCP", "TLS", "HTTP");
    /** How often action names that appeared since (applications add actions) and new upstreams get their meters. */
    private static final long ACTION_SCAN_SECONDS = 5;

    @Inject
    ConnectorLinks links;

    @Inject
    Instance<MeterRegistry> registries;

    @Inject
    ClusterNode cluster;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Set<String> countedActions = ConcurrentHashMap.newKeySet();

    /** Held here: the upstreams' meters keep only a weak reference to it. */
    private final UpstreamMeters upstreams = new UpstreamMeters(
            () -> links.ifConnected().map(ConnectorLink::upstreams).orElse(List.of()));

    @PostConstruct
    void register() {
        if (!registries.isResolvable()) {
            LOG.info("No Micrometer registry (the server has no micrometer subsystem): ami publishes no metrics");
            return;
        }
        MeterRegistry registry = registries.get();
        // registry.gauge and more().counter: the calls WildFly's per-deployment registry forwards
        for (String transport : TRANSPORTS) {
            registry.gauge("ami_sessions", Tags.of("transport", transport), links, l -> sessions(l).stream()
                    .filter(s -> s.transport().equals(transport)).count());
        }
        registry.gauge("ami_event_queue_depth", Tags.empty(), links,
                l -> sessions(l).stream().mapToLong(SessionStatistics::pending).sum());
        registry.gauge("ami_login_lockouts", Tags.empty(), links,
                l -> l.ifConnected().map(c -> c.logins().lockouts(Instant.now()).size()).orElse(0));
        // Logins and digest requests whose credentials were right
        counter(registry, "ami_logins_accepted", c -> c.logins().accepted());
        // Logins refused for their credentials or address
        counter(registry, "ami_logins_refused", c -> c.logins().refused());
        // Logins refused by a lock, whatever their secret
        counter(registry, "ami_logins_locked_out", c -> c.logins().refusedByLock());
        // Events routed to the sessions
        counter(registry, "ami_events_routed", c -> c.counters().eventsRouted());
        // Events written to sessions
        counter(registry, "ami_events_delivered",
                c -> c.counters().endedDelivered() + c.sessions().stream().mapToLong(SessionStatistics::delivered).sum());
        // Events dropped from full session queues
        counter(registry, "ami_events_dropped",
                c -> c.counters().endedDropped() + c.sessions().stream().mapToLong(SessionStatistics::dropped).sum());
        // Sessions closed because they did not read their events
        counter(registry, "ami_slow_consumer_disconnects", c -> c.counters().slowConsumersClosed());
        // Connections closed because they took no bytes for their writetimeout
        counter(registry, "ami_write_stalls", c -> c.counters().writeStalls());
        cluster(registry, cluster);
        countNewActions(registry);
        upstreams.scan(registry);
        scheduler.scheduleWithFixedDelay(() -> {
            countNewActions(registry);
            upstreams.scan(registry);
        }, ACTION_SCAN_SECONDS, ACTION_SCAN_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * The cluster's meters, read from the node's statistics when scraped: 0 while the server runs alone
     * (and until its connector has started, when the node joins).
     *
     * @param registry where to register them
     * @param cluster  the node, held by the caller (a meter keeps only a weak reference to it)
     */
    static void cluster(MeterRegistry registry, ClusterNode cluster) {
        registry.gauge("ami_cluster_members", Tags.empty(), cluster, c -> read(c, s -> s.members().size()));
        // Events routed here and handed to the cluster link
        registry.more().counter("ami_cluster_events_relayed", Tags.empty(), cluster, c -> read(c, ClusterStatistics::relayed));
        // Events routed here that the other nodes never got
        registry.more().counter("ami_cluster_events_lost", Tags.empty(), cluster, c -> read(c, ClusterStatistics::lost));
        // Events routed on other nodes and received here
        registry.more().counter("ami_cluster_events_received", Tags.empty(), cluster,
                c -> read(c, ClusterStatistics::received));
        // Events routed on other nodes that never arrived here (gaps in their numbering)
        registry.more().counter("ami_cluster_events_missed", Tags.empty(), cluster, c -> read(c, ClusterStatistics::missed));
        // Messages from other nodes that could not be read
        registry.more().counter("ami_cluster_messages_malformed", Tags.empty(), cluster,
                c -> read(c, ClusterStatistics::malformed));
    }

    private static double read(ClusterNode cluster, ToDoubleFunction<ClusterStatistics> figure) {
        return cluster.statistics().map(figure::applyAsDouble).orElse(0.0);
    }

    private void counter(MeterRegistry registry, String name, ToDoubleFunction<ConnectorLink> read) {
        registry.more().counter(name, Tags.empty(), links, l -> l.ifConnected().map(read::applyAsDouble).orElse(0.0));
    }

    /** Actions by name: a counter for each name the connector has counted, added as names appear. */
    private void countNewActions(MeterRegistry registry) {
        links.ifConnected().ifPresent(link -> link.counters().actions().keySet().stream()
                .filter(countedActions::add)
                .forEach(action -> registry.more().counter("ami_actions", Tags.of("action", action), links,
                        l -> l.ifConnected().map(c -> c.counters().actions().getOrDefault(action, 0L)).orElse(0L))));
    }

    private static List<SessionStatistics> sessions(ConnectorLinks links) {
        return links.ifConnected().map(ConnectorLink::sessions).orElse(List.of());
    }
}
