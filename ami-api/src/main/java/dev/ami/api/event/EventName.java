package dev.ami.api.event;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Subscribes a CDI observer to the routed manager events (see {@link Routed}) with one of these
 * names, compared exactly as Asterisk compares event names:
 *
 * <pre>{@code
 * void onUserEvent(@Observes @EventName("UserEvent") ManagerEvent event) { … }
 * }</pre>
 *
 * <p>With {@link EventClass} as well, an event must match both.
 */
@Qualifier
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, TYPE})
@Documented
public @interface EventName {

    /** @return the event names this observer wants */
    @Nonbinding
    String[] value();
}
