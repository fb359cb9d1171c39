package dev.ami.server.action.cli;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.AbstractAction;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code Action: Command}: runs a CLI command and returns each output line as an {@code Output:}
 * header. Asterisk's blacklist ({@code module load}, {@code module unload},
 * {@code restart gracefully}) is refused before anything runs.
 */
public final class CommandAction extends AbstractAction {

    private static final List<List<String>> BLACKLIST = List.of(
            List.of("module", "load"), List.of("module", "unload"), List.of("restart", "gracefully"));

    private final List<CliCommand> commands = List.of(new CoreShowVersion(), new CoreShowUptime());

    public CommandAction() {
        super("Command", "Execute Asterisk CLI Command.", AuthorityClass.COMMAND);
    }

    @Override
    public void handle(ActionCall call) {
        String line = call.action().get("Command");
        List<String> words = Arrays.stream(line.strip().split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (words.isEmpty()) {
            call.replyError("No command provided");
            return;
        }
        if (BLACKLIST.stream().anyMatch(b -> words.size() >= b.size() && words.subList(0, b.size()).equals(b))) {
            call.replyError("Command blacklisted");
            return;
        }
        for (CliCommand command : commands) {
            List<String> name = command.words();
            if (words.size() >= name.size() && words.subList(0, name.size()).equals(name)) {
                reply(call, call.success(), command.run(call, words.subList(name.size(), words.size())));
                return;
            }
        }
        reply(call, call.error(), List.of("No such command '" + line + "' (type 'core show help "
                + String.join(" ", words.subList(0, Math.min(2, words.size()))) + "' for other possible commands)"));
    }

    private static void reply(ActionCall call, ManagerResponse response, List<String> output) {
        response.message("Command output follows");
        output.forEach(o -> response.header("Output", o));
        call.reply(response.build());
    }
}
