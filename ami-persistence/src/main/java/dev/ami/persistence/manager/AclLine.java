package dev.ami.persistence.manager;

import java.util.Objects;

/**
 * One {@code permit=} or {@code deny=} line of an account, kept as written so that an export gives
 * it back unchanged.
 *
 * @param permit true for {@code permit}, false for {@code deny}
 * @param value  the value as written (one entry or a comma list, {@code !} allowed)
 */
public record AclLine(boolean permit, String value) {

    public AclLine {
        Objects.requireNonNull(value, "value");
    }
}
