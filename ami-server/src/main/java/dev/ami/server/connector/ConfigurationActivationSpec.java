package dev.ami.server.connector;

import dev.ami.api.connector.ConfigurationSource;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * Activation of the application's {@link ConfigurationSource} endpoint (a message-driven bean).
 * It has no properties: one application supplies the configuration of the connector.
 */
@Activation(messageListeners = ConfigurationSource.class)
public class ConfigurationActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // nothing to validate: the spec has no properties
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }
}
