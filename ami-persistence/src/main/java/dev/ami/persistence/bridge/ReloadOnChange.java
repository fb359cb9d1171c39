package dev.ami.persistence.bridge;

import dev.ami.persistence.store.ConfigurationChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * A committed import takes effect at once: the connector re-reads the store, as on Reload, and
 * every other module watching the store (the HTTP manager's listener) is told. In a cluster the other
 * nodes do the same when they hear of it ({@code cluster.ClusterNode}).
 */
@ApplicationScoped
public class ReloadOnChange {

    private static final Logger LOG = Logger.getLogger(ReloadOnChange.class.getName());

    @Inject
    ConnectorLinks links;

    @Inject
    StoreWatchers watchers;

    void imported(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfigurationChanged change) {
        storeChanged();
    }

    /**
     * Puts the stored configuration in force here: a commit on this node, or another node's that
     * the cluster reported.
     */
    public void storeChanged() {
        watchers.changed();
        if (!links.changed()) {
            LOG.info("The AMI connector is not running; it reads the changed configuration when it starts");
        }
    }
}
