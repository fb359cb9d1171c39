package dev.ami.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results: the like-for-like table and the table of ami's own scenarios ({@link Comparison}),
 * and the notes under them. Asterisk's figures are those BENCHMARKS.md records for Asterisk 22.10.1
 * on this kind of machine, with the method each was measured by; a row is compared with one only
 * when the bench measured it the same way.
 */
final class Report {

    private final Comparison table = new Comparison();
    private final List<String> notes = new ArrayList<>();
    /** the most CPU other processes took during a measured window */
    private double busiestOther;

    private void saw(ProcStat.Cpu cpu) {
        busiestOther = Math.max(busiestOther, cpu.other());
    }

    Comparison table() {
        return table;
    }

    void startUp(WildFlyServer.StartUp s, String jvm) {
        table.compared("s", "Start-up", "launch of standalone.sh (standalone-full.xml; the EAR handed to the deployment"
                        + " scanner at boot's end, scan every " + WildFlyServer.SCAN_INTERVAL_MILLIS + " ms) to the first"
                        + " AMI Login accepted; Asterisk: process start to AMI port open",
                String.format(Locale.ROOT, "%.1f s (port greeted at %.1f s; WildFly booted in %.1f s, %s services)",
                        s.loginSeconds(), s.greetingSeconds(), s.bootLogSeconds(), s.services()),
                Comparison.NONE, "about 1 s", Comparison.ratio(s.loginSeconds(), Double.NaN, 1.0, false));
        table.compared("s", "Resident memory, idle after start", "VmRSS once the server's CPU fell quiet after start,"
                        + " before any scenario; server JVM " + jvm,
                String.format(Locale.ROOT, "%,d MB (live heap %,d MB)", s.idleRssKib() / 1024, s.idleLiveHeapKib() / 1024),
                Comparison.NONE, "about 50 MB", Comparison.ratio(s.idleRssKib() / 1024.0, Double.NaN, 50, false));
        notes.add(String.format(Locale.ROOT, "(s) from the launch: WildFly's boot line seen at %.1f s, the AMI greeting at"
                        + " %.1f s, the first login accepted at %.1f s; quiet (under 0.1 core) %.1f s later; RSS %,d KiB,"
                        + " live heap %,d KiB.", s.bootSeconds(), s.greetingSeconds(), s.loginSeconds(), s.settleSeconds(),
                s.idleRssKib(), s.idleLiveHeapKib()));
    }

    /** Sequential Pings: cold (the first after start) and warm; either may be null if not run. */
    void ping(PingScenario.Result cold, PingScenario.Result warm, int count) {
        String method = String.format(Locale.ROOT, "%,d sequential Pings with ActionID on one logged-in session"
                + " (Events: off)", count);
        table.compared("a", "Ping round trip", method, cold == null ? Comparison.NONE : Comparison.perSecond(cold.perSecond()),
                warm == null ? Comparison.NONE : Comparison.perSecond(warm.perSecond()), "17,280/s",
                Comparison.ratio(cold == null ? Double.NaN : cold.perSecond(), warm == null ? Double.NaN : warm.perSecond(),
                        17_280, true));
        table.compared("a", "Ping p50 / p99", "the same run", cold == null ? Comparison.NONE : p50p99(cold),
                warm == null ? Comparison.NONE : p50p99(warm), "47.5 / 144 µs",
                "p99 " + Comparison.ratio(cold == null ? Double.NaN : cold.p99Micros(),
                        warm == null ? Double.NaN : warm.p99Micros(), 144, false));
        for (PingScenario.Result r : new PingScenario.Result[] {cold, warm}) {
            if (r != null) {
                saw(r.cpu());
                notes.add(String.format(Locale.ROOT, "(a) %s: %,d pings in %.2f s; p50 %s, p99 %s, p99.9 %s, max %s;"
                                + " CPU: %s.", r == cold ? "cold" : "warm", r.pings(), r.seconds(),
                        Comparison.micros(r.p50Micros()), Comparison.micros(r.p99Micros()),
                        Comparison.micros(r.p999Micros()), Comparison.micros(r.maxMicros()), r.cpu()));
            }
        }
    }

    private static String p50p99(PingScenario.Result r) {
        return String.format(Locale.ROOT, "%.1f / %.0f µs", r.p50Micros(), r.p99Micros());
    }

    void pipelined(PipelinedPingScenario.Result cold, PipelinedPingScenario.Result warm, int count, int depth) {
        table.compared("p", "Pipelined Ping", String.format(Locale.ROOT, "%,d Pings with ActionID on one logged-in"
                        + " session, %d in flight; from the first sent to the last answer", count, depth),
                cold == null ? Comparison.NONE : Comparison.perSecond(cold.perSecond()),
                warm == null ? Comparison.NONE : Comparison.perSecond(warm.perSecond()), "54,869/s",
                Comparison.ratio(cold == null ? Double.NaN : cold.perSecond(), warm == null ? Double.NaN : warm.perSecond(),
                        54_869, true));
        for (PipelinedPingScenario.Result r : new PipelinedPingScenario.Result[] {cold, warm}) {
            if (r != null) {
                saw(r.cpu());
                notes.add(String.format(Locale.ROOT, "(p) %s: %,d pings, %d in flight, in %.3f s; CPU: %s.",
                        r == cold ? "cold" : "warm", r.pings(), r.depth(), r.seconds(), r.cpu()));
            }
        }
    }

    void sequentialLogin(SequentialLoginScenario.Result cold, SequentialLoginScenario.Result warm, int cycles,
            String displayConnects) {
        String method = String.format(Locale.ROOT, "%,d times, sequential: connect, greeting, Login (Events: off),"
                + " Logoff, Goodbye, the server's close, close; displayconnects = %s", cycles, displayConnects);
        table.compared("l", "Login+Logoff on a new connection", method,
                cold == null ? Comparison.NONE : Comparison.perSecond(cold.perSecond()),
                warm == null ? Comparison.NONE : Comparison.perSecond(warm.perSecond()), "3,709/s (another day 2,507–2,731/s)",
                Comparison.ratio(cold == null ? Double.NaN : cold.perSecond(), warm == null ? Double.NaN : warm.perSecond(),
                        3_709, true));
        table.compared("l", "Server CPU per Login+Logoff", "the same run: the server's user + system time (/proc) over"
                        + " the cycles", cold == null ? Comparison.NONE : cpuMillis(cold.cpuMillisPerCycle()),
                warm == null ? Comparison.NONE : cpuMillis(warm.cpuMillisPerCycle()), "0.20 ms",
                Comparison.ratio(cold == null ? Double.NaN : cold.cpuMillisPerCycle(),
                        warm == null ? Double.NaN : warm.cpuMillisPerCycle(), 0.20, false));
        for (SequentialLoginScenario.Result r : new SequentialLoginScenario.Result[] {cold, warm}) {
            if (r != null) {
                saw(r.cpu());
                Latencies.Quantiles q = r.latency();
                notes.add(String.format(Locale.ROOT, "(l) %s: %,d cycles in %.2f s; a cycle p50 %s, p99 %s, max %s;"
                                + " server CPU %.3f ms per cycle; CPU: %s.", r == cold ? "cold" : "warm", r.cycles(),
                        r.seconds(), Comparison.micros(q.p50Micros()), Comparison.micros(q.p99Micros()),
                        Comparison.micros(q.maxMicros()), r.cpuMillisPerCycle(), r.cpu()));
            }
        }
    }

    private static String cpuMillis(double millis) {
        return String.format(Locale.ROOT, "%.3f ms", millis);
    }

    /** Asterisk's one-sender fan-out figures by listener count (events/s delivered in total). */
    private static String asteriskBurst(int listeners) {
        return switch (listeners) {
            case 10 -> "69,055/s (another day 145–184k/s)";
            case 100 -> "58,779–64,025/s";
            case 1000 -> "63,354/s";
            default -> null;
        };
    }

    private static double asteriskBurstRate(int listeners) {
        return switch (listeners) {
            case 10 -> 184_000;
            case 100 -> 64_025;
            case 1000 -> 63_354;
            default -> Double.NaN;
        };
    }

    void burst(FanOutScenario.Burst cold, FanOutScenario.Burst warm) {
        FanOutScenario.Burst any = warm != null ? warm : cold;
        int n = any.listeners();
        String method = String.format(Locale.ROOT, "%,d UserEvents pipelined by ONE sender (at most %d unanswered and %,d"
                        + " ahead of the slowest listener), every listener checks count and order; first sent to last read",
                any.events(), FanOutScenario.WINDOW, FanOutScenario.LAG);
        String asterisk = asteriskBurst(n);
        String coldText = cold == null ? Comparison.NONE : burstText(cold);
        String warmText = warm == null ? Comparison.NONE : burstText(warm);
        String path = String.format(Locale.ROOT, "UserEvent fan-out to %,d listeners, events/s delivered in total", n);
        if (asterisk == null) {
            table.oursOnly("u", path, method, coldText, warmText);
        } else {
            table.compared("u", path, method, coldText, warmText, asterisk,
                    Comparison.ratio(cold == null ? Double.NaN : cold.perSecond(), warm == null ? Double.NaN : warm.perSecond(),
                            asteriskBurstRate(n), true));
        }
        if (n == 100) {
            // Asterisk: 52 s of server CPU for 2 million deliveries
            table.compared("u", "Server CPU per delivery, 100 listeners", "the same run: the server's user + system"
                            + " time over the deliveries",
                    cold == null ? Comparison.NONE : String.format(Locale.ROOT, "%.2f µs", cold.cpuMicrosPerDelivery()),
                    warm == null ? Comparison.NONE : String.format(Locale.ROOT, "%.2f µs", warm.cpuMicrosPerDelivery()),
                    "26 µs (52 s for 2 M)", Comparison.ratio(cold == null ? Double.NaN : cold.cpuMicrosPerDelivery(),
                            warm == null ? Double.NaN : warm.cpuMicrosPerDelivery(), 26, false));
        }
        for (FanOutScenario.Burst r : new FanOutScenario.Burst[] {cold, warm}) {
            if (r != null) {
                saw(r.cpu());
                notes.add(String.format(Locale.ROOT, "(u) %,d listeners, %s: %,d of %,d deliveries in %.3f s%s; server CPU"
                                + " %.2f s (%.2f µs per delivery); CPU: %s; %s.", n, r == cold ? "cold" : "warm",
                        r.delivered(), (long) r.events() * n, r.seconds(),
                        r.complete() ? "" : " (INCOMPLETE: gave up waiting)",
                        r.serverCpuSeconds(), r.cpuMicrosPerDelivery(), r.cpu(), check(r.check(), 1)));
            }
        }
    }

    private static String burstText(FanOutScenario.Burst b) {
        String clean = b.check().clean() && b.complete() ? "" : String.format(Locale.ROOT, " (lost %d, out of order %d)",
                b.check().lost(), b.check().outOfOrder());
        return Comparison.perSecond(b.perSecond()) + clean;
    }

    void login(LoginScenario.Result r, int concurrency) {
        saw(r.cpu());
        table.oursOnly("b", "Login+Logoff/s on fresh connections, " + concurrency + " at once",
                "Login without Events; " + concurrency + " cycles in flight, each that ends starts the next; after a warm-up",
                Comparison.NONE,
                Comparison.perSecond(r.perSecond()) + (r.failures() > 0 ? " (" + r.failures() + " failed)" : ""));
        notes.add(String.format(Locale.ROOT, "(b) %,d cycles in %.1f s; a cycle (connect to close) p50 %.2f ms, p99 %.2f ms;"
                        + " CPU: %s%s.", r.cycles(), r.seconds(), r.p50Millis(), r.p99Millis(),
                r.cpu(), r.firstFailure() == null ? "" : "; first failure: " + r.firstFailure()));
    }

    void fanOut(FanOutScenario.Result r, int producers) {
        double rate = r.window().perSecond();
        table.oursOnly("c", String.format(Locale.ROOT, "UserEvents/s delivered to %,d listeners (lost / out of order)",
                        r.listeners()),
                producers + " senders pipelining without end, at most " + FanOutScenario.WINDOW + " unanswered and "
                        + FanOutScenario.LAG + " ahead each; a window after a warm-up",
                Comparison.NONE, Comparison.perSecond(rate) + " (" + r.check().lost() + " / " + r.check().outOfOrder() + ")");
        saw(r.window().cpu());
        notes.add(String.format(Locale.ROOT, "(c) %d listeners: %,d events delivered in %.1f s (%s per listener); CPU: %s; %s.",
                r.listeners(), r.window().delivered(), r.window().seconds(), Comparison.perSecond(rate / r.listeners()),
                r.window().cpu(), check(r.check(), producers)));
    }

    void stalled(List<FanOutScenario.StallResult> rounds, int producers, int padBytes) {
        double base = rounds.stream().mapToDouble(FanOutScenario.StallResult::baselinePerSecond).average().orElse(0);
        double withStall = rounds.stream().mapToDouble(r -> r.stalled().perSecond()).average().orElse(0);
        double cut = rounds.stream().mapToDouble(FanOutScenario.StallResult::cutAfterSeconds).filter(d -> !Double.isNaN(d))
                .average().orElse(Double.NaN);
        boolean clean = rounds.stream().allMatch(r -> r.check().clean());
        double share = withStall / base;
        table.compared("e", "One listener stops reading, the others read",
                "100 listeners, ~1 KiB padded UserEvents from " + producers + " senders; the 99 others' rate while listener 0"
                        + " has stopped reading, against all reading (mean of " + rounds.size() + " runs)",
                Comparison.NONE, String.format(Locale.ROOT, "the others at %.2f× (%s vs %s)%s; the stalled one cut after %s",
                        share, Comparison.perSecond(withStall), Comparison.perSecond(base), clean ? ", none lost" : ", SOME LOST",
                        Double.isNaN(cut) ? "– (not cut)" : String.format(Locale.ROOT, "%.1f s", cut)),
                "the others at 0.84×; the stalled one cut after 6.2 s",
                Comparison.ratio(Double.NaN, share, 0.84, true) + " (the others' share)");
        for (int i = 0; i < rounds.size(); i++) {
            FanOutScenario.StallResult r = rounds.get(i);
            saw(r.before().cpu());
            saw(r.stalled().cpu());
            saw(r.after().cpu());
            notes.add(String.format(Locale.ROOT, "(e) run %d, events/s to the 99: %s all reading (%.0f s; CPU: %s), then %s"
                            + " with listener 0 stalled (%.0f s; CPU: %s), then %s after (%.0f s); listener 0: %s; %s.",
                    i + 1, Comparison.perSecond(r.before().perSecond()), r.before().seconds(), r.before().cpu(),
                    Comparison.perSecond(r.stalled().perSecond()), r.stalled().seconds(), r.stalled().cpu(),
                    Comparison.perSecond(r.after().perSecond()), r.after().seconds(), r.listenerZero(),
                    check(r.check(), producers)));
        }
        notes.add("(e) every UserEvent carries a " + padBytes + "-byte Pad header, so a sender runs at most "
                + FanOutScenario.lag(padBytes) + " events ahead of the slowest counted listener (the same bytes as c's "
                + FanOutScenario.LAG + " plain events); listener 0 has a fixed "
                + FanOutScenario.FIXED_RECEIVE_BUFFER / 1024 + " KiB receive buffer and is never counted nor waited for;"
                + " the baseline is the window before the stall, averaged with the one after it when the server had"
                + " cut listener 0 off by then.");
    }

    /** Asterisk's idle figure was taken with this many sessions. */
    static final int ASTERISK_IDLE_SESSIONS = 2000;

    void idle(IdleScenario.Result r, Duration held) {
        String method = String.format(Locale.ROOT, "%,d sessions logged in (Events: user) and held %d s, from %s",
                r.sessions(), held.toSeconds(), r.sources());
        String cpu = String.format(Locale.ROOT, "%.3f cores (%.3f with none)", r.idleAfter().server(), r.idleBefore().server());
        String rss = String.format(Locale.ROOT, "%,.0f bytes", r.rssPerSessionBytes());
        long threadDelta = r.threadsAfter() - r.threadsBefore();
        String threads = String.format(Locale.ROOT, "%+d threads in all (%d → %d)", threadDelta, r.threadsBefore(),
                r.threadsAfter());
        String heap = String.format(Locale.ROOT, "%,.0f bytes (%.1f MiB in all)", r.heapPerSessionBytes(), r.heapDeltaMib());
        String open = String.format(Locale.ROOT, "%.1f s (%,.0f/s); %d dropped", r.openSeconds(), r.sessions() / r.openSeconds(),
                r.dropped());
        if (r.sessions() == ASTERISK_IDLE_SESSIONS) {
            table.compared("d", "Server CPU while sessions sit idle", method, Comparison.NONE, cpu, "1.77 of 2 cores",
                    Comparison.ratio(Double.NaN, Math.max(r.idleAfter().server(), 0.001), 1.77, false));
            // with a fixed heap whose pages earlier scenarios already made resident, VmRSS barely moves when
            // sessions fill the heap: a session costs at least its live heap, so the ratio takes the larger
            table.compared("d", "Memory per idle session", "the same run: VmRSS after − before, and the live heap's"
                            + " growth (the heap's pages were already resident); the ratio takes the larger",
                    Comparison.NONE, "RSS " + rss + ", live heap " + String.format(Locale.ROOT, "%,.0f bytes",
                            r.heapPerSessionBytes()), "24 KB RSS",
                    Comparison.ratio(Double.NaN, Math.max(r.rssPerSessionBytes(), r.heapPerSessionBytes()), 24 * 1024,
                            false));
            table.compared("d", "Threads per idle session", "the same run: /proc threads after − before", Comparison.NONE,
                    threads, "one each (2,000)", Comparison.NONE);
            table.oursOnly("d", String.format(Locale.ROOT, "Time to open and log in %,d sessions", r.sessions()),
                    "the same run; 256 between connect and login at a time", Comparison.NONE, open);
        } else {
            String path = String.format(Locale.ROOT, " (%,d sessions)", r.sessions());
            table.oursOnly("d", "Server heap per idle session" + path, method + "; live heap after a full GC (jcmd)",
                    Comparison.NONE, heap);
            table.oursOnly("d", "Resident memory per idle session" + path, "the same run: VmRSS after − before",
                    Comparison.NONE, rss);
            table.oursOnly("d", "Server CPU while sessions sit idle" + path, "the same run", Comparison.NONE, cpu);
            table.oursOnly("d", "Time to open and log in the sessions" + path, "the same run; 256 between connect and login"
                    + " at a time", Comparison.NONE, open);
        }
        notes.add(String.format(Locale.ROOT, "(d) %,d sessions opened and logged in in %.1f s (%,.0f/s) from %s; live heap"
                        + " after full GC %,d KiB before, %,d KiB after; server RSS %,d KiB before, %,d KiB after (+%,.0f"
                        + " bytes/session, off-heap buffers included); threads %d before, %d after; idle CPU over %.1f s:"
                        + " %s; %d sessions dropped, %d unexpected messages; %s.",
                r.sessions(), r.openSeconds(), r.sessions() / r.openSeconds(), r.sources(), r.heapBeforeKib(),
                r.heapAfterKib(), r.rssBeforeKib(), r.rssAfterKib(), r.rssPerSessionBytes(), r.threadsBefore(),
                r.threadsAfter(), r.idleSeconds(), r.idleAfter(), r.dropped(), r.unexpectedMessages(), r.limits()));
    }

    void httpPing(HttpPingScenario.Result r) {
        saw(r.cpu());
        Latencies.Quantiles q = r.latency();
        if (r.keepAlive()) {
            table.oursOnly("f", "HTTP rawman Ping, one keep-alive connection, sequential (the bench's Java client;"
                            + " Asterisk's figure was taken with wrk: see j)", "the session's cookie; a window after a warm-up",
                    Comparison.NONE, Comparison.perSecond(r.perSecond()) + " (p50 " + ms(q.p50Micros()) + " / p99 "
                            + ms(q.p99Micros()) + " ms)");
        } else {
            table.oursOnly("g", "HTTP rawman Ping, a new connection per request (Connection: close), sequential",
                    "a window after a warm-up", Comparison.NONE, Comparison.perSecond(r.perSecond()));
        }
        notes.add(String.format(Locale.ROOT, "(%s) %,d HTTP Pings in %.1f s on %s; p50 %s ms, p99 %s ms, p99.9 %s ms,"
                        + " max %s ms; CPU: %s.", r.keepAlive() ? "f" : "g", r.requests(), r.seconds(),
                r.keepAlive() ? "one keep-alive connection" : "a new connection each", ms(q.p50Micros()),
                ms(q.p99Micros()), ms(q.p999Micros()), ms(q.maxMicros()), r.cpu()));
    }

    void wrk(WrkScenario.Result r) {
        if (r.missing() != null) {
            table.compared("j", "HTTP rawman Ping driven by wrk", "not run: " + r.missing(), Comparison.NONE, Comparison.NONE,
                    "8,076/s", Comparison.NONE);
            return;
        }
        for (WrkScenario.Run run : r.runs()) {
            saw(run.cpu());
            String warm = Comparison.perSecond(run.perSecond()) + " (p50 " + ms(run.p50Micros()) + " ms)";
            String method = "wrk, " + WrkScenario.RUN.toSeconds() + " s, after a warm-up: " + run.label();
            if (run.label().contains("Lua")) {
                table.oursOnly("j", "HTTP rawman Ping, wrk, the measured connection logged in itself", method,
                        Comparison.NONE, warm);
            } else if (run.connections() == 1) {
                table.compared("j", "HTTP rawman Ping with a session cookie, one keep-alive connection (same method)",
                        method, Comparison.NONE, warm, "8,076/s (p50 0.136 ms)",
                        Comparison.ratio(Double.NaN, run.perSecond(), 8_076, true));
            } else {
                table.compared("j", "HTTP rawman Ping with a session cookie, " + run.connections() + " connections (same"
                        + " method)", method, Comparison.NONE, warm, "9,459/s", Comparison.ratio(Double.NaN, run.perSecond(),
                        9_459, true));
            }
            notes.add(String.format(Locale.ROOT, "(j) wrk, %s, %d s: %,.0f requests/s, p50 %s ms, p99 %s ms; %,d Pongs,"
                            + " %,d other answers (counted); CPU: %s (wrk is among the other processes).", run.label(),
                    WrkScenario.RUN.toSeconds(), run.perSecond(), ms(run.p50Micros()), ms(run.p99Micros()), run.pongs(),
                    run.others(), run.cpu()));
        }
    }

    void httpLogin(HttpLoginScenario.Result r) {
        saw(r.cpu());
        Latencies.Quantiles q = r.latency();
        table.compared("h", "HTTP login + ping + logoff (same method, but the bench's Java client; Asterisk's was"
                        + " Python http.client)",
                "sequential, a new TCP connection and session per cycle (rawman login, ping, logoff asking Connection:"
                        + " close); a window after a warm-up",
                Comparison.NONE, Comparison.perSecond(r.perSecond()), "842/s",
                Comparison.ratio(Double.NaN, r.perSecond(), 842, true));
        notes.add(String.format(Locale.ROOT, "(h) %,d cycles in %.1f s (three rawman requests each); a cycle (connect to"
                        + " close) p50 %s ms, p99 %s ms, max %s ms; CPU: %s.", r.cycles(), r.seconds(),
                ms(q.p50Micros()), ms(q.p99Micros()), ms(q.maxMicros()), r.cpu()));
    }

    void waitEvent(WaitEventScenario.Result w, int producers) {
        FanOutScenario.Result r = w.fanOut();
        double rate = r.window().perSecond();
        table.oursOnly("i", String.format(Locale.ROOT,
                        "UserEvents/s collected through WaitEvent by %,d HTTP sessions (lost / out of order)", r.listeners()),
                producers + " senders over TCP, paced as in c; a window after a warm-up", Comparison.NONE,
                Comparison.perSecond(rate) + " (" + r.check().lost() + " / " + r.check().outOfOrder() + ")");
        saw(r.window().cpu());
        notes.add(String.format(Locale.ROOT, "(i) %d HTTP sessions: %,d events delivered in %.1f s (%s per session);"
                        + " %,d WaitEvent answers in the whole run, %.1f events each on average; CPU: %s; %s%s.",
                r.listeners(), r.window().delivered(), r.window().seconds(), Comparison.perSecond(rate / r.listeners()),
                w.polls(), w.eventsPerAnswer(), r.window().cpu(), check(r.check(), producers),
                w.firstFailure() == null ? "" : "; first session failure: " + w.firstFailure()));
    }

    /**
     * Scenario n: a burst to listeners on both nodes, cold and warm; one with none on B (what
     * receiving the relay alone costs B); the sequential probes; how the cluster formed.
     */
    void twoNodes(TwoNodeScenario.Join join, WildFlyServer.StartUp startB, TwoNodeScenario.Burst cold,
            TwoNodeScenario.Burst warm, TwoNodeScenario.Burst relayOnly, TwoNodeScenario.Latency latency) {
        TwoNodeScenario.Burst any = warm != null ? warm : cold;
        String split = String.format(Locale.ROOT, "%d on A, %d on B", any.a().listeners(), any.b().listeners());
        table.oursOnly("n", String.format(Locale.ROOT, "UserEvent fan-out across two nodes to %d listeners (%s),"
                        + " events/s delivered in total", any.a().listeners() + any.b().listeners(), split),
                String.format(Locale.ROOT, "%,d UserEvents pipelined by ONE sender on node A (as u), relayed to node B"
                        + " over the cluster; every listener checks count and order; first sent to last read on either"
                        + " node", any.events()),
                cold == null ? Comparison.NONE : twoNodeText(cold), warm == null ? Comparison.NONE : twoNodeText(warm));
        table.oursOnly("n", "Of which each node's listeners (A / B), events/s",
                "the same run: a node's deliveries over the time from the first sent to its own last read",
                cold == null ? Comparison.NONE : perNode(cold), warm == null ? Comparison.NONE : perNode(warm));
        table.oursOnly("n", "Server CPU per delivery to its own listeners (A / B)", "the same run: each node's user +"
                        + " system time (/proc) over its own listeners' deliveries (A's includes the sender's requests and"
                        + " the relay out)",
                cold == null ? Comparison.NONE : cpuPerNode(cold), warm == null ? Comparison.NONE : cpuPerNode(warm));
        if (relayOnly != null) {
            table.oursOnly("n", String.format(Locale.ROOT, "Node B's CPU per UserEvent received, no listener on B /"
                            + " %d listeners on B", any.b().listeners()),
                    String.format(Locale.ROOT, "%,d UserEvents to the %d listeners on A only: B receives every event and"
                            + " routes it to nobody; beside it, the warm split run's figure (B's deliveries included)",
                            relayOnly.events(), relayOnly.a().listeners()), Comparison.NONE,
                    String.format(Locale.ROOT, "%.1f µs / %s", relayOnly.bCpuMicrosPerEvent(),
                            warm == null ? Comparison.NONE : String.format(Locale.ROOT, "%.1f µs",
                                    warm.bCpuMicrosPerEvent())));
        }
        if (latency != null) {
            NodeLatencies.Summary s = latency.summary();
            table.oursOnly("n", "UserEvent latency from the send, local (A) / cross-node (B), p50 and p99",
                    String.format(Locale.ROOT, "%,d sequential UserEvents sent on A (after %,d unmeasured), each waited"
                            + " for until a listener on A and one on B have read it", s.probes(), latency.warmup()),
                    Comparison.NONE, String.format(Locale.ROOT, "A %s / %s; B %s / %s µs",
                            q(s.local().p50Micros()), q(s.local().p99Micros()), q(s.cross().p50Micros()),
                            q(s.cross().p99Micros())));
            table.oursOnly("n", "Added by the cross-node hop (B's arrival − A's, per probe), p50 and p99",
                    "the same probes", Comparison.NONE, String.format(Locale.ROOT, "%s / %s µs",
                            q(s.added().p50Micros()), q(s.added().p99Micros())));
            saw(otherOnly(latency.cores()));
            notes.add(String.format(Locale.ROOT, "(n) latency: %,d probes in %.2f s; local p50 %s, p99 %s, p99.9 %s, max %s"
                            + " µs; cross-node p50 %s, p99 %s, p99.9 %s, max %s µs; added p50 %s, p99 %s, max %s µs;"
                            + " missing %d on A, %d on B; CPU: %s.", s.probes(), latency.seconds(),
                    q(s.local().p50Micros()), q(s.local().p99Micros()), q(s.local().p999Micros()), q(s.local().maxMicros()),
                    q(s.cross().p50Micros()), q(s.cross().p99Micros()), q(s.cross().p999Micros()), q(s.cross().maxMicros()),
                    q(s.added().p50Micros()), q(s.added().p99Micros()), q(s.added().maxMicros()), s.missingLocal(),
                    s.missingCross(), latency.cores()));
        }
        for (TwoNodeScenario.Burst r : new TwoNodeScenario.Burst[] {cold, warm, relayOnly}) {
            if (r != null) {
                saw(otherOnly(r.cores()));
                notes.add(String.format(Locale.ROOT, "(n) %s, %d + %d listeners: %,d of %,d deliveries in %.3f s%s; node A's"
                                + " %,d in %.3f s, node B's %,d in %.3f s; server CPU node A %.2f s, node B %.2f s (%.2f µs"
                                + " per event B received, its deliveries included); CPU: %s; %s.",
                        r == cold ? "cold" : r == warm ? "warm" : "relay only", r.a().listeners(), r.b().listeners(),
                        r.delivered(), (long) r.events() * (r.a().listeners() + r.b().listeners()), r.seconds(),
                        r.complete() ? "" : " (INCOMPLETE: gave up waiting)", r.a().delivered(), r.a().seconds(),
                        r.b().delivered(), r.b().seconds(), r.a().cpuSeconds(), r.b().cpuSeconds(), r.bCpuMicrosPerEvent(),
                        r.cores(), check(r.check(), 1)));
            }
        }
        notes.add(String.format(Locale.ROOT, "(n) node B: a second WildFly on this machine (its own base, data and conf"
                        + " folders and H2 store, the same manager.conf), started after the other scenarios; it accepted"
                        + " its first login %.1f s after its launch (RSS %,d KiB once quiet); the first UserEvent sent on A"
                        + " reached a listener on B %.1f s after B was up (%d sent, one a second at most).",
                startB.loginSeconds(),
                startB.idleRssKib(), join.seconds(), join.attempts()));
    }

    /**
     * Scenario x at one listener count: the same burst read through ami (the upstream serves one
     * session) and from the upstream directly (it serves every listener).
     */
    void proxy(int listeners, TwoNodeScenario.Burst via, TwoNodeScenario.Burst direct) {
        table.oursOnly("x", String.format(Locale.ROOT, "Upstream events through ami to %,d listeners / the upstream"
                        + " directly, events/s delivered", listeners),
                String.format(Locale.ROOT, "%,d UserEvents pipelined by ONE sender on the upstream (a second ami on this"
                        + " machine, standing in for Asterisk); every listener checks count and order; first sent to last"
                        + " read", via.events()), Comparison.NONE, twoNodeText(via) + " / " + twoNodeText(direct));
        table.oursOnly("x", String.format(Locale.ROOT, "CPU per event: the upstream, through ami / directly to %,d"
                        + " listeners; ami per delivery", listeners),
                "the same runs: each server's user + system time (/proc) over the events sent, and ami's over its"
                        + " deliveries", Comparison.NONE, String.format(Locale.ROOT, "%.1f µs / %.1f µs; ami %.2f µs",
                        via.a().cpuSeconds() * 1e6 / via.events(), direct.a().cpuSeconds() * 1e6 / direct.events(),
                        via.b().cpuMicrosPerDelivery()));
        for (TwoNodeScenario.Burst r : new TwoNodeScenario.Burst[] {via, direct}) {
            saw(otherOnly(r.cores()));
            notes.add(String.format(Locale.ROOT, "(x) %s, %d listeners: %,d of %,d deliveries in %.3f s%s; CPU of the"
                            + " upstream %.2f s, of ami %.2f s; cores: upstream %.2f, ami %.2f, client %.2f, other %.2f; %s.",
                    r == via ? "through ami" : "directly", listeners, r.delivered(), (long) r.events() * listeners,
                    r.seconds(), r.complete() ? "" : " (INCOMPLETE: gave up waiting)", r.a().cpuSeconds(),
                    r.b().cpuSeconds(), r.cores().a(), r.cores().b(), r.cores().client(), r.cores().other(),
                    check(r.check(), 1)));
        }
    }

    /** Scenario x's action probes and how the upstream came up. */
    void proxyLatency(TwoNodeScenario.Join join, WildFlyServer.StartUp startUp, ProxyScenario.ActionLatency l) {
        table.oursOnly("x", "CoreSettings round trip through ami / directly to the upstream, p50 and p99",
                String.format(Locale.ROOT, "%,d sequential requests each way (after %,d unmeasured), alternating in"
                        + " blocks of 100; through ami they carry Upstream: %s and are forwarded", l.probes(), l.warmup(),
                        ProxyScenario.UPSTREAM), Comparison.NONE,
                String.format(Locale.ROOT, "%s / %s µs; %s / %s µs (added at p50: %s µs)", q(l.viaAmi().p50Micros()),
                        q(l.viaAmi().p99Micros()), q(l.direct().p50Micros()), q(l.direct().p99Micros()),
                        q(l.addedP50Micros())));
        notes.add(String.format(Locale.ROOT, "(x) the upstream: a second WildFly running ami on this machine (its own"
                + " folders and H2 store, the same manager.conf), which accepted its first login %.1f s after its launch;"
                + " the first UserEvent sent on it reached a listener on ami %.1f s after the bench stored it through"
                + " REST (%d sent). Action round trips through ami p99.9 %s µs, max %s µs; directly p99.9 %s µs, max %s"
                + " µs. In the direct bursts ami's session with the upstream still receives every event.",
                startUp.loginSeconds(), join.seconds(), join.attempts(), q(l.viaAmi().p999Micros()),
                q(l.viaAmi().maxMicros()), q(l.direct().p999Micros()), q(l.direct().maxMicros())));
    }

    private static ProcStat.Cpu otherOnly(TwoNodeScenario.Cores c) {
        return new ProcStat.Cpu(c.a() + c.b(), c.client(), c.other());
    }

    private static String twoNodeText(TwoNodeScenario.Burst b) {
        String clean = b.check().clean() && b.complete() ? "" : String.format(Locale.ROOT, " (lost %d, out of order %d)",
                b.check().lost(), b.check().outOfOrder());
        return Comparison.perSecond(b.perSecond()) + clean;
    }

    private static String perNode(TwoNodeScenario.Burst b) {
        return Comparison.perSecond(b.a().perSecond()) + " / " + Comparison.perSecond(b.b().perSecond());
    }

    private static String cpuPerNode(TwoNodeScenario.Burst b) {
        return String.format(Locale.ROOT, "%.2f / %.2f µs", b.a().cpuMicrosPerDelivery(), b.b().cpuMicrosPerDelivery());
    }

    private static String q(double micros) {
        return String.format(Locale.ROOT, "%.0f", micros);
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
        StringBuilder out = new StringBuilder(table.markdown()).append('\n');
        for (String n : notes) {
            out.append("- ").append(n).append('\n');
        }
        return out.toString();
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1000);
    }
}
