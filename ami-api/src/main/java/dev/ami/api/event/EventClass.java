package dev.ami.api.event;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.ami.api.authority.AuthorityClass;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Subscribes a CDI observer to the routed manager events (see {@link Routed}) of any of these
 * authority classes, as a session with that read class would see them:
 *
 * <pre>{@code
 * void onSecurity(@Observes @EventClass(AuthorityClass.SECURITY) ManagerEvent event) { … }
 * }</pre>
 *
 * <p>An event matches when all of its classes are among those listed (Asterisk's delivery rule);
 * with {@link EventName} as well, it must match both.
 */
@Qualifier
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, TYPE})
@Documented
public @interface EventClass {

    /** @return the classes this observer reads */
    @Nonbinding
    AuthorityClass[] value();
}
