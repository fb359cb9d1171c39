package dev.ami.api.event;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Subscribes a CDI observer to every manager event the AMI server routes: those fired by any
 * application on the server and those the server raises itself (UserEvent, security events, …).
 *
 * <pre>{@code
 * void audit(@Observes @Routed ManagerEvent event) { … }
 * }</pre>
 *
 * <p>An observer without this qualifier (or {@link EventName} / {@link EventClass}) sees only the
 * events fired in its own application, as CDI always does. Routed events reach an application's
 * observers one at a time, in the order the server routed them, on a managed thread of that
 * application; put such observers on application-scoped or dependent beans.
 */
@Qualifier
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, TYPE})
@Documented
public @interface Routed {
}
