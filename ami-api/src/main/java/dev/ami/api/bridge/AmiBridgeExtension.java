package dev.ami.api.bridge;

import dev.ami.api.action.AmiAction;
import dev.ami.api.action.ManagerActionHandler;
import dev.ami.api.event.ManagerEvent;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The CDI side of ami in every application that has ami-api on its class path: it finds the
 * {@link AmiAction} beans and the observers of routed events while the application deploys,
 * forwards every {@link ManagerEvent} the application fires (with {@code fire} or
 * {@code fireAsync}) to the AMI server, and connects to the server once the application runs.
 */
public class AmiBridgeExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(AmiBridgeExtension.class.getName());

    /** The AMI server's own application name (ami.ear). */
    static final String SERVER_APPLICATION = "ami";

    private final List<Bean<?>> actionBeans = new ArrayList<>();
    private final List<RoutedObserver> observers = new ArrayList<>();
    private volatile BridgeClient client;

    <T> void observerFound(@Observes ProcessObserverMethod<ManagerEvent, T> found) {
        RoutedObserver.of(found.getObserverMethod()).ifPresent(observers::add);
    }

    <T> void beanFound(@Observes ProcessBean<T> found) {
        if (!found.getAnnotated().isAnnotationPresent(AmiAction.class)) {
            return;
        }
        if (!found.getBean().getTypes().contains(ManagerActionHandler.class)) {
            found.addDefinitionError(new DefinitionException(found.getBean().getBeanClass().getName()
                    + " is annotated @AmiAction but does not implement ManagerActionHandler"));
            return;
        }
        actionBeans.add(found.getBean());
    }

    synchronized void started(@Observes @Initialized(ApplicationScoped.class) Object application, BeanManager beans) {
        if (client != null) {
            return; // fired once per module of an EAR
        }
        String label = applicationName();
        if (SERVER_APPLICATION.equals(label)) {
            // the server itself reaches its connector directly; calling its own gateway while it
            // deploys could wait on components that are not started yet
            return;
        }
        try {
            Executor managed = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
            ScheduledExecutorService scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            ContextService contexts = InitialContext.doLookup("java:comp/DefaultContextService");
            // Tasks are submitted from the connector's threads; run them with this application's
            // context (class loader, java:comp, security), captured now, on its deployment thread.
            Executor inApplication = contexts.currentContextExecutor();
            Executor executor = task -> managed.execute(() -> inApplication.execute(task));
            client = new BridgeClient(label, beans, actionBeans, observers, executor, scheduler);
        } catch (NamingException e) {
            LOG.log(Level.SEVERE, label + ": no default managed executor; AMI events and actions of this application"
                    + " are not connected to the AMI server", e);
            return;
        }
        client.start();
    }

    void fired(@Observes ManagerEvent event) {
        BridgeClient c = client;
        if (c != null) {
            c.publish(event);
        }
    }

    void firedAsync(@ObservesAsync ManagerEvent event) {
        fired(event);
    }

    void stopping(@Observes BeforeShutdown shutdown) {
        BridgeClient c = client;
        if (c != null) {
            c.stop();
        }
    }

    private static String applicationName() {
        try {
            return InitialContext.doLookup("java:app/AppName");
        } catch (NamingException e) {
            return "application";
        }
    }
}
