package dev.ami.server.action.cli;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code Action: Command}: runs a CLI command and returns each output line as an {@code Output:}
 * header. Asterisk's blacklist ({@code module load}, {@code module unload},
 * {@code restart gracefully}) is refused before anything runs.
 */
public final class CommandAction extends AbstractAction {

    private static final List<List<String>> BLACKLIST = List.of(
            List.of("module", "load"), List.of("module", "unload"), List.of("restart", "gracefully"));

    private final List<CliCommand> commands = new ArrayList<>();

    {
        commands.add(new CoreShowVersion());
        commands.add(new CoreShowUptime());
        commands.addAll(ManagerCli.commands());
        commands.addAll(LockoutCli.commands());
        commands.addAll(UpstreamCli.commands());
    }

    public CommandAction() {
        super("Command", "Execute Asterisk CLI Command.", AuthorityClass.COMMAND);
    }

    @Override
    public void handle(ActionCall call) {
        String line = call.action().get("Command");
        List<String> typed = Arrays.stream(line.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        List<String> words = typed.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (words.isEmpty()) {
            call.replyError("No command provided");
            return;
        }
        if (BLACKLIST.stream().anyMatch(b -> words.size() >= b.size() && words.subList(0, b.size()).equals(b))) {
            call.replyError("Command blacklisted");
            return;
        }
        CliCommand best = null;
        for (CliCommand command : commands) {
            List<String> name = command.words();
            boolean matches = words.size() >= name.size() && words.subList(0, name.size()).equals(name);
            if (matches && (best == null || name.size() > best.words().size())) {
                best = command;
            }
        }
        if (best != null) {
            CompletionStage<List<String>> output = best.run(call, typed.subList(best.words().size(), typed.size()));
            CompletableFuture<List<String>> done = output.toCompletableFuture();
            if (done.isDone()) {
                done.handle((lines, failure) -> { // a completed stage runs this at once, here
                    answer(call, failure, lines);
                    return null;
                });
            } else {
                call.session().await(output, (lines, failure) -> answer(call, failure, lines));
            }
            return;
        }
        // Asterisk echoes the words as typed, not as matched
        reply(call, call.error(), List.of("No such command '" + line + "' (type 'core show help "
                + String.join(" ", typed.subList(0, Math.min(2, typed.size()))) + "' for other possible commands)"));
    }

    private static void answer(ActionCall call, Throwable failure, List<String> lines) {
        Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        if (cause == null) {
            reply(call, call.success(), lines);
        } else if (cause instanceof CliUsage usage) {
            reply(call, call.error(), usage.lines());
        } else {
            reply(call, call.error(), List.of("Command failed: " + cause.getMessage()));
        }
    }

    private static void reply(ActionCall call, ManagerResponse response, List<String> output) {
        response.message("Command output follows");
        // Asterisk splits the CLI text on line ends: a command that prints nothing gives one empty line
        (output.isEmpty() ? List.of("") : output).forEach(o -> response.header("Output", o));
        call.reply(response.build());
    }
}
