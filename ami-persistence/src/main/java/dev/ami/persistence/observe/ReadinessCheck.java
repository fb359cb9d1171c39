package dev.ami.persistence.observe;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.health.AmiReadinessCheck;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether ami can serve: UP when the AMI listener is bound where manager.conf says (or AMI is
 * switched off there, as told) and the database answers; DOWN before the connector has started,
 * while the listener is not bound, and while the database does not answer. The data name where AMI
 * listens (one entry per transport) and the database's product, never a URL, user or secret.
 */
final class ReadinessCheck implements HealthCheck {

    private final Supplier<Optional<ConnectorLink>> connector;
    private final Supplier<DatabaseProbe.Answer> database;

    /**
     * @param connector the running connector's link, if it has started
     * @param database  asks the database
     */
    ReadinessCheck(Supplier<Optional<ConnectorLink>> connector, Supplier<DatabaseProbe.Answer> database) {
        this.connector = connector;
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new TreeMap<>();
        // both are always asked, so that a DOWN names everything that is not ready
        boolean listening = listener(data);
        DatabaseProbe.Answer db = database.get();
        data.put("database", db.detail());
        HealthCheckResponse.Status status = listening && db.reachable() ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN;
        // the constructor, not the builder: the builder needs a response provider, which only the server has
        return new HealthCheckResponse(AmiReadinessCheck.NAME, status, Optional.of(data));
    }

    private boolean listener(Map<String, Object> data) {
        Optional<ConnectorLink> link = connector.get();
        if (link.isEmpty()) {
            data.put("listener", "not started");
            return false;
        }
        if (!link.get().listening()) {
            data.put("listener", "not bound (manager.conf [general] bindaddr/port; the server log says why)");
            return false;
        }
        Map<String, InetSocketAddress> addresses = link.get().listenerAddresses();
        if (addresses.isEmpty()) {
            data.put("listener", "disabled (manager.conf [general] enabled = no)");
        }
        addresses.forEach((transport, address) -> data.put(transport.toLowerCase(Locale.ROOT), hostAndPort(address)));
        return true;
    }

    /** @return {@code 127.0.0.1:5038}, {@code [::1]:5038} */
    static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
