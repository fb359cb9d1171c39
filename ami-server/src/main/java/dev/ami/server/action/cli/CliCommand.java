package dev.ami.server.action.cli;

import dev.ami.server.action.ActionCall;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** One CLI command reachable through {@code Action: Command}. */
public interface CliCommand {

    /** @return the words that name the command, lower case, e.g. {@code core show version} */
    List<String> words();

    /**
     * Runs the command. Most commands answer at once; one that must wait (such as
     * {@code manager reload}) returns a stage that completes later, off the event loop.
     *
     * @param call      the Command request (its session, the connector)
     * @param arguments the words after {@link #words()}, as typed
     * @return the output lines
     */
    CompletionStage<List<String>> run(ActionCall call, List<String> arguments);
}
