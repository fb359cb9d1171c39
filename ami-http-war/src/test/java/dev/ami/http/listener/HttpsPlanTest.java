package dev.ami.http.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jboss.dmr.ModelNode;
import org.jboss.dmr.Property;
import org.junit.jupiter.api.Test;

/** The HTTPS listener: a new generation of key store, key manager, SSL context and binding; the old one removed. */
class HttpsPlanTest {

    private static final HttpsPlan.Wanted WANTED = new HttpsPlan.Wanted("127.0.0.1", 18089, "/data/http-tls-b.p12",
            "pw", "HIGH:!aNULL", ListenerPlan.Limits.of(100, 30000, 15000));

    /** @return "operation last-address-element" per step */
    private static List<String> steps(ModelNode composite) {
        assertTrue(composite.get("operation-headers", "allow-resource-service-restart").asBoolean());
        return composite.get("steps").asList().stream().map(step -> {
            List<Property> address = step.get("address").asPropertyList();
            Property last = address.get(address.size() - 1);
            return step.get("operation").asString() + " " + last.getName() + "=" + last.getValue().asString();
        }).toList();
    }

    @Test
    void aChangeBuildsTheOtherGenerationMovesTheListenerAndRemovesTheOld() {
        ModelNode composite = HttpsPlan.operations(Optional.of("a"), Optional.of(WANTED)).orElseThrow();
        assertEquals(List.of("remove interface=ami-https-b", "add interface=ami-https-b",
                "write-attribute socket-binding=ami-https-b", "add key-store=ami-https-ks-b", "add key-manager=ami-https-km-b",
                "add server-ssl-context=ami-https-b", "remove https-listener=ami-https", "add https-listener=ami-https",
                "remove server-ssl-context=ami-https-a", "remove key-manager=ami-https-km-a", "remove key-store=ami-https-ks-a"),
                steps(composite));
        ModelNode context = composite.get("steps").get(5);
        assertEquals("HIGH:!aNULL", context.get("cipher-suite-filter").asString(), "tlscipher, an OpenSSL cipher string");
        assertEquals("[\"TLSv1.2\",\"TLSv1.3\"]", context.get("protocols").toJSONString(true).replace(" ", ""));
        ModelNode listener = composite.get("steps").get(7);
        assertEquals("ami-https-b", listener.get("ssl-context").asString());
        assertEquals("/data/http-tls-b.p12", composite.get("steps").get(3).get("path").asString());
    }

    @Test
    void theFirstListenerIsGenerationAAndOffRemovesEverything() {
        assertEquals("add key-store=ami-https-ks-a",
                steps(HttpsPlan.operations(Optional.empty(), Optional.of(WANTED)).orElseThrow()).get(3));
        assertEquals(List.of("remove https-listener=ami-https", "remove server-ssl-context=ami-https-b",
                "remove key-manager=ami-https-km-b", "remove key-store=ami-https-ks-b"),
                steps(HttpsPlan.operations(Optional.of("b"), Optional.empty()).orElseThrow()));
        assertTrue(HttpsPlan.operations(Optional.empty(), Optional.empty()).isEmpty());
    }

    @Test
    void noCipherStringKeepsTheDefaultFilter() {
        HttpsPlan.Wanted plain = new HttpsPlan.Wanted("127.0.0.1", 18089, "/k.p12", "pw", "", WANTED.limits());
        ModelNode context = HttpsPlan.operations(Optional.empty(), Optional.of(plain)).orElseThrow().get("steps").get(5);
        assertFalse(context.hasDefined("cipher-suite-filter"));
    }
}
