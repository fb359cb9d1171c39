package dev.ami.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What one bench run does, read from system properties (the pom passes its {@code bench.*}
 * properties through, so each is also a {@code mvn -Pbench package -Dbench.x=y} switch).
 *
 * @param wildflyHome      the unpacked WildFly whose binaries start the bench server
 * @param ear              the EAR to deploy
 * @param target           ami-bench/target: the server's base, conf and data folders and the results go here
 * @param portOffset       WildFly's socket-binding offset, so its HTTP/management ports clear other servers
 * @param amiPort          the AMI port written into the bench manager.conf
 * @param scenarios        which of a..j, l, n, p, u and x to run (README of BENCHMARKS.md: the letters; n, two
 *                         nodes, only when named: {@link TwoNodeOptions}; x, an upstream, too: {@link ProxyOptions})
 * @param measure          how long each throughput figure is measured
 * @param warmup           how long each throughput scenario runs before measuring (JIT, buffers)
 * @param jfr              record a JFR profile of the server per scenario and summarize it
 * @param displayConnects  manager.conf displayconnects: "yes" (Asterisk's default, and so the bench's) logs a
 *                         line per login and logoff
 * @param serverJvm        the server's heap and collector options: the root pom's {@code ami.server.jvm.sizing},
 *                         as the run profile and the ITs start it, so footprint figures are the shipped ones
 * @param clientThreads    event-loop threads of the load client
 * @param producers        sessions sending UserEvents in the fan-out scenarios
 * @param fanOutListeners  the listener counts of scenario c
 * @param idleSessions     sessions held open in scenario d, one run per count (2,000: Asterisk's figure;
 *                         100,000 needs more descriptors, which the bench raises, and a larger client heap)
 * @param loginConcurrency connections in a Login+Logoff cycle at once in scenario b
 * @param httpPort         the HTTP manager's port written into the bench http.conf (bindport; WildFly's
 *                         port offset does not apply to it)
 * @param waitEventSessions HTTP sessions collecting events through WaitEvent in scenario i
 * @param pingCount        Pings per measured run of scenarios a and p (Asterisk's figures: 20,000)
 * @param pipelineDepth    Pings in flight in scenario p (Asterisk's figure: 64)
 * @param loginCycles      Login+Logoff cycles per measured run of scenario l (Asterisk's figure: 2,000)
 * @param burstEvents      UserEvents one sender pipelines per run of scenario u (Asterisk's figures: 20,000;
 *                         fewer for 1,000 listeners, see {@link #burstEvents(int)})
 * @param perAddress       sessions scenario d opens from one loopback source address at most (each
 *                         address has its own ephemeral port range)
 */
record BenchOptions(Path wildflyHome, Path ear, Path target, int portOffset, int amiPort, Set<String> scenarios,
                    Duration measure, Duration warmup, boolean jfr, String displayConnects, String serverJvm,
                    int clientThreads, int producers, int[] fanOutListeners,
                    int[] idleSessions, int loginConcurrency, int httpPort, int waitEventSessions,
                    int pingCount, int pipelineDepth, int loginCycles, int burstEvents, int perAddress) {

    static final String HOST = "127.0.0.1";
    static final String USER = "bench";
    static final String SECRET = "bench-secret";
    /** the scenarios of a plain {@code mvn -Pbench package} */
    static final String DEFAULT_SCENARIOS = "a,l,p,u,b,c,d,e,f,g,h,i,j";
    static final long MAX_BURST_DELIVERIES = 5_000_000;

    static BenchOptions fromSystemProperties() {
        Set<String> scenarios = new LinkedHashSet<>();
        for (String s : property("bench.scenarios", DEFAULT_SCENARIOS).split(",")) {
            if (!s.isBlank()) {
                scenarios.add(s.trim().toLowerCase(Locale.ROOT));
            }
        }
        return new BenchOptions(
                Path.of(required("bench.wildfly.home")),
                Path.of(required("bench.ear")),
                Path.of(required("bench.target")),
                Integer.parseInt(property("bench.port.offset", "500")),
                Integer.parseInt(property("bench.ami.port", "27038")),
                scenarios,
                Duration.ofMillis((long) (Double.parseDouble(property("bench.seconds", "5")) * 1000)),
                Duration.ofMillis((long) (Double.parseDouble(property("bench.warmup.seconds", "3")) * 1000)),
                Boolean.parseBoolean(property("bench.jfr", "false")),
                property("bench.displayconnects", "yes"),
                property("bench.server.jvm", "-Xms64m -Xmx512m -XX:+UseSerialGC"),
                Integer.parseInt(property("bench.client.threads", "1")),
                Integer.parseInt(property("bench.producers", "4")),
                counts(property("bench.fanout.listeners", "10,100,1000")),
                counts(property("bench.idle.sessions", "2000")),
                Integer.parseInt(property("bench.login.concurrency", "16")),
                Integer.parseInt(property("bench.http.port", "28088")),
                Integer.parseInt(property("bench.waitevent.sessions", "100")),
                Integer.parseInt(property("bench.ping.count", "20000")),
                Integer.parseInt(property("bench.pipeline.depth", "64")),
                Integer.parseInt(property("bench.login.cycles", "2000")),
                Integer.parseInt(property("bench.burst.events", "20000")),
                Integer.parseInt(property("bench.idle.per.address", Integer.toString(LoopbackSources.DEFAULT_PER_ADDRESS))));
    }

    /** "10, 100,1000" as {10, 100, 1000} */
    static int[] counts(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    /**
     * UserEvents of one scenario-u run to {@code listeners} listeners: Asterisk's 20,000, but at most
     * 5 million deliveries (Asterisk's 1,000-listener figure was taken with "fewer events"; at its rate
     * 20 million deliveries would have taken five minutes).
     */
    int burstEvents(int listeners) {
        return (int) Math.max(1, Math.min(burstEvents, MAX_BURST_DELIVERIES / Math.max(1, listeners)));
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** The bench server's manager.conf: one account for every role, limits out of the way. */
    String managerConf() {
        return String.join("\n",
                "; Written by ami-bench for its own server on every run (BenchOptions.managerConf).",
                "[general]",
                "enabled = yes",
                "port = " + amiPort,
                "bindaddr = " + HOST,
                // yes (Asterisk's default, and the setting of its reference figures): a log line per
                // login and logoff; -Dbench.displayconnects=no measures without them
                "displayconnects = " + displayConnects,
                // Asterisk's default, and its figures' setting: no Timestamp header on events
                "timestampevents = no",
                "allowmultiplelogin = yes",
                "authtimeout = 30",
                // the idle scenario opens hundreds of connections at once before they log in, all
                // from 127.0.0.1, as a connection pool of one host would: no per-client share either
                "authlimit = 20000",
                "ami_authlimit_per_address = 0",
                "ami_authlimit_per_network = 0",
                // the HTTP manager (scenarios f to j); a WaitEvent may wait until 10 s before this
                "webenabled = yes",
                "httptimeout = 60",
                "",
                "[" + USER + "]",
                "secret = " + SECRET,
                "read = all",
                "write = all",
                "");
    }

    /** The bench server's http.conf: the HTTP manager on loopback at the bench's own port. */
    String httpConf() {
        return String.join("\n",
                "; Written by ami-bench for its own server on every run (BenchOptions.httpConf).",
                "[general]",
                "enabled = yes",
                "bindaddr = " + HOST,
                "bindport = " + httpPort,
                // scenario i holds 100 polling connections and ends each session on one more: at
                // Asterisk's default of 100 that one waited unaccepted until an idle poller was closed
                "sessionlimit = 1000",
                "");
    }

    /**
     * An http.conf without the HTTP manager: scenario n's node B, which the bench reaches over AMI
     * only (http.conf's bindport is a fixed port of its own, which a second node on this machine
     * would have to move).
     */
    static String httpConfOff() {
        return String.join("\n",
                "; Written by ami-bench for scenario n's node B (BenchOptions.httpConfOff).",
                "[general]",
                "enabled = no",
                "");
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name
                    + " is not set; run the bench through Maven: mvn -Pbench package");
        }
        return value;
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
