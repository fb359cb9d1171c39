package dev.ami.server.connector;

import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.connector.EventStatistics;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.OtherNodes;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.connector.SessionThread;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.login.LoginThrottle;
import dev.ami.api.metrics.ServerCounters;
import dev.ami.server.action.ActionRegistry;
import dev.ami.server.action.application.ApplicationActionHandler;
import dev.ami.server.http.HttpManagerService;
import dev.ami.server.session.AmiSession;
import dev.ami.server.session.ConnectorContext;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connector's side of {@link ConnectorLink}, one per activation of the configuration endpoint.
 * It remembers what applications registered through it, so that a deactivation (the application
 * side going away) removes their actions and subscriptions at once.
 */
final class AmiConnectorLink implements ConnectorLink {

    private static final Logger LOG = Logger.getLogger(AmiConnectorLink.class.getName());

    private final String instanceId = UUID.randomUUID().toString();
    private final ConnectorContext context;
    private final ActionRegistry actions;
    private final Supplier<HttpManagerService> httpManager;
    private final BooleanSupplier listening;
    private final Supplier<Map<String, InetSocketAddress>> listenerAddresses;
    private final List<AutoCloseable> registrations = new ArrayList<>();

    AmiConnectorLink(ConnectorContext context, ActionRegistry actions, Supplier<HttpManagerService> httpManager,
            BooleanSupplier listening, Supplier<Map<String, InetSocketAddress>> listenerAddresses) {
        this.context = context;
        this.actions = actions;
        this.httpManager = httpManager;
        this.listening = listening;
        this.listenerAddresses = listenerAddresses;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public ManagerConfiguration configuration() {
        return context.configuration();
    }

    @Override
    public void publish(ManagerEvent event) {
        context.publish(event);
    }

    @Override
    public AutoCloseable register(ApplicationAction action) {
        ApplicationActionHandler handler = new ApplicationActionHandler(action);
        try {
            actions.register(handler);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        LOG.info(() -> "AMI action " + action.name() + " added by an application");
        return remember(() -> {
            actions.unregister(handler);
            LOG.info(() -> "AMI action " + action.name() + " removed");
        });
    }

    @Override
    public AutoCloseable subscribe(String label, Consumer<ManagerEvent> consumer) {
        return remember(context.router().subscribe(label, consumer));
    }

    @Override
    public void otherNodes(OtherNodes nodes) {
        context.otherNodes(nodes);
    }

    @Override
    public void reload() {
        reloadApplied();
    }

    @Override
    public CompletionStage<Void> reloadApplied() {
        return context.reloader().reload().handle((configuration, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "The AMI connector could not apply the changed configuration", failure);
            } else {
                LOG.info(() -> "AMI configuration re-read: " + configuration.accounts().size() + " accounts");
            }
            return null;
        });
    }

    @Override
    public CompletionStage<HttpManagerReply> httpManager(HttpManagerRequest request, SessionThread caller) {
        HttpManagerService service = httpManager.get();
        if (service == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the AMI connector is stopped"));
        }
        return service.handle(request, caller);
    }

    @Override
    public LoginThrottle logins() {
        return context.logins();
    }

    @Override
    public ServerCounters counters() {
        return context.counters();
    }

    @Override
    public boolean listening() {
        return listening.getAsBoolean();
    }

    @Override
    public Map<String, InetSocketAddress> listenerAddresses() {
        return listenerAddresses.get();
    }

    @Override
    public List<SessionStatistics> sessions() {
        return context.sessions().all().stream().map(AmiSession::statistics).toList();
    }

    @Override
    public Optional<SessionStatistics> session(String id) {
        return context.sessions().find(id).map(AmiSession::statistics);
    }

    @Override
    public Optional<SessionStatistics> kick(String id) {
        return context.sessions().find(id).map(AmiConnectorLink::kick);
    }

    @Override
    public List<SessionStatistics> kickAccount(String username) {
        return context.sessions().loggedInAs(username).stream().map(AmiConnectorLink::kick).toList();
    }

    private static SessionStatistics kick(AmiSession session) {
        SessionStatistics before = session.statistics();
        session.kick();
        return before;
    }

    @Override
    public EventStatistics eventStatistics() {
        return new EventStatistics(context.startedAt(), context.counters().events());
    }

    @Override
    public List<UpstreamStatus> upstreams() {
        return context.upstreams();
    }

    private synchronized AutoCloseable remember(AutoCloseable registration) {
        registrations.add(registration);
        return () -> {
            synchronized (this) {
                if (!registrations.remove(registration)) {
                    return;
                }
            }
            registration.close();
        };
    }

    /** Removes everything registered through this link. */
    void closeAll() {
        List<AutoCloseable> all;
        synchronized (this) {
            all = new ArrayList<>(registrations);
            registrations.clear();
        }
        for (AutoCloseable r : all) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Cannot remove an application registration", e);
            }
        }
    }
}
