package dev.ami.server.connector;

import dev.ami.api.connector.ConfigurationSource;
import dev.ami.api.connector.ManagerConfiguration;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The AMI connector: a Jakarta Connectors resource adapter that owns the sockets, the threads (the
 * container's, through its WorkManager), the codec and the live sessions.
 *
 * <p>It learns its configuration through the inbound contract: when the application activates its
 * {@link ConfigurationSource} endpoint, the adapter reads the configuration from it on a Work
 * thread and binds the listener; when the endpoint is deactivated the listener closes. Logins are
 * then checked against the in-memory snapshot, with no container round trip per request.
 */
@Connector(
        displayName = "ami",
        description = "Asterisk-compatible Manager Interface listener",
        vendorName = "ami",
        eisType = "Asterisk Manager Interface",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class AmiResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(AmiResourceAdapter.class.getName());
    private static final long RETRY_MILLIS = 2000;

    private WorkManager workManager;
    private EventLoopGroup group;
    private AmiListener listener;
    /** Re-reads one at a time, so that the last applied was read after the last commit. */
    private final SerialReloads<ManagerConfiguration> reloads = new SerialReloads<>(this::reRead);
    // volatile: read by reload() on event loops without the adapter's lock, which stop() holds
    // while it waits for those loops to end
    private volatile MessageEndpointFactory activeEndpoint;
    private AmiConnectorLink link;

    @Override
    public synchronized void start(BootstrapContext context) {
        workManager = context.getWorkManager();
        group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new WorkManagerExecutor(workManager), NioIoHandler.newFactory());
        listener = new AmiListener(group, this::reload, StopSequence.DRAIN_LIMIT, RequestPathWarmup.configured(),
                new WorkManagerExecutor(workManager));
        LOG.info("AMI connector started");
    }

    /**
     * Lets the sessions answer what they had received (at most {@link StopSequence#DRAIN_LIMIT} and
     * its grace), then ends the event loops. The sessions drain outside the adapter's lock: a Reload
     * under way ends on a Work thread that takes it.
     */
    @Override
    public void stop() {
        AmiListener stopping;
        EventLoopGroup loops;
        synchronized (this) {
            activeEndpoint = null;
            closeLink();
            stopping = listener;
            loops = group;
        }
        if (stopping != null) {
            stopping.close();
        }
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        LOG.info("AMI connector stopped");
    }

    @Override
    public synchronized void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
            throws ResourceException {
        if (activeEndpoint != null) {
            throw new ResourceException("The AMI connector already has a configuration endpoint: "
                    + activeEndpoint.getActivationName());
        }
        activeEndpoint = factory;
        scheduleLoad(factory);
    }

    /** The application is going away: the listener stops as in {@link #stop()}, outside the adapter's lock. */
    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        synchronized (this) {
            if (factory != activeEndpoint) {
                return;
            }
            activeEndpoint = null;
            closeLink();
        }
        listener.close();
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    private void scheduleLoad(MessageEndpointFactory factory) throws ResourceException {
        try {
            workManager.scheduleWork(new LoadConfiguration(factory, true, new CompletableFuture<>()));
        } catch (WorkException e) {
            throw new ResourceAdapterInternalException("Cannot schedule loading the AMI configuration", e);
        }
    }

    /**
     * Re-reads the configuration through the active endpoint, on a Work thread (it may block on the
     * database), one re-read at a time ({@link SerialReloads}).
     */
    private CompletionStage<ManagerConfiguration> reload() {
        return reloads.request();
    }

    private void reRead(CompletableFuture<ManagerConfiguration> done) {
        MessageEndpointFactory endpoint = activeEndpoint;
        if (endpoint == null) {
            done.completeExceptionally(new IllegalStateException("no application supplies the AMI configuration"));
            return;
        }
        try {
            workManager.scheduleWork(new LoadConfiguration(endpoint, false, done));
        } catch (WorkException e) {
            done.completeExceptionally(e);
        }
    }

    private synchronized void configurationLoaded(MessageEndpointFactory factory, ManagerConfiguration configuration) {
        if (factory == activeEndpoint) {
            listener.apply(configuration);
        }
    }

    /** @return a new link for the application side, replacing (and closing) the previous one */
    private synchronized AmiConnectorLink newLink(MessageEndpointFactory factory) {
        if (factory != activeEndpoint || listener.context() == null) {
            return null;
        }
        closeLink();
        link = new AmiConnectorLink(listener.context(), listener.actions(), listener::httpManager, listener::listening,
                listener::listenerAddresses);
        return link;
    }

    private void closeLink() {
        if (link != null) {
            link.closeAll();
            link = null;
        }
    }

    private synchronized boolean stillActive(MessageEndpointFactory factory) {
        return factory == activeEndpoint;
    }

    /**
     * Reads the configuration through the endpoint and applies it. At start-up it retries while the
     * application is not ready; a reload reports its failure instead.
     */
    private final class LoadConfiguration implements Work {

        private final MessageEndpointFactory factory;
        private final boolean retry;
        private final CompletableFuture<ManagerConfiguration> done;

        LoadConfiguration(MessageEndpointFactory factory, boolean retry, CompletableFuture<ManagerConfiguration> done) {
            this.factory = factory;
            this.retry = retry;
            this.done = done;
        }

        @Override
        public void run() {
            while (stillActive(factory)) {
                try {
                    MessageEndpoint endpoint = factory.createEndpoint(null);
                    try {
                        ManagerConfiguration configuration = ((ConfigurationSource) endpoint).currentConfiguration();
                        configurationLoaded(factory, configuration);
                        AmiConnectorLink ready = retry ? newLink(factory) : null;
                        if (ready != null) {
                            // once per activation: the application side gets events, actions, statistics
                            ((ConfigurationSource) endpoint).connectorReady(ready);
                        }
                        done.complete(configuration);
                        return;
                    } finally {
                        endpoint.release();
                    }
                } catch (Exception e) {
                    if (!retry) {
                        LOG.log(Level.WARNING, "Cannot re-read the AMI configuration: " + e, e);
                        done.completeExceptionally(e);
                        return;
                    }
                    LOG.log(Level.WARNING, "Cannot read the AMI configuration yet; retrying in "
                            + RETRY_MILLIS + " ms: " + e, e);
                    try {
                        Thread.sleep(RETRY_MILLIS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        done.completeExceptionally(interrupted);
                        return;
                    }
                }
            }
            done.completeExceptionally(new IllegalStateException("the configuration endpoint was deactivated"));
        }

        @Override
        public void release() {
            // run() ends by itself once the endpoint is deactivated
        }
    }

    // A resource adapter is a JavaBean the container compares; it has no properties, so identity.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
