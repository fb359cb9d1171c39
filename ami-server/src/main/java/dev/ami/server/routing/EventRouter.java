package dev.ami.server.routing;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.event.AmiTime;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes manager events: renders each one once in the form the configuration asks for (Privilege,
 * Timestamp, debug headers, ChanVariable), offers it to every session, which takes it if its
 * rights, Events mask and filters allow, and hands it to every in-server subscriber. Publishing
 * never blocks: each session has a bounded queue of its own.
 */
public final class EventRouter {

    private static final Logger LOG = Logger.getLogger(EventRouter.class.getName());

    private final Supplier<? extends Collection<? extends EventRecipient>> sessions;
    private final Supplier<GeneralSettings> settings;
    private final Clock clock;
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * @param sessions the live sessions (a live view, read at every event)
     * @param settings the current [general] settings
     * @param clock    for Timestamp headers
     */
    public EventRouter(Supplier<? extends Collection<? extends EventRecipient>> sessions,
            Supplier<GeneralSettings> settings, Clock clock) {
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Routes an event. Events published by one thread reach every session in that order.
     *
     * @param event the event
     * @return how many sessions took it (0 for a disabled event): counted here, in a local, so that
     *         the event statistics cost nothing per session
     */
    public int publish(ManagerEvent event) {
        GeneralSettings general = settings.get();
        if (general.disabledEvents().contains(event.name())) {
            return 0;
        }
        return deliver(event, render(event, general));
    }

    /**
     * Routes an event that arrived whole from an upstream AMI server: sessions receive its lines as
     * they came (its own Privilege and Timestamp, nothing of this server's rendering added), while
     * rights, masks, filters, {@code disabledevents} and the subscribers apply as to any event.
     *
     * @param event      the event, for the rights check, the subscribers and the statistics
     * @param asReceived the whole event as sessions must receive it
     * @return how many sessions took it
     */
    public int publishAsReceived(ManagerEvent event, ManagerMessage asReceived) {
        if (settings.get().disabledEvents().contains(event.name())) {
            return 0;
        }
        return deliver(event, asReceived);
    }

    private int deliver(ManagerEvent event, ManagerMessage message) {
        OutboundEvent outbound = new OutboundEvent(event.name(), event.classes(), message, System.nanoTime(),
                event.upstream());
        int taken = 0;
        for (EventRecipient session : sessions.get()) {
            if (session.offer(outbound)) {
                taken++;
            }
        }
        for (Subscription s : subscribers) {
            try {
                s.consumer().accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "AMI event subscriber " + s.label() + " failed on " + event.name(), e);
            }
        }
        return taken;
    }

    /**
     * @param label    who subscribes, for logs
     * @param consumer called on the routing thread for every event; must not block
     * @return closes the subscription
     */
    public AutoCloseable subscribe(String label, Consumer<ManagerEvent> consumer) {
        Subscription s = new Subscription(label, consumer);
        subscribers.add(s);
        LOG.info(() -> "AMI events are routed to " + label);
        return () -> {
            if (subscribers.remove(s)) {
                LOG.info(() -> "AMI events are no longer routed to " + label);
            }
        };
    }

    private ManagerMessage render(ManagerEvent event, GeneralSettings general) {
        List<Header> h = new ArrayList<>(event.headers().size() + 8);
        h.add(new Header("Event", event.name()));
        h.add(new Header("Privilege", event.classes().privilege()));
        if (general.timestampEvents()) {
            h.add(new Header("Timestamp", AmiTime.timestamp(clock.instant())));
        }
        if (general.debug()) {
            // Asterisk names the C source that raised the event; we name the Java one.
            StackWalker.StackFrame origin = StackWalker.getInstance().walk(frames -> frames
                    .filter(f -> !f.getClassName().startsWith(EventRouter.class.getPackageName())
                            && !f.getClassName().endsWith("ConnectorContext"))
                    .findFirst()).orElseThrow();
            h.add(new Header("SequenceNumber", Integer.toString(sequence.getAndIncrement())));
            h.add(new Header("File", origin.getFileName() == null ? "?" : origin.getFileName()));
            h.add(new Header("Line", Integer.toString(origin.getLineNumber())));
            h.add(new Header("Func", origin.getMethodName()));
        }
        h.addAll(event.headers());
        if (event.channel() != null) {
            for (String variable : general.channelVars()) {
                h.add(new Header("ChanVariable",
                        variable + "=" + ChanVariableEscaper.escape(event.channel().variable(variable).orElse(""))));
            }
        }
        return new ManagerMessage(h);
    }

    private record Subscription(String label, Consumer<ManagerEvent> consumer) {
    }
}
