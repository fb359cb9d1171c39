package dev.ami.http.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/** The operations that move the AMI HTTP listener: on the spare binding, in one composite, or none. */
class ListenerPlanTest {

    private static final ListenerPlan.Limits DEFAULTS = ListenerPlan.Limits.of(100, 30000, 15000);
    private static final Optional<ListenerPlan.Wanted> LOOPBACK_18088 =
            Optional.of(new ListenerPlan.Wanted("127.0.0.1", 18088, DEFAULTS));

    /** @return each step as "operation address [attribute=value]" */
    private static List<String> steps(ModelNode composite) {
        assertEquals("composite", composite.get("operation").asString());
        assertTrue(composite.get("operation-headers", "allow-resource-service-restart").asBoolean(),
                "applied without a server reload");
        return composite.get("steps").asList().stream().map(step -> {
            String text = step.get("operation").asString() + " " + step.get("address").asPropertyList().stream()
                    .map(p -> p.getName() + "=" + p.getValue().asString()).reduce((a, b) -> a + "/" + b).orElse("");
            for (String attribute : List.of("inet-address", "name", "value", "socket-binding", "max-connections",
                    "read-timeout", "no-request-timeout", "request-parse-timeout", "max-headers", "decode-url")) {
                if (step.hasDefined(attribute)) {
                    text += " " + attribute + "=" + step.get(attribute).asString();
                }
            }
            return text;
        }).toList();
    }

    @Test
    void theFirstListenerGoesOnTheFirstBinding() {
        assertEquals(List.of("remove interface=ami-http-a",
                "add interface=ami-http-a inet-address=127.0.0.1",
                "write-attribute socket-binding-group=standard-sockets/socket-binding=ami-http-a name=port value=18088",
                "add subsystem=undertow/server=ami-http/http-listener=ami-http socket-binding=ami-http-a max-connections=1000"
                        + " read-timeout=30000 no-request-timeout=15000 request-parse-timeout=10000"
                        + " max-headers=100 decode-url=false"),
                steps(ListenerPlan.operations(ListenerPlan.Current.none(), LOOPBACK_18088).orElseThrow()));
    }

    @Test
    void aMovedListenerGoesOnTheOtherBindingAndLeavesTheOldOne() {
        ListenerPlan.Current onA = new ListenerPlan.Current(Optional.of("ami-http-a"), "127.0.0.1", 18088, DEFAULTS);
        assertEquals(List.of("remove interface=ami-http-b",
                "add interface=ami-http-b inet-address=0.0.0.0",
                "write-attribute socket-binding-group=standard-sockets/socket-binding=ami-http-b name=port value=8088",
                "remove subsystem=undertow/server=ami-http/http-listener=ami-http",
                "add subsystem=undertow/server=ami-http/http-listener=ami-http socket-binding=ami-http-b max-connections=1000"
                        + " read-timeout=30000 no-request-timeout=15000 request-parse-timeout=10000"
                        + " max-headers=100 decode-url=false"),
                steps(ListenerPlan.operations(onA, Optional.of(new ListenerPlan.Wanted("0.0.0.0", 8088, DEFAULTS)))
                        .orElseThrow()));
        ListenerPlan.Current onB = new ListenerPlan.Current(Optional.of("ami-http-b"), "0.0.0.0", 8088, DEFAULTS);
        assertEquals("remove interface=ami-http-a",
                steps(ListenerPlan.operations(onB, LOOPBACK_18088).orElseThrow()).get(0), "and back");
    }

    @Test
    void nothingChangesWhenTheListenerIsWhereHttpConfSays() {
        ListenerPlan.Current onA = new ListenerPlan.Current(Optional.of("ami-http-a"), "127.0.0.1", 18088, DEFAULTS);
        assertTrue(ListenerPlan.operations(onA, LOOPBACK_18088).isEmpty());
        assertTrue(ListenerPlan.operations(ListenerPlan.Current.none(), Optional.empty()).isEmpty());
    }

    @Test
    void newLimitsReAddTheListenerOnTheSpareBindingAndAKeepAliveOfZeroKeepsUndertowsIdleTime() {
        ListenerPlan.Current onA = new ListenerPlan.Current(Optional.of("ami-http-a"), "127.0.0.1", 18088, DEFAULTS);
        List<String> steps = steps(ListenerPlan.operations(onA, Optional.of(new ListenerPlan.Wanted("127.0.0.1", 18088,
                ListenerPlan.Limits.of(500, 5000, 0)))).orElseThrow());
        assertEquals("add subsystem=undertow/server=ami-http/http-listener=ami-http socket-binding=ami-http-b"
                + " max-connections=5000 read-timeout=5000 no-request-timeout=60000 request-parse-timeout=10000"
                + " max-headers=100 decode-url=false", steps.get(steps.size() - 1));
    }

    @Test
    void httpOffRemovesTheListener() {
        ListenerPlan.Current onB = new ListenerPlan.Current(Optional.of("ami-http-b"), "127.0.0.1", 18088, DEFAULTS);
        assertEquals(List.of("remove subsystem=undertow/server=ami-http/http-listener=ami-http"),
                steps(ListenerPlan.operations(onB, Optional.empty()).orElseThrow()));
    }
}
