package dev.ami.persistence.manager;

import java.util.Objects;

/**
 * One {@code eventfilter…} line of an account as written: the option name carries the advanced
 * criteria, e.g. {@code eventfilter(action(exclude),header(UserEvent),method(exact))}.
 *
 * @param key   the option name
 * @param value the pattern (may be empty)
 */
public record FilterLine(String key, String value) {

    public FilterLine {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
