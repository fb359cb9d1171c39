package dev.ami.persistence.bridge;

import dev.ami.api.bridge.BusProtocol;
import java.util.Map;
import java.util.function.Function;

/**
 * Where applications in other deployments reach the AMI server: a JDK {@link Function} bound at
 * {@value BusProtocol#GATEWAY}, so that each application may carry its own copy of ami-api and
 * still talk to this one (see {@link BusProtocol}). It only hands requests to the connector, which
 * never blocks.
 */
final class ManagerBusGateway implements Function<Map<String, Object>, Object> {

    private final ConnectorLinks links;

    ManagerBusGateway(ConnectorLinks links) {
        this.links = links;
    }

    @Override
    public Object apply(Map<String, Object> request) {
        return BusProtocol.serve(links.current(), request);
    }
}
