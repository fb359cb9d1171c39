package dev.ami.bench;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What one run of the reliability harness does, read from system properties (the pom passes its
 * {@code reliability.*} properties through: {@code mvn -Preliability package -Dreliability.cases=flood}).
 * The server itself is the bench's (BenchOptions: ports, heap, WildFly, EAR), with a manager.conf
 * and http.conf of Asterisk's defaults.
 *
 * @param cases           the ids of the cases to run (in the harness's order); empty for the default run
 * @param window          how long each attack runs while the legitimate client is probed
 * @param aim             the longest a legitimate visit or an old session's ping may take and pass
 * @param floodSockets    connections per wave of the connection floods
 * @param slowConnections connections of the slow-request cases
 * @param probeTimeout    how long a probe waits for each answer before it counts as not served
 * @param settle          how long after an attack the server has to give its descriptors back
 * @param descriptorSlack descriptors the server may hold above its count before the attack, once settled
 */
record ReliabilityOptions(Set<String> cases, Duration window, Duration aim, int floodSockets, int slowConnections,
                          Duration probeTimeout, Duration settle, int descriptorSlack) {

    static ReliabilityOptions fromSystemProperties() {
        Set<String> cases = new LinkedHashSet<>();
        for (String s : property("reliability.cases", "").split(",")) {
            if (!s.isBlank() && !"all".equalsIgnoreCase(s.trim())) {
                cases.add(s.trim().toLowerCase(Locale.ROOT));
            }
        }
        return new ReliabilityOptions(cases,
                Duration.ofSeconds(Long.parseLong(property("reliability.seconds", "30"))),
                Duration.ofMillis(Long.parseLong(property("reliability.aim.ms", "1000"))),
                Integer.parseInt(property("reliability.flood.sockets", "10000")),
                Integer.parseInt(property("reliability.slow.connections", "200")),
                Duration.ofSeconds(10),
                Duration.ofSeconds(Long.parseLong(property("reliability.settle.seconds", "30"))),
                Integer.parseInt(property("reliability.descriptor.slack", "20")));
    }

    /** @return whether this run runs {@code c}: named, or no case named and {@code c} one of the default run */
    boolean runs(ReliabilityCase c) {
        return cases.isEmpty() ? c.byDefault() : cases.contains(c.id());
    }

    /**
     * The server's manager.conf: Asterisk's defaults wherever ami has them (authtimeout 30,
     * authlimit 50, ami's per-client shares 10 and 25, its lockout thresholds), one account,
     * the HTTP manager on.
     */
    static String managerConf(int amiPort) {
        return String.join("\n",
                "; Written by ami-bench's reliability harness on every run (ReliabilityOptions.managerConf).",
                "; Every limit is left at its default: authtimeout 30, authlimit 50, ami_authlimit_per_address 10,",
                "; ami_authlimit_per_network 25, the ami_lockout_* thresholds, httptimeout 60.",
                "[general]",
                "enabled = yes",
                "port = " + amiPort,
                "bindaddr = " + BenchOptions.HOST,
                "webenabled = yes",
                "",
                "[" + BenchOptions.USER + "]",
                "secret = " + BenchOptions.SECRET,
                "read = all",
                "write = all",
                "");
    }

    /** The server's http.conf: the HTTP manager on loopback, its limits at Asterisk's defaults (sessionlimit 100 ...). */
    static String httpConf(int httpPort) {
        return String.join("\n",
                "; Written by ami-bench's reliability harness on every run (ReliabilityOptions.httpConf).",
                "; sessionlimit, session_inactivity and session_keep_alive at their defaults (100, 30000, 15000).",
                "[general]",
                "enabled = yes",
                "bindaddr = " + BenchOptions.HOST,
                "bindport = " + httpPort,
                "");
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
