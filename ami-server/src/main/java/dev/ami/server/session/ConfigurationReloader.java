package dev.ami.server.session;

import dev.ami.api.connector.ManagerConfiguration;
import java.util.concurrent.CompletionStage;

/**
 * Re-reads the stored configuration through the connector contract and applies it. Reading may
 * block on the database, so it never runs on an event loop; the stage completes when the new
 * snapshot is in force.
 */
@FunctionalInterface
public interface ConfigurationReloader {

    /** @return the configuration now applied, or a failure */
    CompletionStage<ManagerConfiguration> reload();
}
