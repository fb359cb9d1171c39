package dev.ami.persistence.configactions;

import dev.ami.api.action.AmiAction;
import dev.ami.api.action.ManagerActionHandler;
import dev.ami.api.bridge.ActionAdapter;
import dev.ami.api.connector.ConnectorLink;
import dev.ami.persistence.bridge.ConnectorConnected;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds the configuration actions (GetConfig, GetConfigJSON, ListCategories, UpdateConfig,
 * CreateConfig) to the connector each time it starts. They are written as any application's
 * actions are ({@link AmiAction} handlers) and adapted by the same {@link ActionAdapter}; they run
 * on a managed thread, off the connector's event loops, because they read and write the database.
 */
@ApplicationScoped
public class ConfigActions {

    private static final Logger LOG = Logger.getLogger(ConfigActions.class.getName());

    @EJB
    ConfigurationStore store;

    @Resource
    ManagedExecutorService executor;

    /** @return the configuration actions over these files, in the order ListCommands shows them */
    static List<ConfigFileAction> over(StoredFiles files) {
        return List.of(new GetConfigAction(files), new GetConfigJsonAction(files), new ListCategoriesAction(files),
                new UpdateConfigAction(files), new CreateConfigAction(files));
    }

    void connected(@Observes ConnectorConnected connected) {
        ConnectorLink link = connected.link();
        for (ManagerActionHandler handler : over(StoredFiles.of(store))) {
            AmiAction declared = handler.getClass().getAnnotation(AmiAction.class);
            try {
                link.register(ActionAdapter.adapt(declared, handler, executor, "ami"));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "AMI action " + declared.name() + " is already there", e);
            }
        }
    }
}
