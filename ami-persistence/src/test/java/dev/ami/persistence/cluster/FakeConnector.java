package dev.ami.persistence.cluster;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.OtherNodes;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.event.ManagerEvent;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The parts of a connector the relay uses: publishing routes an event to the subscribers on the
 * calling thread, as the connector's router does, and is recorded.
 */
final class FakeConnector {

    final List<ManagerEvent> routed = new CopyOnWriteArrayList<>();
    final List<Consumer<ManagerEvent>> subscribers = new CopyOnWriteArrayList<>();
    volatile List<SessionStatistics> sessions = List.of();
    volatile OtherNodes otherNodes = OtherNodes.NONE;
    /** The ids of the sessions it was told to end. */
    final List<String> kicked = new CopyOnWriteArrayList<>();

    final ConnectorLink link = (ConnectorLink) Proxy.newProxyInstance(ConnectorLink.class.getClassLoader(),
            new Class<?>[] {ConnectorLink.class}, (proxy, method, args) -> switch (method.getName()) {
                case "publish" -> {
                    publish((ManagerEvent) args[0]);
                    yield null;
                }
                case "subscribe" -> {
                    @SuppressWarnings("unchecked")
                    Consumer<ManagerEvent> consumer = (Consumer<ManagerEvent>) args[1];
                    subscribers.add(consumer);
                    yield (AutoCloseable) () -> subscribers.remove(consumer);
                }
                case "otherNodes" -> {
                    otherNodes = (OtherNodes) args[0];
                    yield null;
                }
                case "sessions" -> sessions;
                case "kick" -> {
                    kicked.add((String) args[0]);
                    yield java.util.Optional.of(new SessionStatistics((String) args[0], "admin", "192.0.2.1:40000", "TCP",
                            java.time.Instant.EPOCH, java.time.Instant.EPOCH, 0, 0, 0, 0, 0));
                }
                case "toString" -> "FakeConnector";
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** What an application or an action on this node does: route an event here. */
    void publish(ManagerEvent event) {
        routed.add(event);
        subscribers.forEach(s -> s.accept(event));
    }
}
