package dev.ami.http.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.dmr.ModelNode;

/**
 * The management operations for the AMI HTTPS listener (http.conf's {@code tlsenable},
 * {@code tlsbindaddr}, {@code tlscertfile}, {@code tlsprivatekey}, {@code tlscipher}). Its key
 * store, key manager, SSL context, interface and socket binding come in two generations, a and b:
 * a change builds the other generation, moves the listener onto it and removes the old one, in one
 * composite that the server applies whole or not at all, without a reload (an SSL context's cipher
 * filter cannot change in place, nor can a bound socket binding).
 */
final class HttpsPlan {

    static final String LISTENER = "ami-https";

    private HttpsPlan() {
    }

    /**
     * What http.conf asks for.
     *
     * @param address  {@code tlsbindaddr}'s address
     * @param port     its port
     * @param keyStore the PKCS#12 key store made from the PEM files
     * @param password the key store's password
     * @param cipher   {@code tlscipher}, an OpenSSL cipher string, or empty for the default
     * @param limits   the connection limits, as for HTTP
     */
    record Wanted(String address, int port, String keyStore, String password, String cipher,
            ListenerPlan.Limits limits) {
    }

    /**
     * @param current the generation in use ({@code a} or {@code b}), or empty when there is no HTTPS listener
     * @param wanted  the listener http.conf asks for, or empty for none
     * @return the composite to run, or empty when there is nothing to do
     */
    static Optional<ModelNode> operations(Optional<String> current, Optional<Wanted> wanted) {
        List<ModelNode> steps = new ArrayList<>();
        if (wanted.isEmpty()) {
            if (current.isEmpty()) {
                return Optional.empty();
            }
            steps.add(ListenerPlan.operation("remove", listenerAddress()));
            removeGeneration(current.get(), steps);
            return Optional.of(ListenerPlan.composite(steps));
        }
        Wanted w = wanted.get();
        String next = nextGeneration(current);
        steps.add(ListenerPlan.operation("remove", ListenerPlan.interfaceAddress(binding(next))));
        ModelNode interfaceAdd = ListenerPlan.operation("add", ListenerPlan.interfaceAddress(binding(next)));
        interfaceAdd.get("inet-address").set(w.address());
        steps.add(interfaceAdd);
        ModelNode port = ListenerPlan.operation("write-attribute", ListenerPlan.bindingAddress(binding(next)));
        port.get("name").set("port");
        port.get("value").set(w.port());
        steps.add(port);

        ModelNode keyStore = ListenerPlan.operation("add", elytron("key-store", "ami-https-ks-" + next));
        keyStore.get("path").set(w.keyStore());
        keyStore.get("type").set("PKCS12");
        keyStore.get("credential-reference", "clear-text").set(w.password());
        steps.add(keyStore);
        ModelNode keyManager = ListenerPlan.operation("add", elytron("key-manager", "ami-https-km-" + next));
        keyManager.get("key-store").set("ami-https-ks-" + next);
        keyManager.get("credential-reference", "clear-text").set(w.password());
        steps.add(keyManager);
        ModelNode context = ListenerPlan.operation("add", elytron("server-ssl-context", binding(next)));
        context.get("key-manager").set("ami-https-km-" + next);
        context.get("protocols").add("TLSv1.2").add("TLSv1.3");
        if (!w.cipher().isBlank()) {
            context.get("cipher-suite-filter").set(w.cipher());
        }
        steps.add(context);

        if (current.isPresent()) {
            steps.add(ListenerPlan.operation("remove", listenerAddress()));
        }
        ModelNode listener = ListenerPlan.operation("add", listenerAddress());
        listener.get("socket-binding").set(binding(next));
        listener.get("ssl-context").set(binding(next));
        ListenerPlan.limit(listener, w.limits());
        steps.add(listener);
        current.ifPresent(old -> removeGeneration(old, steps));
        return Optional.of(ListenerPlan.composite(steps));
    }

    /**
     * @param current the generation in use, or empty
     * @return the generation a change builds: the other one, or {@code a} for the first
     */
    static String nextGeneration(Optional<String> current) {
        return current.map(g -> g.equals("a") ? "b" : "a").orElse("a");
    }

    private static void removeGeneration(String generation, List<ModelNode> steps) {
        steps.add(ListenerPlan.operation("remove", elytron("server-ssl-context", binding(generation))));
        steps.add(ListenerPlan.operation("remove", elytron("key-manager", "ami-https-km-" + generation)));
        steps.add(ListenerPlan.operation("remove", elytron("key-store", "ami-https-ks-" + generation)));
    }

    /** @return the socket binding, interface and SSL context name of a generation */
    static String binding(String generation) {
        return "ami-https-" + generation;
    }

    static ModelNode listenerAddress() {
        return new ModelNode().add("subsystem", "undertow").add("server", ListenerPlan.SERVER)
                .add("https-listener", LISTENER);
    }

    private static ModelNode elytron(String type, String name) {
        return new ModelNode().add("subsystem", "elytron").add(type, name);
    }
}
