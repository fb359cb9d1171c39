package dev.ami.http.listener;

import dev.ami.api.connector.HttpSettings;
import dev.ami.persistence.bridge.StoreWatchers;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.dmr.ModelNode;

/**
 * Keeps the AMI HTTP listener where and as http.conf says ({@code enabled}, {@code bindaddr},
 * {@code bindport}, {@code sessionlimit}, {@code session_inactivity}, {@code session_keep_alive}):
 * once this module is deployed, and after each committed import, without a server reload and
 * without touching AMI's TCP sessions. The work runs on a managed thread: a
 * management operation waits for the deployment in progress, so running it during deployment on
 * the deploying thread would wait for itself. A listener the server cannot make (an address that
 * is not this host's, a port in use) is refused by the server as a whole: the log says why, and the
 * listener stays as it was.
 */
@ApplicationScoped
public class HttpListenerConfigurator {

    private static final Logger LOG = Logger.getLogger(HttpListenerConfigurator.class.getName());

    @Inject
    ConfigurationStore store;

    @Inject
    StoreWatchers watchers;

    @Resource
    ManagedExecutorService executor;

    private AutoCloseable watch;

    void deployed(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        watch = watchers.watch(() -> executor.execute(this::apply));
        executor.execute(this::apply);
    }

    @PreDestroy
    void undeployed() {
        try {
            if (watch != null) {
                watch.close();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing the store watch", e);
        }
    }

    /** Makes the model match the stored http.conf; one at a time, so that two imports cannot interleave. */
    synchronized void apply() {
        HttpSettings settings = store.httpSettings();
        Optional<ListenerPlan.Wanted> wanted = settings.enabled() && !settings.bindAddress().isBlank()
                ? Optional.of(new ListenerPlan.Wanted(settings.bindAddress(), settings.bindPort(), ListenerPlan.Limits.of(
                        settings.sessionLimit(), settings.sessionInactivityMillis(), settings.sessionKeepAliveMillis())))
                : Optional.empty();
        String target = wanted.map(w -> w.address() + ":" + w.port()).orElse("none (http.conf: enabled = no or no bindaddr)");
        try (ManagementModel model = ManagementModel.inVm(executor)) {
            ListenerPlan.Current current = model.current();
            Optional<ModelNode> operations = ListenerPlan.operations(current, wanted);
            if (operations.isPresent()) {
                model.execute(operations.get());
                LOG.info(() -> "AMI HTTP listener: " + target);
            }
        } catch (ManagementModel.OperationFailed e) {
            LOG.severe(() -> "AMI HTTP listener not set to " + target + " (http.conf bindaddr, bindport): "
                    + e.getMessage() + "; it stays as it was");
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "AMI HTTP listener not set to " + target + ": " + e, e);
        }
    }
}
