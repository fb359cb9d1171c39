package dev.ami.server.action.cli;

import dev.ami.api.connector.UpstreamStatus;
import dev.ami.server.action.ActionCall;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code manager show upstreams}: ami's session with each upstream AMI server (issue 17), in the
 * configuration's order, laid out as {@code manager show connected}. Asterisk has no such command.
 */
final class UpstreamCli {

    private static final String ROW = "  %-20.20s  %-30.30s  %-10.10s  %-20.20s  %-10.10s  %-10.10s  %-10.10s  %-8.8s  %s";

    private UpstreamCli() {
    }

    static List<CliCommand> commands() {
        return List.of(ManagerCli.command(List.of("manager", "show", "upstreams"), UpstreamCli::upstreams));
    }

    /**
     * Since is when the session entered its state (UTC); LagMs the round trip of the last keep-alive
     * Ping; Events the events received; Actions the requests forwarded; Failures the attempts that
     * failed; then why the last attempt or session ended, and when a retry is due.
     */
    static List<String> upstreams(ActionCall call, List<String> arguments) {
        List<UpstreamStatus> statuses = call.connector().upstreams();
        List<String> out = new ArrayList<>();
        out.add(String.format(ROW, "Name", "Address", "State", "Since", "LagMs", "Events", "Actions", "Failures",
                "Last error"));
        for (UpstreamStatus s : statuses) {
            String error = s.lastError() == null ? "" : s.lastError();
            if (s.nextAttempt() != null) {
                error += " (next attempt " + s.nextAttempt().truncatedTo(ChronoUnit.SECONDS) + ")";
            }
            out.add(String.format(ROW, s.name(), s.address(), s.state(),
                    s.since() == null ? "-" : s.since().truncatedTo(ChronoUnit.SECONDS).toString(),
                    s.lagMicros() < 0 ? "-" : String.format(Locale.ROOT, "%.3f", s.lagMicros() / 1000.0),
                    s.eventsReceived(), s.actionsForwarded(), s.failures(), error).stripTrailing());
        }
        out.add(statuses.size() + (statuses.size() == 1 ? " upstream configured." : " upstreams configured."));
        return out;
    }
}
