package dev.ami.server.action;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The actions a connector knows, found by name without regard to case. */
public final class ActionRegistry {

    private final Map<String, ActionHandler> byName = new ConcurrentHashMap<>();
    private volatile Forwarding forwarding = Forwarding.NONE;

    public ActionRegistry(Collection<? extends ActionHandler> handlers) {
        handlers.forEach(this::register);
    }

    /**
     * Adds an action.
     *
     * @param handler the action
     * @throws IllegalStateException if an action with that name is already registered
     */
    public void register(ActionHandler handler) {
        ActionHandler previous = byName.putIfAbsent(key(handler.name()), handler);
        if (previous != null) {
            throw new IllegalStateException("AMI action " + handler.name() + " is already registered");
        }
    }

    /**
     * Removes an action, if this very handler is the one registered under its name.
     *
     * @param handler the action
     */
    public void unregister(ActionHandler handler) {
        byName.remove(key(handler.name()), handler);
    }

    /** @param name the name as sent @return the action, or empty */
    public Optional<ActionHandler> find(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /** @return where requests go that this server does not answer itself */
    public Forwarding forwarding() {
        return forwarding;
    }

    /** @param to where requests go from now on that this server does not answer itself */
    public void forwardTo(Forwarding to) {
        this.forwarding = to;
    }

    /** @return every action, sorted by name without regard to case, as ListCommands lists them */
    public Collection<ActionHandler> sorted() {
        return Collections.unmodifiableCollection(new TreeMap<>(byName).values());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
