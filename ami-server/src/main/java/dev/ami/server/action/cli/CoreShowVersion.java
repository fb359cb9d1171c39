package dev.ami.server.action.cli;

import dev.ami.api.AmiVersion;
import dev.ami.server.action.ActionCall;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code core show version}: the Asterisk release reproduced (clients parse it), then what runs it. */
final class CoreShowVersion implements CliCommand {

    @Override
    public List<String> words() {
        return List.of("core", "show", "version");
    }

    @Override
    public CompletionStage<List<String>> run(ActionCall call, List<String> arguments) {
        return CompletableFuture.completedFuture(List.of("Asterisk " + AmiVersion.ASTERISK_VERSION
                + " (ami AMI server on Java " + System.getProperty("java.version") + ") running on "
                + System.getProperty("os.arch") + " " + System.getProperty("os.name")));
    }
}
