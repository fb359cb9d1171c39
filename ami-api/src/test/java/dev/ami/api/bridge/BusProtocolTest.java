package dev.ami.api.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.OtherNodes;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.connector.SessionThread;
import dev.ami.api.event.EventChannel;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.login.LoginThrottle;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import dev.ami.api.metrics.ServerCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What crosses between an application's copy of ami-api and the server's: JDK types, losslessly. */
class BusProtocolTest {

    /** A connector that records what it is asked. */
    static final class RecordingLink implements ConnectorLink {
        final List<ManagerEvent> published = new ArrayList<>();
        final List<ApplicationAction> actions = new ArrayList<>();
        final List<Consumer<ManagerEvent>> subscribers = new ArrayList<>();

        @Override
        public String instanceId() {
            return "instance-1";
        }

        @Override
        public void publish(ManagerEvent event) {
            published.add(event);
        }

        @Override
        public AutoCloseable register(ApplicationAction action) {
            actions.add(action);
            return () -> actions.remove(action);
        }

        @Override
        public AutoCloseable subscribe(String label, Consumer<ManagerEvent> consumer) {
            subscribers.add(consumer);
            return () -> subscribers.remove(consumer);
        }

        @Override
        public void reload() {
        }

        @Override
        public void otherNodes(OtherNodes nodes) {
        }

        @Override
        public List<SessionStatistics> sessions() {
            return List.of();
        }

        @Override
        public CompletionStage<HttpManagerReply> httpManager(HttpManagerRequest request, SessionThread caller) {
            throw new UnsupportedOperationException("not used by the bus protocol");
        }

        @Override
        public LoginThrottle logins() {
            throw new UnsupportedOperationException("not used by the bus protocol");
        }

        @Override
        public ServerCounters counters() {
            throw new UnsupportedOperationException("not used by the bus protocol");
        }

        @Override
        public ManagerConfiguration configuration() {
            throw new UnsupportedOperationException("not used by the bus protocol");
        }

        @Override
        public boolean listening() {
            return true;
        }

        @Override
        public java.util.Map<String, java.net.InetSocketAddress> listenerAddresses() {
            return java.util.Map.of();
        }

        @Override
        public java.util.Optional<SessionStatistics> session(String id) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<SessionStatistics> kick(String id) {
            throw new UnsupportedOperationException("not used by the bus protocol");
        }

        @Override
        public List<SessionStatistics> kickAccount(String username) {
            throw new UnsupportedOperationException("not used by the bus protocol");
        }

        @Override
        public dev.ami.api.connector.EventStatistics eventStatistics() {
            throw new UnsupportedOperationException("not used by the bus protocol");
        }
    }

    private final RecordingLink link = new RecordingLink();

    @Test
    void anEventCrossesWithItsHeadersRawLinesAndChannel() {
        ManagerEvent event = ManagerEvent.of("Newstate", AuthorityClass.CALL)
                .header("Channel", "PJSIP/alice-00000001")
                .headers(List.of(Header.raw("X-Raw:  kept as sent")))
                .channel(new EventChannel("PJSIP/alice-00000001", Map.of("ACCOUNT", "42")))
                .build();
        assertNull(BusProtocol.serve(link, BusProtocol.publish(event)));
        assertEquals(List.of(event), link.published);
    }

    @Test
    void helloAnswersTheInstance() {
        assertEquals("instance-1", BusProtocol.serve(link, BusProtocol.hello()));
    }

    @Test
    void anActionIsRegisteredWithItsRightsAndSensitiveHeadersAndAnswersThroughJdkTypes() throws Exception {
        List<ActionRequest> seen = new ArrayList<>();
        ApplicationAction declared = new ApplicationAction("OrderStatus", Authority.of(AuthorityClass.REPORTING),
                "Show an order.", List.of("Card-*"), request -> {
                    seen.add(request);
                    return CompletableFuture.completedFuture(List.of(ManagerResponse.success(request.action())
                            .header("Status", "shipped").build()));
                });
        Map<String, Object> crossing = BusProtocol.register(declared);
        assertTrue(crossing.values().stream().allMatch(v -> v.getClass().getName().startsWith("java.")
                || java.util.Arrays.stream(v.getClass().getInterfaces()).allMatch(i -> i.getName().startsWith("java."))),
                "only JDK types and implementations of JDK interfaces cross: " + crossing);
        AutoCloseable registration = (AutoCloseable) BusProtocol.serve(link, crossing);
        ApplicationAction action = link.actions.get(0);
        assertEquals("OrderStatus", action.name());
        assertEquals(Authority.of(AuthorityClass.REPORTING), action.write());
        assertEquals("Show an order.", action.synopsis());
        assertEquals(List.of("Card-*"), action.sensitiveHeaders());
        ActionRequest request = new ActionRequest(ManagerAction.of("Action", "OrderStatus", "ActionID", "7"),
                "admin", Authority.parse("system,config"));
        List<ManagerMessage> answer = action.handler().apply(request).toCompletableFuture().get();
        assertEquals(List.of(new ManagerMessage(List.of(new Header("Response", "Success"), new Header("ActionID", "7"),
                new Header("Status", "shipped")))), answer);
        assertEquals(List.of(request), seen, "the request arrives with who asks");
        registration.close();
        assertTrue(link.actions.isEmpty());
    }

    @Test
    void anApplicationBuiltWithTheOlderApiIsToldToRebuild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BusProtocol.serve(link,
                Map.of("op", "register", "name", "Old", "handler", (java.util.function.Function<List<String>, Object>) l -> l)));
        assertTrue(e.getMessage().contains("older ami-api"), e.getMessage());
        assertTrue(link.actions.isEmpty());
    }

    @Test
    void aSubscriberReceivesEventsAsMapsThatDecodeToTheSameEvent() {
        List<Map<String, Object>> received = new ArrayList<>();
        BusProtocol.serve(link, BusProtocol.subscribe("test", received::add));
        ManagerEvent event = ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "x").build();
        link.subscribers.forEach(s -> s.accept(event));
        assertEquals(event, BusProtocol.event(received.get(0)));
    }

    @Test
    void anUpstreamsEventCrossesWithTheUpstreamsName() {
        ManagerEvent event = new ManagerEvent("Newchannel", Authority.of(AuthorityClass.CALL),
                List.of(new Header("Channel", "PJSIP/bob-00000002")), null, "pbx1");
        ManagerEvent crossed = BusProtocol.event(BusProtocol.encode(event));
        assertEquals(event, crossed);
        assertEquals(java.util.Optional.of("pbx1"), crossed.upstreamOptional());
    }

    @Test
    void anUnknownRequestIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusProtocol.serve(link, Map.of("op", "teleport")));
        assertEquals("the AMI gateway does not know the request 'teleport'", e.getMessage());
    }
}
