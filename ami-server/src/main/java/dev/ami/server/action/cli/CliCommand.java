package dev.ami.server.action.cli;

import dev.ami.server.action.ActionCall;
import java.util.List;

/** One CLI command reachable through {@code Action: Command}. */
public interface CliCommand {

    /** @return the words that name the command, lower case, e.g. {@code core show version} */
    List<String> words();

    /**
     * Runs the command.
     *
     * @param call      the Command request (its session, the connector)
     * @param arguments the words after {@link #words()}
     * @return the output lines
     */
    List<String> run(ActionCall call, List<String> arguments);
}
