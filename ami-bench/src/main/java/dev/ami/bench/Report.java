package dev.ami.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results table (Markdown) and the notes under it. */
final class Report {

    /** CPU use below which idle counts as "near zero" (5% of one core). */
    static final double NEAR_ZERO_CORES = 0.05;

    private record Row(String id, String figure, String measured, String target, String asterisk, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** the most CPU other processes took during a measured window */
    private double busiestOther;

    private void saw(ProcStat.Cpu cpu) {
        busiestOther = Math.max(busiestOther, cpu.other());
    }

    void ping(PingScenario.Result r) {
        saw(r.cpu());
        rows.add(new Row("a", "Sequential Ping round trips/s", perSecond(r.perSecond()), "–", "~11,000/s", "–"));
        rows.add(new Row("a", "Ping p50 / p99 latency", ms(r.p50Micros()) + " / " + ms(r.p99Micros()) + " ms",
                "p99 ≤ 0.2 ms", "p99 0.2 ms", yesNo(r.p99Micros() <= 200)));
        notes.add(String.format(Locale.ROOT, "(a) %,d pings in %.1f s on one connection; p99.9 %s ms, max %s ms;"
                        + " CPU: %s.", r.pings(), r.seconds(), ms(r.p999Micros()),
                ms(r.maxMicros()), r.cpu()));
    }

    void login(LoginScenario.Result r, int concurrency) {
        saw(r.cpu());
        rows.add(new Row("b", "Login+Logoff/s on fresh connections (" + concurrency + " at once)",
                perSecond(r.perSecond()) + (r.failures() > 0 ? " (" + r.failures() + " failed)" : ""),
                "≥ 5,000/s", "~2,600/s", yesNo(r.perSecond() >= 5000 && r.failures() == 0)));
        notes.add(String.format(Locale.ROOT, "(b) %,d cycles in %.1f s; a cycle (connect to close) p50 %.2f ms, p99 %.2f ms;"
                        + " CPU: %s%s.", r.cycles(), r.seconds(), r.p50Millis(), r.p99Millis(),
                r.cpu(), r.firstFailure() == null ? "" : "; first failure: " + r.firstFailure()));
    }

    void fanOut(FanOutScenario.Result r, int producers) {
        String target;
        String asterisk;
        double rate = r.window().perSecond();
        boolean rateMet;
        switch (r.listeners()) {
            case 10 -> {
                target = "≥ 500,000/s, none lost";
                asterisk = "150,000–250,000/s";
                rateMet = rate >= 500_000;
            }
            case 100 -> {
                target = "≥ 300,000/s, none lost";
                asterisk = "~105,000/s";
                rateMet = rate >= 300_000;
            }
            default -> {
                target = "none lost";
                asterisk = "–";
                rateMet = true;
            }
        }
        rows.add(new Row("c", String.format(Locale.ROOT, "UserEvents/s delivered to %,d listeners (lost / out of order)",
                r.listeners()), perSecond(rate) + " (" + r.check().lost() + " / " + r.check().outOfOrder() + ")", target,
                asterisk, yesNo(rateMet && r.check().clean())));
        saw(r.window().cpu());
        notes.add(String.format(Locale.ROOT, "(c) %d listeners: %,d events delivered in %.1f s (%s per listener); CPU: %s; %s.",
                r.listeners(), r.window().delivered(), r.window().seconds(), perSecond(rate / r.listeners()),
                r.window().cpu(), check(r.check(), producers)));
    }

    void stalled(List<FanOutScenario.StallResult> rounds, int producers, int padBytes) {
        double base = rounds.stream().mapToDouble(FanOutScenario.StallResult::baselinePerSecond).average().orElse(0);
        double withStall = rounds.stream().mapToDouble(r -> r.stalled().perSecond()).average().orElse(0);
        double cost = 100 * (base - withStall) / base;
        boolean clean = rounds.stream().allMatch(r -> r.check().clean());
        rows.add(new Row("e", "The other 99 listeners' events/s while 1 of 100 has stopped reading (~1 KB events, mean of "
                + rounds.size() + " runs)",
                String.format(Locale.ROOT, "%s vs %s with all reading: %+.1f%%", perSecond(withStall), perSecond(base), -cost),
                "cost < 5%, none lost", "–", yesNo(cost < 5 && clean)));
        for (int i = 0; i < rounds.size(); i++) {
            FanOutScenario.StallResult r = rounds.get(i);
            saw(r.before().cpu());
            saw(r.stalled().cpu());
            saw(r.after().cpu());
            notes.add(String.format(Locale.ROOT, "(e) run %d, events/s to the 99: %s all reading (%.0f s; CPU: %s), then %s"
                            + " with listener 0 stalled (%.0f s; CPU: %s), then %s after (%.0f s); listener 0: %s; %s.",
                    i + 1, perSecond(r.before().perSecond()), r.before().seconds(), r.before().cpu(),
                    perSecond(r.stalled().perSecond()), r.stalled().seconds(), r.stalled().cpu(),
                    perSecond(r.after().perSecond()), r.after().seconds(), r.listenerZero(), check(r.check(), producers)));
        }
        notes.add("(e) every UserEvent carries a " + padBytes + "-byte Pad header; listener 0 has a fixed "
                + FanOutScenario.FIXED_RECEIVE_BUFFER / 1024 + " KiB receive buffer and is never counted nor waited for;"
                + " the baseline is the window before the stall, averaged with the one after it when the server had"
                + " cut listener 0 off by then.");
    }

    void idle(IdleScenario.Result r) {
        double perTenThousandMib = r.heapDeltaMib() * 10_000 / r.sessions();
        rows.add(new Row("d", String.format(Locale.ROOT, "Server heap per idle logged-in session (%,d sessions)", r.sessions()),
                String.format(Locale.ROOT, "%,.0f bytes (%.1f MiB in all)", r.heapPerSessionBytes(), r.heapDeltaMib()),
                "10,000 within 200 MiB", "–", yesNo(perTenThousandMib <= 200 && r.dropped() == 0)));
        rows.add(new Row("d", String.format(Locale.ROOT, "Server CPU while %,d sessions sit idle", r.sessions()),
                String.format(Locale.ROOT, "%.3f cores (%.3f with none)", r.idleAfter().server(), r.idleBefore().server()),
                "near zero (≤ " + NEAR_ZERO_CORES + " core)", "1.75 of 2 cores for 2,000 sessions",
                yesNo(r.idleAfter().server() <= NEAR_ZERO_CORES)));
        notes.add(String.format(Locale.ROOT, "(d) %,d sessions opened and logged in in %.1f s (%,.0f/s); live heap after full GC"
                        + " %,d KiB before, %,d KiB after; server RSS %,d KiB before, %,d KiB after (+%,.0f bytes/session,"
                        + " off-heap buffers included); idle CPU over %.1f s: %s; %d sessions dropped, %d unexpected messages.",
                r.sessions(), r.openSeconds(), r.sessions() / r.openSeconds(), r.heapBeforeKib(), r.heapAfterKib(),
                r.rssBeforeKib(), r.rssAfterKib(), (r.rssAfterKib() - r.rssBeforeKib()) * 1024.0 / r.sessions(),
                r.idleSeconds(), r.idleAfter(), r.dropped(), r.unexpectedMessages()));
    }

    void httpPing(HttpPingScenario.Result r) {
        saw(r.cpu());
        Latencies.Quantiles q = r.latency();
        if (r.keepAlive()) {
            rows.add(new Row("f", "HTTP rawman Ping requests/s, one keep-alive connection, sequential",
                    perSecond(r.perSecond()), "–", "8,076/s", "–"));
            rows.add(new Row("f", "HTTP Ping p50 / p99 latency", ms(q.p50Micros()) + " / " + ms(q.p99Micros()) + " ms",
                    "–", "p50 0.136 ms", "–"));
        } else {
            rows.add(new Row("g", "HTTP rawman Ping requests/s, a new connection per request (Connection: close), sequential",
                    perSecond(r.perSecond()), "–", "–", "–"));
        }
        notes.add(String.format(Locale.ROOT, "(%s) %,d HTTP Pings in %.1f s on %s; p50 %s ms, p99 %s ms, p99.9 %s ms,"
                        + " max %s ms; CPU: %s.", r.keepAlive() ? "f" : "g", r.requests(), r.seconds(),
                r.keepAlive() ? "one keep-alive connection" : "a new connection each", ms(q.p50Micros()),
                ms(q.p99Micros()), ms(q.p999Micros()), ms(q.maxMicros()), r.cpu()));
    }

    void wrk(WrkScenario.Result r) {
        if (r.missing() != null) {
            rows.add(new Row("j", "HTTP rawman Ping requests/s driven by wrk", "not run: " + r.missing(), "–", "8,076/s", "–"));
            return;
        }
        for (WrkScenario.Run run : r.runs()) {
            saw(run.cpu());
            String asterisk = run.connections() == 1 ? "8,076/s (p50 0.136 ms)" : "9,459/s";
            rows.add(new Row("j", "HTTP rawman Ping requests/s by wrk, " + run.label(), perSecond(run.perSecond())
                    + " (p50 " + ms(run.p50Micros()) + " ms)", "–", asterisk, "–"));
            notes.add(String.format(Locale.ROOT, "(j) wrk, %s, %d s: %,.0f requests/s, p50 %s ms, p99 %s ms; %,d Pongs,"
                            + " %,d other answers (counted); CPU: %s (wrk is among the other processes).", run.label(),
                    WrkScenario.RUN.toSeconds(), run.perSecond(), ms(run.p50Micros()), ms(run.p99Micros()), run.pongs(),
                    run.others(), run.cpu()));
        }
    }

    void httpLogin(HttpLoginScenario.Result r) {
        saw(r.cpu());
        Latencies.Quantiles q = r.latency();
        rows.add(new Row("h", "HTTP Login+Ping+Logoff cycles/s (a new connection and session per cycle), sequential",
                perSecond(r.perSecond()), "–", "842/s", "–"));
        notes.add(String.format(Locale.ROOT, "(h) %,d cycles in %.1f s (three rawman requests each); a cycle (connect to"
                        + " close) p50 %s ms, p99 %s ms, max %s ms; CPU: %s.", r.cycles(), r.seconds(),
                ms(q.p50Micros()), ms(q.p99Micros()), ms(q.maxMicros()), r.cpu()));
    }

    void waitEvent(WaitEventScenario.Result w, int producers) {
        FanOutScenario.Result r = w.fanOut();
        double rate = r.window().perSecond();
        rows.add(new Row("i", String.format(Locale.ROOT,
                        "UserEvents/s collected through WaitEvent by %,d HTTP sessions (lost / out of order)", r.listeners()),
                perSecond(rate) + " (" + r.check().lost() + " / " + r.check().outOfOrder() + ")", "none lost", "–",
                yesNo(r.check().clean())));
        saw(r.window().cpu());
        notes.add(String.format(Locale.ROOT, "(i) %d HTTP sessions: %,d events delivered in %.1f s (%s per session);"
                        + " %,d WaitEvent answers in the whole run, %.1f events each on average; CPU: %s; %s%s.",
                r.listeners(), r.window().delivered(), r.window().seconds(), perSecond(rate / r.listeners()), w.polls(),
                w.eventsPerAnswer(), r.window().cpu(), check(r.check(), producers),
                w.firstFailure() == null ? "" : "; first session failure: " + w.firstFailure()));
    }

    void note(String text) {
        notes.add(text);
    }

    private static String check(FanOutScenario.Check c, int producers) {
        return String.format(Locale.ROOT, "%,d UserEvents sent by %d producers; lost %d, out of order %d, malformed %d,"
                        + " listeners disconnected %d, producer errors %d%s", c.sent(), producers, c.lost(), c.outOfOrder(),
                c.malformed(), c.disconnected(), c.producerErrors(), c.firstError() == null ? "" : " (" + c.firstError() + ")");
    }

    String markdown() {
        if (busiestOther > 0.25) {
            notes.add(String.format(Locale.ROOT, "Other processes took up to %.2f cores during a measured window:"
                    + " the figures of such windows are low by about that share of the machine.", busiestOther));
        }
        StringBuilder out = new StringBuilder();
        out.append("| | figure | measured | target | Asterisk 22.10.1 | met? |\n");
        out.append("|---|---|---|---|---|---|\n");
        // rows by scenario letter; the run order (b and d last) is only a measuring convenience
        for (Row r : rows.stream().sorted(java.util.Comparator.comparing(Row::id)).toList()) {
            out.append("| ").append(r.id()).append(" | ").append(r.figure()).append(" | ").append(r.measured())
                    .append(" | ").append(r.target()).append(" | ").append(r.asterisk()).append(" | ").append(r.met())
                    .append(" |\n");
        }
        out.append('\n');
        for (String n : notes) {
            out.append("- ").append(n).append('\n');
        }
        return out.toString();
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String perSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f/s", value);
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1000);
    }
}
