package dev.ami.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The ami benchmark (README: {@code mvn -Pbench package}). Starts its own WildFly with the EAR,
 * drives it over the AMI port and the HTTP manager's port only, so it measures whatever server
 * engine is built, prints a Markdown table and writes it to target/bench-results.md, and stops the
 * server on every exit path. It asserts nothing: a missed target is a "no" in the table; only a bench that cannot
 * measure (no server, refused sessions) ends with a non-zero status.
 */
public final class Bench {

    private static final int STALL_ROUNDS = 2;
    /**
     * Scenario e pads its UserEvents to about 1 KB (many real events, Newchannel or VarSet with
     * channel variables, are that size): at about 100-byte events the stalled listener's backlog
     * would take longer than the window to fill the kernel's socket buffers (MiBs on loopback), so
     * the server would never be put to the test of an outbound backlog within the run.
     */
    private static final int STALL_PAD = 900;
    private static final Duration MIN_STALL_WINDOW = Duration.ofSeconds(8);
    /** how long scenario d holds its sessions idle: Asterisk's figure was taken over 10 s */
    private static final Duration IDLE_HOLD = Duration.ofSeconds(10);

    /** scenario n's latency probes sent before the measured ones */
    private static final int PROBE_WARMUP = 500;
    /** WildFly's web port before the offset: the REST API is there */
    private static final int WEB_PORT = 8080;
    /** scenario n's relay-only burst sends this many times the split bursts' UserEvents */
    private static final int RELAY_ONLY_FACTOR = 5;
    /** how long scenario n waits for node B to join node A's view */
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(120);

    private final BenchOptions options;
    /** scenario n's second node and counts; null when n is not run */
    private final TwoNodeOptions twoNodes;
    /** scenario x's upstream and counts; null when x is not run */
    private final ProxyOptions proxy;
    private final WildFlyServer server;
    private final Path jfrDir;

    private Bench(BenchOptions options, TwoNodeOptions twoNodes, ProxyOptions proxy, WildFlyServer server) {
        this.options = options;
        this.twoNodes = twoNodes;
        this.proxy = proxy;
        this.server = server;
        this.jfrDir = options.target().resolve("jfr");
    }

    public static void main(String[] args) {
        BenchOptions options;
        TwoNodeOptions twoNodes;
        ProxyOptions proxy;
        try {
            options = BenchOptions.fromSystemProperties();
            twoNodes = options.runs("n") ? TwoNodeOptions.fromSystemProperties() : null;
            if (twoNodes != null) {
                twoNodes.checkAgainst(options);
            }
            proxy = options.runs("x") ? ProxyOptions.fromSystemProperties() : null;
            if (proxy != null) {
                proxy.checkAgainst(options);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        // with scenario n the bench's server is node A of a two-node cluster from its start: it names
        // node B among its members, which costs nothing while B is not up (a cluster of one relays nothing)
        WildFlyServer.Node nodeA = twoNodes == null ? WildFlyServer.Node.of(options) : twoNodes.nodeA(options);
        try (WildFlyServer server = new WildFlyServer(options, options.managerConf(), options.httpConf(), nodeA)) {
            new Bench(options, twoNodes, proxy, server).run();
        } catch (Exception e) {
            // the server is already stopped here (try-with-resources closes before catch)
            System.err.println("bench: FAILED: " + e.getMessage());
            if (!(e instanceof IllegalStateException)) {
                // not one of the bench's own explained failures: the trace is the explanation
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Files.createDirectories(options.target());
        String machine = Machine.describe();
        System.out.println(machine);
        server.start();
        Report report = new Report();
        report.startUp(server.startUp(), options.serverJvm());
        long pid = server.pid();
        // Cold: the first run of each like-for-like path after start, before anything else has warmed
        // the server's JIT, in this order (so p follows a's Pings and u follows l's logins); warm: the
        // same runs again after a warm-up. Then the scenarios of ami's own: a, c, e, i, f, j, g, h, b,
        // d; the many short connections of g, h, b and d leave thousands of TIME_WAIT sockets for a
        // minute, which would make the /proc/net/tcp look-ups of e dearer; and b, whose client side is
        // mostly connection set-up, gains from a client already compiled.
        PingScenario ping = new PingScenario(options.amiPort());
        SequentialLoginScenario logins = new SequentialLoginScenario(options.amiPort());
        PipelinedPingScenario pipelined = new PipelinedPingScenario(BenchOptions.HOST, options.amiPort());
        try (NettyClient client = new NettyClient(options.clientThreads(), BenchOptions.HOST, options.amiPort())) {
            FanOutScenario fanOut = new FanOutScenario(client, pid);
            PingScenario.Result pingCold = null;
            SequentialLoginScenario.Result loginCold = null;
            PipelinedPingScenario.Result pipelinedCold = null;
            List<FanOutScenario.Burst> burstCold = new ArrayList<>();
            if (options.runs("a")) {
                say("(a) cold: the first " + options.pingCount() + " sequential Pings after start");
                pingCold = profiled("a-ping-cold", () -> ping.run(pid, Duration.ZERO, options.pingCount()));
            }
            if (options.runs("l")) {
                say("(l) cold: the first " + options.loginCycles() + " sequential Login+Logoff cycles after start");
                loginCold = profiled("l-login-cold", () -> logins.run(pid, Duration.ZERO, options.loginCycles()));
            }
            if (options.runs("p")) {
                say("(p) cold: the first " + options.pingCount() + " pipelined Pings, " + options.pipelineDepth() + " in flight");
                pipelinedCold = profiled("p-pipelined-cold", () -> pipelined.run(pid, Duration.ZERO, options.pingCount(),
                        options.pipelineDepth()));
            }
            if (options.runs("u")) {
                for (int n : options.fanOutListeners()) {
                    say("(u) cold: one sender's " + options.burstEvents(n) + " UserEvents to " + n + " listeners");
                    burstCold.add(profiled("u-burst-cold-" + n, () -> fanOut.runBurst(n, options.burstEvents(n))));
                }
            }
            if (options.runs("a")) {
                say("(a) warm: " + seconds(options.warmup()) + " of Pings, then " + options.pingCount() + " measured");
                PingScenario.Result warm = profiled("a-ping", () -> ping.run(pid, options.warmup(), options.pingCount()));
                report.ping(pingCold, warm, options.pingCount());
            }
            if (options.runs("l")) {
                say("(l) warm: " + seconds(options.warmup()) + " of cycles, then " + options.loginCycles() + " measured");
                SequentialLoginScenario.Result warm = profiled("l-login", () -> logins.run(pid, options.warmup(),
                        options.loginCycles()));
                report.sequentialLogin(loginCold, warm, options.loginCycles(), options.displayConnects());
            }
            if (options.runs("p")) {
                say("(p) warm: " + seconds(options.warmup()) + " of pipelined Pings, then " + options.pingCount() + " measured");
                PipelinedPingScenario.Result warm = profiled("p-pipelined", () -> pipelined.run(pid, options.warmup(),
                        options.pingCount(), options.pipelineDepth()));
                report.pipelined(pipelinedCold, warm, options.pingCount(), options.pipelineDepth());
            }
            if (options.runs("u")) {
                int i = 0;
                for (int n : options.fanOutListeners()) {
                    say("(u) warm: a burst to " + n + " listeners unmeasured, then one measured");
                    fanOut.runBurst(n, options.burstEvents(n));
                    FanOutScenario.Burst warm = profiled("u-burst-" + n, () -> fanOut.runBurst(n, options.burstEvents(n)));
                    report.burst(burstCold.get(i++), warm);
                }
            }
            if (options.runs("c")) {
                for (int n : options.fanOutListeners()) {
                    say("(c) UserEvent fan-out to " + n + " listeners, " + options.producers() + " senders");
                    report.fanOut(profiled("c-fanout-" + n, () -> fanOut.run(n, options.producers(),
                            options.warmup(), options.measure())), options.producers());
                }
            }
            if (options.runs("e")) {
                // long enough for the stalled listener's kernel buffers (about 4 MiB) to fill and
                // for the server to cut it off inside the window
                Duration stallWindow = options.measure().compareTo(MIN_STALL_WINDOW) < 0 ? MIN_STALL_WINDOW : options.measure();
                // more than one run: on a shared 2-core machine windows differ by a few percent
                // even without a stall
                List<FanOutScenario.StallResult> rounds = new ArrayList<>();
                for (int round = 1; round <= STALL_ROUNDS; round++) {
                    say("(e) run " + round + ": 100 listeners; all read, then listener 0 stops reading");
                    rounds.add(profiled("e-stall-" + round, () -> fanOut.runStall(100, options.producers(), STALL_PAD,
                            options.warmup(), options.measure(), stallWindow)));
                }
                report.stalled(rounds, options.producers(), STALL_PAD);
            }
            // The HTTP manager: sequential ones on blocking sockets, WaitEvent on the Netty client.
            // i first: it compiles the server's HTTP path, which f alone would measure while it is
            // being compiled; g and h last, their thousands of short connections leave TIME_WAIT.
            if (options.runs("i")) {
                say("(i) UserEvents collected through WaitEvent by " + options.waitEventSessions() + " HTTP sessions");
                report.waitEvent(profiled("i-waitevent", () -> new WaitEventScenario(client, fanOut, options.httpPort())
                        .run(options.waitEventSessions(), options.producers(), options.warmup(), options.measure())),
                        options.producers());
            }
            if (options.runs("f")) {
                say("(f) sequential HTTP Ping, one keep-alive connection");
                report.httpPing(profiled("f-http-ping", () -> new HttpPingScenario(options.httpPort())
                        .run(server.pid(), true, options.warmup(), options.measure())));
            }
            if (options.runs("j")) {
                say("(j) HTTP Ping driven by wrk, as Asterisk's figures were taken");
                report.wrk(profiled("j-http-wrk", () -> new WrkScenario(options.httpPort(), options.target())
                        .run(server.pid(), options.warmup())));
            }
            if (options.runs("g")) {
                say("(g) sequential HTTP Ping, a new connection per request");
                report.httpPing(profiled("g-http-ping-close", () -> new HttpPingScenario(options.httpPort())
                        .run(server.pid(), false, options.warmup(), options.measure())));
            }
            if (options.runs("h")) {
                say("(h) sequential HTTP Login+Ping+Logoff, a new connection per cycle");
                report.httpLogin(profiled("h-http-login", () -> new HttpLoginScenario(options.httpPort())
                        .run(server.pid(), options.warmup(), options.measure())));
            }
            if (options.runs("b")) {
                say("(b) Login+Logoff on fresh connections, " + options.loginConcurrency() + " at once");
                report.login(profiled("b-login", () -> new LoginScenario(client)
                        .run(server.pid(), options.loginConcurrency(), options.warmup(), options.measure())),
                        options.loginConcurrency());
            }
            if (options.runs("d")) {
                for (int n : options.idleSessions()) {
                    say("(d) " + n + " idle sessions");
                    report.idle(profiled("d-idle-" + n, () -> new IdleScenario(client, server, options.perAddress())
                            .run(n, IDLE_HOLD, options.target().resolve("bench-idle-histogram-" + n + ".txt"))), IDLE_HOLD);
                }
            }
            if (options.runs("x")) {
                proxy(client, report);
            }
            if (options.runs("n")) {
                // last: node B joins A's cluster, and from then on A relays every event it routes
                twoNodes(client, report);
            }
        }
        report.note(String.format(Locale.ROOT, "Fan-out: %d producer sessions pipeline UserEvents, at most %d unanswered"
                        + " each and at most %d events ahead of the slowest reading listener; %s warm-up, %s measured per figure;"
                        + " client event loops: %d; server JVM %s; displayconnects = %s, timestampevents = no%s.",
                options.producers(), FanOutScenario.WINDOW, FanOutScenario.LAG, seconds(options.warmup()),
                seconds(options.measure()), options.clientThreads(), options.serverJvm(), options.displayConnects(),
                options.jfr() ? "; JFR recording was ON (figures include its overhead)" : ""));
        report.note("The load client runs on the same machine and shares its cores with the server"
                + " (its CPU is listed per scenario).");
        String results = "# ami benchmark results\n\n" + machine + "\nCommand: `mvn -Pbench package`  \nRun: "
                + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + "\n\n" + report.markdown();
        Path file = options.target().resolve("bench-results.md");
        Files.writeString(file, results, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(results);
        System.out.println("bench: results written to " + file);
    }

    /**
     * Scenario n: starts node B beside the bench's server, waits until a UserEvent sent on A reaches
     * B, runs the bursts and the probes, and stops B again.
     */
    private void twoNodes(NettyClient client, Report report) throws Exception {
        WildFlyServer.Node nodeB = twoNodes.nodeB(options);
        try (WildFlyServer b = new WildFlyServer(options, options.managerConf(), BenchOptions.httpConfOff(),
                nodeB)) {
            say("(n) starting node B (WildFly port offset " + nodeB.portOffset() + ", AMI port " + nodeB.amiPort()
                    + ", cluster " + twoNodes.members(options.portOffset()) + ")");
            b.start();
            TwoNodeScenario scenario = new TwoNodeScenario(client, options.amiPort(), nodeB.amiPort(), server.pid(),
                    b.pid());
            TwoNodeScenario.Join join = scenario.awaitCluster(JOIN_TIMEOUT);
            say(String.format(Locale.ROOT, "(n) a UserEvent sent on A reached B %.1f s after B was up", join.seconds()));
            int onA = twoNodes.listenersOnA();
            int onB = twoNodes.listenersOnB();
            say("(n) cold: one sender's " + twoNodes.events() + " UserEvents on A to " + onA + " listeners on A and "
                    + onB + " on B");
            TwoNodeScenario.Burst cold = profiled("n-nodes-cold", () -> scenario.burst(onA, onB, twoNodes.events()));
            say("(n) warm: a burst unmeasured, then one measured");
            scenario.burst(onA, onB, twoNodes.events());
            TwoNodeScenario.Burst warm = profiled("n-nodes", () -> scenario.burst(onA, onB, twoNodes.events()));
            // B's cost of an event with nobody to deliver it to: A's listeners as before, none on B, and
            // RELAY_ONLY_FACTOR times the events, so that B's CPU spans enough of /proc's 10 ms ticks
            int relayEvents = twoNodes.events() * RELAY_ONLY_FACTOR;
            say("(n) relay only: " + relayEvents + " UserEvents to " + onA + " listeners on A, none on B");
            TwoNodeScenario.Burst relayOnly = profiled("n-nodes-relay", () -> scenario.burst(onA, 0, relayEvents));
            say("(n) latency: " + twoNodes.probes() + " sequential UserEvents on A, read on A and on B");
            TwoNodeScenario.Latency latency = profiled("n-nodes-latency", () -> scenario.latency(PROBE_WARMUP,
                    twoNodes.probes()));
            report.twoNodes(join, b.startUp(), cold, warm, relayOnly, latency);
        }
    }

    /**
     * Scenario x: starts the upstream beside the bench's server, stores it there through REST, runs
     * the bursts through ami and directly for each listener count, the action probes, and stops it.
     */
    private void proxy(NettyClient client, Report report) throws Exception {
        WildFlyServer.Node node = proxy.upstream(options);
        try (WildFlyServer up = new WildFlyServer(options, options.managerConf(), BenchOptions.httpConfOff(), node)) {
            say("(x) starting the upstream (WildFly port offset " + node.portOffset() + ", AMI port " + node.amiPort() + ")");
            up.start();
            ProxyScenario scenario = new ProxyScenario(options.amiPort(), node.amiPort(), WEB_PORT + options.portOffset());
            TwoNodeScenario.Join join = scenario.connect(client);
            say(String.format(Locale.ROOT, "(x) a UserEvent sent on the upstream reached a listener on ami %.1f s after"
                    + " the upstream was stored", join.seconds()));
            TwoNodeScenario bursts = scenario.burstsVia(client, up.pid(), server.pid());
            for (int n : proxy.listeners()) {
                int events = options.burstEvents(n);
                say("(x) " + events + " UserEvents on the upstream to " + n + " listeners: through ami (one burst"
                        + " unmeasured first), then directly");
                bursts.burst(0, n, events);
                TwoNodeScenario.Burst via = profiled("x-proxy-" + n, () -> bursts.burst(0, n, events));
                TwoNodeScenario.Burst direct = profiled("x-direct-" + n, () -> bursts.burst(n, 0, events));
                report.proxy(n, via, direct);
            }
            say("(x) " + proxy.probes() + " sequential CoreSettings through ami and as many directly");
            ProxyScenario.ActionLatency latency = scenario.actionLatency(PROBE_WARMUP, proxy.probes());
            report.proxyLatency(join, up.startUp(), latency);
        }
    }

    /** Runs a scenario, inside a JFR recording of the server when -Dbench.jfr=true. */
    private <T> T profiled(String name, Callable<T> scenario) throws Exception {
        if (!options.jfr()) {
            return scenario.call();
        }
        Files.createDirectories(jfrDir);
        Path recording = jfrDir.resolve(name + ".jfr");
        server.jcmd("JFR.start", "name=" + name, "settings=profile");
        T result;
        try {
            result = scenario.call();
        } finally {
            server.jcmd("JFR.stop", "name=" + name, "filename=" + recording);
        }
        Path digest = jfrDir.resolve(name + ".txt");
        Files.writeString(digest, JfrSummary.summarize(recording));
        say("profile of " + name + ": " + digest);
        return result;
    }

    private static void say(String text) {
        System.out.println("bench: " + text);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.0f s", d.toMillis() / 1000.0);
    }

    /** The machine, as BENCHMARKS.md records it. */
    static final class Machine {
        private Machine() {
        }

        static String describe() {
            String cpu = firstMatching(Path.of("/proc/cpuinfo"), "model name").map(l -> l.replaceFirst("^[^:]*:\\s*", ""))
                    .orElse("unknown CPU");
            String mem = firstMatching(Path.of("/proc/meminfo"), "MemTotal").map(l -> l.replaceAll("[^0-9]", ""))
                    .map(kb -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0)).orElse("?");
            String os = firstMatching(Path.of("/etc/os-release"), "PRETTY_NAME")
                    .map(l -> l.replaceFirst("^PRETTY_NAME=", "").replace("\"", "")).orElse(System.getProperty("os.name"));
            return String.format(Locale.ROOT, "Machine: %d cores (%s), %s RAM; %s, Linux %s; JDK %s (%s %s)%n",
                    Runtime.getRuntime().availableProcessors(), cpu, mem, os, System.getProperty("os.version"),
                    System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                    System.getProperty("java.vm.name"));
        }

        private static java.util.Optional<String> firstMatching(Path file, String prefix) {
            try {
                List<String> lines = Files.readAllLines(file);
                return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
