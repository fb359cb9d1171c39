package dev.ami.api.event;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The channel a channel-oriented event is about, with the variables the server may append as
 * {@code ChanVariable: name=value} headers when manager.conf's {@code channelvars} lists them.
 *
 * @param name      the channel name, e.g. {@code PJSIP/alice-00000001}
 * @param variables the channel's variables by name (names as the dialplan writes them)
 */
public record EventChannel(String name, Map<String, String> variables) {

    public EventChannel {
        Objects.requireNonNull(name, "name");
        variables = Map.copyOf(variables);
    }

    /**
     * @param variable a variable name, compared exactly (channel variables are case-sensitive)
     * @return its value, if the channel has it
     */
    public Optional<String> variable(String variable) {
        return Optional.ofNullable(variables.get(variable));
    }
}
