package dev.ami.http.listener;

import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.persistence.bridge.StoreWatchers;
import dev.ami.persistence.store.AmiPaths;
import dev.ami.persistence.store.ConfigurationStore;
import dev.ami.persistence.store.PortOffset;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    /** What the HTTPS listener was last built from, by this deployment. */
    private String appliedTls = "";

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

    /** How long the first configuration waits for the server to finish booting. */
    private static final long BOOT_WAIT_MILLIS = 300_000;

    /** Makes the model match the stored http.conf; one at a time, so that two imports cannot interleave. */
    synchronized void apply() {
        try (ManagementModel model = ManagementModel.inVm(executor)) {
            // deployed with the server's boot, the model cannot be changed until the boot is done
            model.awaitRunning(BOOT_WAIT_MILLIS);
            HttpSettings settings = PortOffset.forThisNode(store.httpSettings());
            ListenerPlan.Limits limits = ListenerPlan.Limits.of(settings.sessionLimit(),
                    settings.sessionInactivityMillis(), settings.sessionKeepAliveMillis());
            boolean serving = settings.enabled() && !settings.bindAddress().isBlank();
            applyHttp(model, serving ? Optional.of(new ListenerPlan.Wanted(settings.bindAddress(), settings.bindPort(),
                    limits)) : Optional.empty());
            applyTls(model, settings, serving, limits);
        } catch (ManagementModel.OperationFailed e) {
            LOG.severe(() -> "AMI HTTP listener not set: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void applyHttp(ManagementModel model, Optional<ListenerPlan.Wanted> wanted) {
        String target = wanted.map(w -> w.address() + ":" + w.port()).orElse("none (http.conf: enabled = no or no bindaddr)");
        try {
            Optional<ModelNode> operations = ListenerPlan.operations(model.current(), wanted);
            if (operations.isPresent()) {
                model.execute(operations.get());
                LOG.info(() -> "AMI HTTP listener: " + target);
            }
        } catch (ManagementModel.OperationFailed e) {
            LOG.severe(() -> "AMI HTTP listener not set to " + target + " (http.conf bindaddr, bindport): "
                    + e.getMessage() + "; it stays as it was");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "AMI HTTP listener not set to " + target + ": " + e, e);
        }
    }

    /**
     * The HTTPS listener, rebuilt when its settings or its PEM files changed since this deployment
     * last built it (and once after each deployment, since the files may have changed meanwhile).
     */
    private void applyTls(ManagementModel model, HttpSettings settings, boolean serving, ListenerPlan.Limits limits) {
        TlsSettings tls = settings.tls().resolvedAgainst(AmiPaths.configurationDir());
        boolean wanted = serving && tls.enabled();
        String address = tls.bindAddress().isBlank() ? settings.bindAddress() : tls.bindAddress();
        String fingerprint = wanted ? tls + "|" + address + "|" + limits + "|" + digest(tls) : "off";
        if (fingerprint.equals(appliedTls)) {
            return;
        }
        String target = wanted ? address + ":" + tls.port() : "none";
        try {
            Optional<String> current = model.httpsGeneration();
            Optional<HttpsPlan.Wanted> plan = Optional.empty();
            if (wanted) {
                TlsKeyStore.Written keyStore = TlsKeyStore.write(Path.of(tls.certFile()),
                        tls.privateKey().isBlank() ? null : Path.of(tls.privateKey()),
                        AmiPaths.dataDir().resolve("http-tls-" + HttpsPlan.nextGeneration(current) + ".p12"));
                plan = Optional.of(new HttpsPlan.Wanted(address, tls.port(), keyStore.file().toString(),
                        keyStore.password(), tls.cipher(), limits));
            }
            Optional<ModelNode> operations = HttpsPlan.operations(current, plan);
            if (operations.isPresent()) {
                model.execute(operations.get());
                LOG.info(() -> "AMI HTTPS listener: " + target);
            }
            appliedTls = fingerprint;
        } catch (ManagementModel.OperationFailed e) {
            LOG.severe(() -> "AMI HTTPS listener not set to " + target + " (http.conf tls* options): " + e.getMessage()
                    + "; it stays as it was");
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "AMI HTTPS listener not set to " + target + " (http.conf tlscertfile, tlsprivatekey): "
                    + e.getMessage() + "; it stays as it was");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "AMI HTTPS listener not set to " + target + ": " + e, e);
        }
    }

    /** @return a digest of the certificate and key files, so that a new certificate is seen (empty if unreadable) */
    private static String digest(TlsSettings tls) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : new String[] {tls.certFile(), tls.privateKey()}) {
                if (!file.isBlank() && Files.isReadable(Path.of(file))) {
                    sha.update(Files.readAllBytes(Path.of(file)));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
