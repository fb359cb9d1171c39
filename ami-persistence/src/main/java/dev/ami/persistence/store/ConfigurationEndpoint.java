package dev.ami.persistence.store;

import dev.ami.api.connector.ConfigurationSource;
import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.persistence.bridge.ConnectorConnected;
import dev.ami.persistence.bridge.ConnectorLinks;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jboss.ejb3.annotation.ResourceAdapter;

/**
 * The application's side of the connector's inbound contract: the AMI resource adapter calls this
 * endpoint to read the stored configuration when it starts listening and when it reloads.
 */
@MessageDriven(messageListenerInterface = ConfigurationSource.class)
@ResourceAdapter(ConfigurationEndpoint.ADAPTER)
public class ConfigurationEndpoint implements ConfigurationSource {

    /** The adapter's name: the .rar inside the EAR, both with the fixed names the build gives them. */
    static final String ADAPTER = "ami.ear#ami-server.rar";

    @EJB
    private ConfigurationStore store;

    @Inject
    ConnectorLinks links;

    @Inject
    Event<ConnectorConnected> connected;

    @Override
    public ManagerConfiguration currentConfiguration() {
        return store.currentConfiguration();
    }

    @Override
    public void connectorReady(ConnectorLink link) {
        links.connected(link);
        connected.fire(new ConnectorConnected(link));
    }
}
