package dev.ami.api.connector;

/**
 * The inbound contract between the AMI connector (the resource adapter that owns the sockets) and
 * the application that owns the stored configuration.
 *
 * <p>The application implements it as a message-driven bean bound to the ami resource adapter.
 * When that endpoint is activated the connector reads the configuration and binds its listener;
 * when it is deactivated (the application is undeployed) the listener closes. The connector calls
 * it again only when the configuration must be re-read, never per action.
 */
public interface ConfigurationSource {

    /**
     * Reads the current configuration from the store of record.
     *
     * @return a consistent snapshot
     */
    ManagerConfiguration currentConfiguration();

    /**
     * Hands the application what the running connector offers (event routing, application
     * actions, session statistics). Called once each time the connector has started listening.
     *
     * @param link the connector's side
     */
    void connectorReady(ConnectorLink link);
}
