package dev.ami.server.http;

import java.util.Objects;

/**
 * One decoded {@code name=value} pair of a query string or form body, as Asterisk's HTTP server
 * hands it to the manager (an {@code ast_variable}). Both parts are byte strings (ISO-8859-1) and
 * may be empty.
 *
 * @param name  the decoded name
 * @param value the decoded value; empty when the pair had no {@code =}
 */
public record HttpParameter(String name, String value) {

    public HttpParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
