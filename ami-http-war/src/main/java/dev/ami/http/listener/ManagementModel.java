package dev.ami.http.listener;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.jboss.as.controller.LocalModelControllerClient;
import org.jboss.as.controller.ModelControllerClientFactory;
import org.jboss.as.server.CurrentServiceContainer;
import org.jboss.dmr.ModelNode;
import org.jboss.msc.service.ServiceController;
import org.jboss.msc.service.ServiceName;

/**
 * The server's management model, reached in the same JVM with the client WildFly gives its own
 * subsystems (the MSC service of {@code ModelControllerClientFactory}), so that no management
 * user, password or port is involved. The modules it needs are private to WildFly
 * (jboss-deployment-structure.xml names them; the server logs a warning that it may change them).
 */
final class ManagementModel implements AutoCloseable {

    private static final ServiceName CLIENT_FACTORY = ServiceName.parse("org.wildfly.management.model-controller-client-factory");

    private final LocalModelControllerClient client;

    private ManagementModel(LocalModelControllerClient client) {
        this.client = client;
    }

    /** @param executor runs the client's asynchronous work (a managed executor) */
    @SuppressWarnings("deprecation") // ServiceController.getValue: the only way to a service of the server's
    static ManagementModel inVm(Executor executor) {
        ServiceController<?> controller = CurrentServiceContainer.getServiceContainer().getRequiredService(CLIENT_FACTORY);
        ModelControllerClientFactory factory = (ModelControllerClientFactory) controller.getValue();
        return new ManagementModel(factory.createSuperUserClient(executor, false));
    }

    /**
     * Waits until the server has booted: while it boots (the EAR deployed with it) the subsystems'
     * resources cannot be read or changed yet.
     *
     * @param timeoutMillis how long to wait at most
     * @throws OperationFailed if the server is not running by then
     */
    void awaitRunning(long timeoutMillis) throws OperationFailed, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        ModelNode state = ListenerPlan.operation("read-attribute", new ModelNode().setEmptyList());
        state.get("name").set("server-state");
        while (true) {
            Optional<ModelNode> read = read(state);
            if (read.isPresent() && "running".equals(read.get().asString())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new OperationFailed("the server is not running after " + timeoutMillis + " ms (state: "
                        + read.map(ModelNode::asString).orElse("unknown") + ")");
            }
            Thread.sleep(200);
        }
    }

    /** @return what the model holds for the AMI HTTP listener */
    ListenerPlan.Current current() throws OperationFailed {
        Optional<ModelNode> listener = read(ListenerPlan.operation("read-resource", ListenerPlan.listenerAddress()));
        if (listener.isEmpty()) {
            return ListenerPlan.Current.none();
        }
        String binding = listener.get().get("socket-binding").asString();
        ModelNode port = ListenerPlan.operation("read-attribute", ListenerPlan.bindingAddress(binding));
        port.get("name").set("port");
        port.get("resolve-expressions").set(true); // an administrator may have written ${...}
        ModelNode address = ListenerPlan.operation("read-attribute", ListenerPlan.interfaceAddress(binding));
        address.get("name").set("inet-address");
        address.get("resolve-expressions").set(true);
        ModelNode l = listener.get();
        ListenerPlan.Limits limits = new ListenerPlan.Limits(intOr(l, "max-connections", -1), intOr(l, "read-timeout", -1),
                intOr(l, "no-request-timeout", -1), intOr(l, "request-parse-timeout", -1));
        return new ListenerPlan.Current(Optional.of(binding), execute(address).asString(), execute(port).asInt(), limits);
    }

    /** An attribute left undefined (Undertow's default) never equals a limit http.conf sets. */
    private static int intOr(ModelNode resource, String attribute, int undefined) {
        ModelNode value = resource.get(attribute);
        return value.isDefined() ? value.asInt() : undefined;
    }

    /** @return the generation ({@code a} or {@code b}) of the HTTPS listener, or empty when there is none */
    Optional<String> httpsGeneration() {
        return read(ListenerPlan.operation("read-resource", HttpsPlan.listenerAddress()))
                .map(listener -> listener.get("ssl-context").asString())
                .map(context -> context.substring(context.length() - 1));
    }

    /** @return the result, or empty if the resource does not exist (or cannot be read) */
    private Optional<ModelNode> read(ModelNode op) {
        try {
            return Optional.of(execute(op));
        } catch (OperationFailed e) {
            return Optional.empty();
        }
    }

    /**
     * @return the operation's result
     * @throws OperationFailed with the server's description when it fails (nothing is changed then)
     */
    ModelNode execute(ModelNode op) throws OperationFailed {
        // in the same JVM there is no connection to fail: execute throws no IOException here
        ModelNode outcome = client.execute(op);
        if (!"success".equals(outcome.get("outcome").asString())) {
            throw new OperationFailed(outcome.get("failure-description").asString());
        }
        return outcome.get("result");
    }

    @Override
    public void close() {
        client.close();
    }

    /** The server refused an operation; its description says why. */
    static final class OperationFailed extends Exception {
        private static final long serialVersionUID = 1L;

        OperationFailed(String description) {
            super(description);
        }
    }
}
