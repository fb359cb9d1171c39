package dev.ami.api.bridge;

import dev.ami.api.authority.Authority;
import dev.ami.api.event.EventClass;
import dev.ami.api.event.EventName;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.event.Routed;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.Set;

/**
 * A CDI observer of routed manager events ({@link Routed}, {@link EventName}, {@link EventClass})
 * and what it subscribes to. The bridge notifies it directly, so the qualifiers' members are
 * interpreted here rather than by CDI's resolution.
 */
record RoutedObserver(ObserverMethod<ManagerEvent> method, Set<String> names, Authority classes) {

    @SuppressWarnings("unchecked")
    static Optional<RoutedObserver> of(ObserverMethod<?> method) {
        boolean routed = false;
        Set<String> names = Set.of();
        Authority classes = Authority.ALL;
        for (Annotation q : method.getObservedQualifiers()) {
            if (q instanceof Routed) {
                routed = true;
            } else if (q instanceof EventName n) {
                routed = true;
                names = Set.of(n.value());
            } else if (q instanceof EventClass c) {
                routed = true;
                classes = Authority.of(c.value());
            }
        }
        return routed ? Optional.of(new RoutedObserver((ObserverMethod<ManagerEvent>) method, names, classes))
                : Optional.empty();
    }

    /** @return true if this observer subscribes to the event (Asterisk's class rule: all of its classes) */
    boolean wants(ManagerEvent event) {
        return (names.isEmpty() || names.contains(event.name())) && classes.containsAll(event.classes());
    }

    void deliver(ManagerEvent event) {
        method.notify(event);
    }
}
