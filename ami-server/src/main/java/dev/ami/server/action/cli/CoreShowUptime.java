package dev.ami.server.action.cli;

import dev.ami.server.action.ActionCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code core show uptime}: time since the server started and since the last reload. */
final class CoreShowUptime implements CliCommand {

    @Override
    public List<String> words() {
        return List.of("core", "show", "uptime");
    }

    @Override
    public CompletionStage<List<String>> run(ActionCall call, List<String> arguments) {
        Instant now = call.now();
        return CompletableFuture.completedFuture(List.of(
                "System uptime: " + spell(Duration.between(call.connector().startedAt(), now)),
                "Last reload: " + spell(Duration.between(call.connector().lastReload(), now))));
    }

    /** Asterisk's form: {@code 1 day, 2 hours, 1 minute, 5 seconds}; zero parts left out. */
    static String spell(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long[] sizes = {365L * 86400, 7L * 86400, 86400, 3600, 60, 1};
        String[] names = {"year", "week", "day", "hour", "minute", "second"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            long n = seconds / sizes[i];
            seconds %= sizes[i];
            if (n > 0) {
                parts.add(n + " " + names[i] + (n == 1 ? "" : "s"));
            }
        }
        return parts.isEmpty() ? "0 seconds" : String.join(", ", parts);
    }
}
