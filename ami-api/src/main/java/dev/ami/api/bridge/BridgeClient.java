package dev.ami.api.bridge;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.action.ManagerActionHandler;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.message.ManagerMessage;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * One application's connection to the AMI server: forwards the events it fires, registers its
 * actions, and receives routed events for its observers. It looks the server's gateway up by JNDI
 * and checks every few seconds that the server is still the same one, registering again after the
 * server was redeployed.
 */
final class BridgeClient {

    private static final Logger LOG = Logger.getLogger(BridgeClient.class.getName());
    private static final int ROUTED_QUEUE = 65_536;
    private static final long CHECK_SECONDS = 2;

    private final String label;
    private final BeanManager beans;
    private final List<Bean<?>> actionBeans;
    private final List<RoutedObserver> observers;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final SerialDelivery<Map<String, Object>> routed;
    private final List<AutoCloseable> registrations = new ArrayList<>();
    private volatile Function<Map<String, Object>, Object> gateway;
    private String instanceId;
    private ScheduledFuture<?> check;
    private boolean warnedDisconnected;

    BridgeClient(String label, BeanManager beans, List<Bean<?>> actionBeans, List<RoutedObserver> observers,
            Executor executor, ScheduledExecutorService scheduler) {
        this.label = label;
        this.beans = beans;
        this.actionBeans = List.copyOf(actionBeans);
        this.observers = List.copyOf(observers);
        this.executor = executor;
        this.scheduler = scheduler;
        this.routed = new SerialDelivery<>(ROUTED_QUEUE, executor, this::notifyObservers, label + " routed-event observers");
    }

    synchronized void start() {
        connect();
        check = scheduler.scheduleWithFixedDelay(this::checkServer, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    synchronized void stop() {
        if (check != null) {
            check.cancel(false);
        }
        closeRegistrations();
        gateway = null;
    }

    /** Forwards an event fired in this application; without a server it is dropped with a warning. */
    void publish(ManagerEvent event) {
        Function<Map<String, Object>, Object> g = gateway;
        if (g != null) {
            try {
                g.apply(BusProtocol.publish(event));
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "AMI gateway call failed", e);
                gateway = null;
            }
        }
        warnDisconnected("the event " + event.name() + " was not routed");
    }

    private synchronized void warnDisconnected(String what) {
        if (!warnedDisconnected) {
            warnedDisconnected = true;
            LOG.warning(label + ": the AMI server (ami.ear) is not deployed or not started; " + what
                    + " (further events are dropped until it is)");
        }
    }

    @SuppressWarnings("unchecked")
    private synchronized void connect() {
        Function<Map<String, Object>, Object> g;
        String id;
        try {
            g = (Function<Map<String, Object>, Object>) InitialContext.doLookup(BusProtocol.GATEWAY);
            id = (String) g.apply(BusProtocol.hello());
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.FINE, "AMI gateway not available", e);
            gateway = null;
            return;
        }
        closeRegistrations();
        try {
            for (Bean<?> bean : actionBeans) {
                registrations.add(register(g, bean));
            }
            if (!observers.isEmpty()) {
                registrations.add((AutoCloseable) g.apply(BusProtocol.subscribe(label, routed::offer)));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, label + ": could not register with the AMI server: " + e.getMessage(), e);
            closeRegistrations();
            return;
        }
        instanceId = id;
        gateway = g;
        warnedDisconnected = false;
        LOG.info(() -> label + " connected to the AMI server: " + actionBeans.size() + " actions, "
                + observers.size() + " routed-event observers");
    }

    private synchronized void checkServer() {
        Function<Map<String, Object>, Object> g = gateway;
        try {
            if (g != null && Objects.equals(g.apply(BusProtocol.hello()), instanceId)) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "AMI gateway check failed", e);
        }
        gateway = null;
        connect();
    }

    private AutoCloseable register(Function<Map<String, Object>, Object> g, Bean<?> bean) {
        AmiAction declared = bean.getBeanClass().getAnnotation(AmiAction.class);
        ManagerActionHandler viaCdi = request -> invoke(bean, request);
        return (AutoCloseable) g.apply(BusProtocol.register(ActionAdapter.adapt(declared, viaCdi, executor, label)));
    }

    /** Calls the bean for one request; a dependent instance lives for that call only. */
    private List<ManagerMessage> invoke(Bean<?> bean, ActionRequest request) throws Exception {
        CreationalContext<?> context = beans.createCreationalContext(bean);
        try {
            ManagerActionHandler handler = (ManagerActionHandler) beans.getReference(bean, ManagerActionHandler.class, context);
            return handler.handle(request);
        } finally {
            if (bean.getScope() == Dependent.class) {
                context.release();
            }
        }
    }

    private void notifyObservers(Map<String, Object> encoded) {
        ManagerEvent event = BusProtocol.event(encoded);
        for (RoutedObserver observer : observers) {
            if (observer.wants(event)) {
                try {
                    observer.deliver(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, label + ": an observer of " + event.name() + " failed", e);
                }
            }
        }
    }

    private void closeRegistrations() {
        for (AutoCloseable r : registrations) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing an AMI registration failed (the server may be gone)", e);
            }
        }
        registrations.clear();
    }
}
