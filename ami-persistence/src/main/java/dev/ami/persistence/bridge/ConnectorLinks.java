package dev.ami.persistence.bridge;

import dev.ami.api.connector.ConnectorLink;
import jakarta.enterprise.context.ApplicationScoped;

/** Holds the running connector's link, which the adapter hands over each time it starts listening. */
@ApplicationScoped
public class ConnectorLinks {

    private volatile ConnectorLink current;

    /** @param link the connector's side, from {@code ConfigurationSource.connectorReady} */
    public void connected(ConnectorLink link) {
        this.current = link;
    }

    /** @return the running connector's link, if it runs */
    public java.util.Optional<ConnectorLink> ifConnected() {
        return java.util.Optional.ofNullable(current);
    }

    /**
     * @return the running connector's link
     * @throws IllegalStateException while the connector has not started listening
     */
    public ConnectorLink current() {
        ConnectorLink link = current;
        if (link == null) {
            throw new IllegalStateException("the AMI connector has not started yet");
        }
        return link;
    }
}
