package dev.ami.persistence.bridge;

import dev.ami.api.connector.ConnectorLink;

/**
 * Fired each time the connector has started listening and handed over its link: the moment to
 * add the application side's own actions.
 *
 * @param link the connector's side
 */
public record ConnectorConnected(ConnectorLink link) {
}
