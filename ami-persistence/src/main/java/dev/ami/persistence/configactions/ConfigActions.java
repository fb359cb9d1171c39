package dev.ami.persistence.configactions;

import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.message.ManagerMessage;
import dev.ami.persistence.bridge.ConnectorConnected;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds the configuration actions (GetConfig, GetConfigJSON, ListCategories, UpdateConfig,
 * CreateConfig) to the connector each time it starts. They run on a managed thread, off the
 * connector's event loops, because they read and write the database.
 */
@ApplicationScoped
public class ConfigActions {

    private static final Logger LOG = Logger.getLogger(ConfigActions.class.getName());

    static final List<ConfigAction> ALL = List.of(new GetConfigAction(), new GetConfigJsonAction(),
            new ListCategoriesAction(), new UpdateConfigAction(), new CreateConfigAction());

    @EJB
    ConfigurationStore store;

    @Resource
    ManagedExecutorService executor;

    void connected(@Observes ConnectorConnected connected) {
        ConnectorLink link = connected.link();
        StoredFiles files = StoredFiles.of(store);
        for (ConfigAction action : ALL) {
            try {
                link.register(new ApplicationAction(action.name(), action.write(), action.synopsis(),
                        request -> CompletableFuture.<List<ManagerMessage>>supplyAsync(
                                () -> action.handle(request, files), executor)));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "AMI action " + action.name() + " is already there", e);
            }
        }
    }
}
