package dev.ami.admin.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the resources of the administration API: a method without {@code @RolesAllowed} of its
 * own (or of its class) gets the API's rule from {@link ConfigWriterFilter} (GET and HEAD for
 * admin and reader, every other method for admin).
 */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface ConfigWriters {
}
