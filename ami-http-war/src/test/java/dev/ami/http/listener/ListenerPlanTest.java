package dev.ami.http.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/** The operations that move the AMI HTTP listener: on the spare binding, in one composite, or none. */
class ListenerPlanTest {

    private static final Optional<ListenerPlan.Wanted> LOOPBACK_18088 =
            Optional.of(new ListenerPlan.Wanted("127.0.0.1", 18088));

    /** @return each step as "operation address [attribute=value]" */
    private static List<String> steps(ModelNode composite) {
        assertEquals("composite", composite.get("operation").asString());
        assertTrue(composite.get("operation-headers", "allow-resource-service-restart").asBoolean(),
                "applied without a server reload");
        return composite.get("steps").asList().stream().map(step -> {
            String text = step.get("operation").asString() + " " + step.get("address").asPropertyList().stream()
                    .map(p -> p.getName() + "=" + p.getValue().asString()).reduce((a, b) -> a + "/" + b).orElse("");
            for (String attribute : List.of("inet-address", "name", "value", "socket-binding")) {
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
                "add subsystem=undertow/server=ami-http/http-listener=ami-http socket-binding=ami-http-a"),
                steps(ListenerPlan.operations(ListenerPlan.Current.none(), LOOPBACK_18088).orElseThrow()));
    }

    @Test
    void aMovedListenerGoesOnTheOtherBindingAndLeavesTheOldOne() {
        ListenerPlan.Current onA = new ListenerPlan.Current(Optional.of("ami-http-a"), "127.0.0.1", 18088);
        assertEquals(List.of("remove interface=ami-http-b",
                "add interface=ami-http-b inet-address=0.0.0.0",
                "write-attribute socket-binding-group=standard-sockets/socket-binding=ami-http-b name=port value=8088",
                "remove subsystem=undertow/server=ami-http/http-listener=ami-http",
                "add subsystem=undertow/server=ami-http/http-listener=ami-http socket-binding=ami-http-b"),
                steps(ListenerPlan.operations(onA, Optional.of(new ListenerPlan.Wanted("0.0.0.0", 8088))).orElseThrow()));
        ListenerPlan.Current onB = new ListenerPlan.Current(Optional.of("ami-http-b"), "0.0.0.0", 8088);
        assertEquals("remove interface=ami-http-a",
                steps(ListenerPlan.operations(onB, LOOPBACK_18088).orElseThrow()).get(0), "and back");
    }

    @Test
    void nothingChangesWhenTheListenerIsWhereHttpConfSays() {
        ListenerPlan.Current onA = new ListenerPlan.Current(Optional.of("ami-http-a"), "127.0.0.1", 18088);
        assertTrue(ListenerPlan.operations(onA, LOOPBACK_18088).isEmpty());
        assertTrue(ListenerPlan.operations(ListenerPlan.Current.none(), Optional.empty()).isEmpty());
    }

    @Test
    void httpOffRemovesTheListener() {
        ListenerPlan.Current onB = new ListenerPlan.Current(Optional.of("ami-http-b"), "127.0.0.1", 18088);
        assertEquals(List.of("remove subsystem=undertow/server=ami-http/http-listener=ami-http"),
                steps(ListenerPlan.operations(onB, Optional.empty()).orElseThrow()));
    }
}
