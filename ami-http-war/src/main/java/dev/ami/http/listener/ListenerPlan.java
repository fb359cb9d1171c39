package dev.ami.http.listener;

import java.util.List;
import java.util.Optional;
import org.jboss.dmr.ModelNode;

/**
 * The management operations that make the AMI HTTP listener match http.conf, worked out from what
 * the server's model holds now. The listener lives on one of two socket bindings: a bound socket
 * binding can change neither address nor port without a server reload, so a new address or port
 * is written to the other, unbound one, and the listener is removed and added again on it, in one
 * composite operation that the server applies at once or not at all (the old listener then stays).
 */
final class ListenerPlan {

    static final String SERVER = "ami-http";
    static final String LISTENER = "ami-http";
    /** The two socket bindings, and the interfaces of the same names, that ami-http-listener.cli makes. */
    static final List<String> BINDINGS = List.of("ami-http-a", "ami-http-b");
    /** Asterisk reads at most 100 request headers (main/http.c, MAX_HTTP_REQUEST_HEADERS). */
    static final int MAX_HEADERS = 100;

    private ListenerPlan() {
    }

    /**
     * What the model holds now.
     *
     * @param binding the socket binding the listener uses, or empty when there is no listener
     * @param address that binding's interface address
     * @param port    that binding's port
     */
    record Current(Optional<String> binding, String address, int port, Limits limits) {

        static Current none() {
            return new Current(Optional.empty(), "", 0, null);
        }
    }

    /**
     * What http.conf asks for.
     *
     * @param address {@code bindaddr}, as written
     * @param port    {@code bindport}
     * @param limits  the connection limits
     */
    record Wanted(String address, int port, Limits limits) {
    }

    /**
     * http.conf's connection limits as the listener's attributes (main/http.c): {@code session_inactivity}
     * ms without data while a request is read ({@code read-timeout}), {@code session_keep_alive} ms
     * idle between requests ({@code no-request-timeout}). With {@code session_keep_alive = 0} every
     * answer closes its connection (the manager says {@code Connection: close}); Undertow's 60 s then
     * bound only the wait for a connection's first request. {@code sessionlimit} itself is counted
     * by the manager, which closes a connection over it at its first request as Asterisk closes one
     * at accept (ami-http-war's {@code ConnectionLimit}): Undertow's own cap suspends accepting, which
     * leaves every newcomer connected and unanswered while clients that send a byte a second hold
     * the slots. Undertow keeps a hard cap ten times as large (at least 1,000), so descriptors stay
     * bounded, and a request head must arrive whole within {@link #REQUEST_PARSE_MILLIS}
     * ({@code request-parse-timeout}), however slowly its bytes come.
     */
    record Limits(int maxConnections, int readTimeoutMillis, int noRequestTimeoutMillis, int requestParseTimeoutMillis) {

        /** Undertow's wait for a request, kept when http.conf's session_keep_alive is 0 (no second request). */
        static final int UNDERTOW_NO_REQUEST_TIMEOUT = 60000;

        /** The time a request head may take to arrive, at any speed. */
        static final int REQUEST_PARSE_MILLIS = 10_000;

        static Limits of(int sessionLimit, int sessionInactivityMillis, int sessionKeepAliveMillis) {
            return new Limits((int) Math.min(Integer.MAX_VALUE, Math.max(10L * sessionLimit, 1000)), sessionInactivityMillis,
                    sessionKeepAliveMillis > 0 ? sessionKeepAliveMillis : UNDERTOW_NO_REQUEST_TIMEOUT, REQUEST_PARSE_MILLIS);
        }
    }

    /**
     * @param current what the model holds
     * @param wanted  the listener http.conf asks for, or empty for none (HTTP off, or no bindaddr)
     * @return the composite operation to run, or empty if the model already matches
     */
    static Optional<ModelNode> operations(Current current, Optional<Wanted> wanted) {
        if (wanted.isEmpty()) {
            return current.binding().map(b -> composite(List.of(listenerRemove())));
        }
        Wanted w = wanted.get();
        if (current.binding().isPresent() && current.address().equals(w.address()) && current.port() == w.port()
                && w.limits().equals(current.limits())) {
            return Optional.empty();
        }
        String spare = current.binding().map(b -> BINDINGS.get(1 - BINDINGS.indexOf(b))).orElse(BINDINGS.get(0));
        ModelNode interfaceRemove = operation("remove", interfaceAddress(spare));
        ModelNode interfaceAdd = operation("add", interfaceAddress(spare));
        interfaceAdd.get("inet-address").set(w.address());
        ModelNode port = operation("write-attribute", bindingAddress(spare));
        port.get("name").set("port");
        port.get("value").set(w.port());
        ModelNode listenerAdd = operation("add", listenerAddress());
        listenerAdd.get("socket-binding").set(spare);
        limit(listenerAdd, w.limits());
        return Optional.of(composite(current.binding().isPresent()
                ? List.of(interfaceRemove, interfaceAdd, port, listenerRemove(), listenerAdd)
                : List.of(interfaceRemove, interfaceAdd, port, listenerAdd)));
    }

    /** Sets http.conf's limits and Asterisk's request rules on a listener being added (HTTP or HTTPS). */
    static void limit(ModelNode listenerAdd, Limits limits) {
        listenerAdd.get("max-connections").set(limits.maxConnections());
        listenerAdd.get("read-timeout").set(limits.readTimeoutMillis());
        listenerAdd.get("no-request-timeout").set(limits.noRequestTimeoutMillis());
        listenerAdd.get("request-parse-timeout").set(limits.requestParseTimeoutMillis());
        listenerAdd.get("max-headers").set(MAX_HEADERS);
        // the connector decodes the query as Asterisk does, malformed escapes included; Undertow would refuse them
        listenerAdd.get("decode-url").set(false);
    }

    static ModelNode composite(List<ModelNode> steps) {
        ModelNode composite = operation("composite", new ModelNode().setEmptyList());
        steps.forEach(step -> composite.get("steps").add(step));
        // listeners are services of their own: restart them without putting the server in reload-required
        composite.get("operation-headers", "allow-resource-service-restart").set(true);
        return composite;
    }

    private static ModelNode listenerRemove() {
        return operation("remove", listenerAddress());
    }

    static ModelNode listenerAddress() {
        ModelNode address = new ModelNode();
        address.add("subsystem", "undertow").add("server", SERVER).add("http-listener", LISTENER);
        return address;
    }

    static ModelNode interfaceAddress(String name) {
        return new ModelNode().add("interface", name);
    }

    static ModelNode bindingAddress(String name) {
        return new ModelNode().add("socket-binding-group", "standard-sockets").add("socket-binding", name);
    }

    static ModelNode operation(String name, ModelNode address) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").set(address);
        return op;
    }
}
