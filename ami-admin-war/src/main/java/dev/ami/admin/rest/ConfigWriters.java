package dev.ami.admin.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks resources only AMI accounts with {@code config} write may use (logged in by
 * {@link dev.ami.admin.login.ConfigLoginFilter}, checked again by {@link ConfigWriterFilter}).
 */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface ConfigWriters {
}
