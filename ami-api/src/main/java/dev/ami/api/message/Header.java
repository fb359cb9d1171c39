package dev.ami.api.message;

import java.util.Objects;

/**
 * One {@code Name: value} line of an outbound message (a response or an event).
 *
 * @param name  the header name as it is written on the wire
 * @param value the value; written after exactly one space following the colon
 */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
