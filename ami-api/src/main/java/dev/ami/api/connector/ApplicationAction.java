package dev.ami.api.connector;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerMessage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * An AMI action an application adds to the connector.
 *
 * @param name     the action name
 * @param write    the write classes of which a session needs one; empty for none
 * @param synopsis the ListCommands synopsis
 * @param handler  runs the action off the connector's threads and completes with the messages to send
 */
public record ApplicationAction(String name, Authority write, String synopsis,
        Function<ActionRequest, CompletionStage<List<ManagerMessage>>> handler) {

    public ApplicationAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(synopsis, "synopsis");
        Objects.requireNonNull(handler, "handler");
        if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c == ':')) {
            throw new IllegalArgumentException("an action name is one word without blanks or colons: '" + name + "'");
        }
    }
}
