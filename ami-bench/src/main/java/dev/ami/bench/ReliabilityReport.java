package dev.ami.bench;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The reliability harness's results (Markdown): one row per case, then what each attack did and Asterisk's reference. */
final class ReliabilityReport {

    private final String machine;
    private final ReliabilityOptions options;
    private final List<CaseResult> results;
    private final long openFilesLimit;

    ReliabilityReport(String machine, ReliabilityOptions options, List<CaseResult> results, long openFilesLimit) {
        this.machine = machine;
        this.options = options;
        this.results = results;
        this.openFilesLimit = openFilesLimit;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# ami reliability results\n\n").append(machine).append('\n');
        md.append("Command: `mvn -Preliability package`  \nRun: ").append(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "Each attack ran %d s (the slow ones at least 40 s, past authtimeout and"
                        + " session_inactivity) while a legitimate client visited every %d ms from addresses of its own"
                        + " (AMI: connect, Login, Ping, Logoff; HTTP: a new connection, login, ping, logoff) and a session"
                        + " logged in before the attack (one AMI, one HTTP) was pinged as often; then %d more of each once the"
                        + " attack had stopped. Aim: every visit and ping served within %d ms. The server runs Asterisk's"
                        + " default limits (authtimeout 30 s, authlimit 50, ami_authlimit_per_address 10,"
                        + " ami_authlimit_per_network 25, the ami_lockout_* defaults; http.conf sessionlimit 100,"
                        + " session_inactivity 30 s, session_keep_alive 15 s). Server figures from /proc: RSS, Threads,"
                        + " open descriptors, before the attack and once the descriptors were back (at most %d s after it,"
                        + " %d of slack). The client may open %s files.%n%n",
                options.window().toSeconds(), 250, 5, options.aim().toMillis(), options.settle().toSeconds(),
                options.descriptorSlack(), openFilesLimit < 0 ? "unlimited" : String.format(Locale.ROOT, "%,d", openFilesLimit)));
        md.append("| case | legitimate visits during (AMI; HTTP) | after (AMI; HTTP) | old sessions during (AMI; HTTP)"
                + " | after (AMI; HTTP) | server before → after | pass |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (CaseResult r : results) {
            md.append("| ").append(r.reliabilityCase().id())
                    .append(" | ").append(r.during().ami().cell()).append("; ").append(r.during().http().cell())
                    .append(" | ").append(r.after().ami().cell()).append("; ").append(r.after().http().cell())
                    .append(" | ").append(r.during().oldAmi().cell()).append("; ").append(r.during().oldHttp().cell())
                    .append(" | ").append(r.after().oldAmi().cell()).append("; ").append(r.after().oldHttp().cell())
                    .append(" | ").append(ServerFootprint.change(r.before(), r.settled()))
                    .append(" | ").append(r.passed() ? "yes" : "**no**").append(" |\n");
        }
        md.append('\n');
        for (CaseResult r : results) {
            ReliabilityCase c = r.reliabilityCase();
            md.append("- **").append(c.id()).append("** (").append(c.title()).append(", ").append(c.window().toSeconds())
                    .append(" s): ").append(r.attackSummary()).append(".\n");
            md.append("  Legitimate AMI visits during: ").append(r.during().ami().detail()).append("; HTTP: ")
                    .append(r.during().http().detail()).append(". Old AMI session during: ").append(r.during().oldAmi().detail())
                    .append("; old HTTP session: ").append(r.during().oldHttp().detail())
                    .append(String.format(Locale.ROOT, " (its keep-alive connection opened again %d times).",
                            r.httpReconnects()));
            md.append(String.format(Locale.ROOT, " Server: %s, read %.1f s after the attack. CPU during the attack: %s.%n",
                    ServerFootprint.change(r.before(), r.settled()), r.settleSeconds(), r.cpu()));
            md.append("  Asterisk 22.10.1: ").append(c.asterisk()).append(".\n");
            if (!r.passed()) {
                md.append("  **Failed**: ").append(String.join("; ", r.failures())).append(".\n");
            }
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        md.append('\n').append(failed == 0 ? "Every case passed." : failed + " of " + results.size() + " cases failed.")
                .append('\n');
        return md.toString();
    }
}
