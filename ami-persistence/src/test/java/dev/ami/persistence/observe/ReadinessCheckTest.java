package dev.ami.persistence.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.connector.ConnectorLink;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class ReadinessCheckTest {

    private static final DatabaseProbe.Answer H2 = new DatabaseProbe.Answer(true, "H2");
    private static final DatabaseProbe.Answer NO_DATABASE = new DatabaseProbe.Answer(false, "unreachable: SQLException");

    /** A connector that answers the two questions readiness asks, and nothing else. */
    private static Optional<ConnectorLink> connector(boolean listening, Map<String, InetSocketAddress> addresses) {
        return Optional.of((ConnectorLink) Proxy.newProxyInstance(ConnectorLink.class.getClassLoader(),
                new Class<?>[] {ConnectorLink.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "listening" -> listening;
                    case "listenerAddresses" -> addresses;
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
    }

    private static Map<String, InetSocketAddress> tcpAndTls() {
        Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
        addresses.put("TCP", new InetSocketAddress("127.0.0.1", 5038));
        addresses.put("TLS", new InetSocketAddress("::1", 5039));
        return addresses;
    }

    private static HealthCheckResponse check(Optional<ConnectorLink> connector, DatabaseProbe.Answer database) {
        return new ReadinessCheck(() -> connector, () -> database).call();
    }

    @Test
    void upWithTheListenersAndTheDatabaseNamed() {
        HealthCheckResponse response = check(connector(true, tcpAndTls()), H2);
        assertEquals("ami", response.getName());
        assertEquals(Status.UP, response.getStatus());
        assertEquals(Optional.of(Map.of("tcp", "127.0.0.1:5038", "tls", "[0:0:0:0:0:0:0:1]:5039", "database", "H2")),
                response.getData());
    }

    @Test
    void downBeforeTheConnectorHasStarted() {
        HealthCheckResponse response = check(Optional.empty(), H2);
        assertEquals(Status.DOWN, response.getStatus());
        assertEquals(Optional.of(Map.of("listener", "not started", "database", "H2")), response.getData());
    }

    @Test
    void downWhileTheListenerIsNotBound() {
        HealthCheckResponse response = check(connector(false, Map.of()), H2);
        assertEquals(Status.DOWN, response.getStatus());
        assertEquals("not bound (manager.conf [general] bindaddr/port; the server log says why)",
                response.getData().orElseThrow().get("listener"));
    }

    @Test
    void upWhenAmiIsSwitchedOffAsTold() {
        HealthCheckResponse response = check(connector(true, Map.of()), H2);
        assertEquals(Status.UP, response.getStatus());
        assertEquals("disabled (manager.conf [general] enabled = no)", response.getData().orElseThrow().get("listener"));
    }

    @Test
    void downWhileTheDatabaseDoesNotAnswerWithTheListenerStillNamed() {
        HealthCheckResponse response = check(connector(true, tcpAndTls()), NO_DATABASE);
        assertEquals(Status.DOWN, response.getStatus());
        assertEquals("unreachable: SQLException", response.getData().orElseThrow().get("database"));
        assertEquals("127.0.0.1:5038", response.getData().orElseThrow().get("tcp"));
    }
}
