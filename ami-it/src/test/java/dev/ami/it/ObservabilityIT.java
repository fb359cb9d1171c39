package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health and metrics where WildFly serves them, on its management interface: /health/ready with
 * ami's own readiness check, /health/live, and ami's gauges and counters in Prometheus text at
 * /metrics, scraped as a monitoring system would, before and after some AMI traffic.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObservabilityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String MANAGEMENT = "http://127.0.0.1:" + Integer.getInteger("it.management.port", 9990);
    /** ami's check in /health/ready: its status and its data (flat strings). */
    private static final Pattern AMI_CHECK = Pattern.compile(
            "\\{\\s*\"name\"\\s*:\\s*\"ami\"\\s*,\\s*\"status\"\\s*:\\s*\"(UP|DOWN)\"\\s*,\\s*\"data\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern DATUM = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]*)\"");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(MANAGEMENT + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * @param nameAndLabel a metric's name, and optionally one label it must carry ({@code name{k="v"}});
     *                     other labels the registry adds are allowed
     * @return the value of the first sample line that matches, or -1 if there is none
     */
    private static double sample(String scrape, String nameAndLabel) {
        int brace = nameAndLabel.indexOf('{');
        String name = brace < 0 ? nameAndLabel : nameAndLabel.substring(0, brace);
        String label = brace < 0 ? "" : nameAndLabel.substring(brace + 1, nameAndLabel.length() - 1);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.E+-]+)$").matcher(scrape);
        while (m.find()) {
            if (label.isEmpty() || m.group(1) != null && m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }

    /** Scrapes until the condition holds (the action counters are looked for every 5 s), at most 20 s. */
    private static boolean scrapeUntil(java.util.function.Predicate<String> condition) throws Exception {
        for (int i = 0; i < 40; i++) {
            if (condition.test(get("/metrics").body())) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * @return /health/ready once ami's check in it is UP: the connector binds on its own threads
     *         after the deployment has started (at most 20 s, then whatever it answers)
     */
    private static HttpResponse<String> readyOnceAmiIsUp() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        for (int i = 0; i < 40 && !amiCheck(ready.body()).map(m -> m.group(1).equals("UP")).orElse(false); i++) {
            Thread.sleep(500);
            ready = get("/health/ready");
        }
        return ready;
    }

    private static Optional<Matcher> amiCheck(String body) {
        Matcher check = AMI_CHECK.matcher(body);
        return check.find() ? Optional.of(check) : Optional.empty();
    }

    @Test
    void readinessAndLivenessAreServedAndNameTheDeployment() throws Exception {
        HttpResponse<String> ready = readyOnceAmiIsUp();
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"status\":\"UP\"") && ready.body().contains("\"ami.ear\":\"OK\""), ready.body());
        assertEquals(200, get("/health/live").statusCode());
    }

    /**
     * ami's readiness check is there, UP, and names where AMI listens (src/test/conf/manager.conf:
     * TCP and TLS on 127.0.0.1) and the database (the test server's H2), nothing secret.
     */
    @Test
    void amisReadinessCheckIsUpAndNamesTheListenersAndTheDatabase() throws Exception {
        String body = readyOnceAmiIsUp().body();
        Matcher check = amiCheck(body).orElseThrow(() -> new AssertionError("no ami check in /health/ready: " + body));
        assertEquals("UP", check.group(1), body);
        Map<String, String> data = new TreeMap<>();
        Matcher datum = DATUM.matcher(check.group(2));
        while (datum.find()) {
            data.put(datum.group(1), datum.group(2));
        }
        assertEquals(Map.of("tcp", "127.0.0.1:" + AmiEar.PORT, "tls", "127.0.0.1:" + AmiEar.TLS_PORT, "database", "H2"), data,
                body);
        assertTrue(!body.contains("s3cret") && !body.contains("jdbc:"), body);
    }

    @Test
    void metricsCountSessionsLoginsActionsAndEvents() throws Exception {
        String before = get("/metrics").body();
        double accepted = sample(before, "ami_logins_accepted_total");
        double refused = sample(before, "ami_logins_refused_total");
        double routed = sample(before, "ami_events_routed_total");
        assertTrue(accepted >= 0 && refused >= 0 && routed >= 0, before);
        assertTrue(sample(before, "ami_sessions{transport=\"TCP\"}") >= 0, "sessions by transport");

        try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            admin.send(crlf("Action: Ping\n\n"));
            admin.readMessage();
            admin.send(crlf("Action: UserEvent\nUserEvent: Scraped\n\n"));
            admin.readMessage();
            assertTrue(scrapeUntil(after -> sample(after, "ami_sessions{transport=\"TCP\"}") >= 1
                            && sample(after, "ami_logins_accepted_total") >= accepted + 1
                            && sample(after, "ami_events_routed_total") >= routed + 1
                            && sample(after, "ami_actions_total{action=\"Ping\"}") >= 1),
                    "the scrape shows the session, its login, its Ping and its UserEvent");
        }
        assertTrue(!AmiTestClient.logsIn(AmiEar.PORT, "admin", "not-the-secret"));
        assertTrue(sample(get("/metrics").body(), "ami_logins_refused_total") >= refused + 1);
        String scrape = get("/metrics").body();
        for (String name : new String[] {"ami_event_queue_depth", "ami_login_lockouts", "ami_events_delivered_total",
                "ami_events_dropped_total", "ami_slow_consumer_disconnects_total", "ami_write_stalls_total",
                "ami_logins_locked_out_total", "ami_cluster_members", "ami_cluster_events_relayed_total",
                "ami_cluster_events_lost_total", "ami_cluster_events_received_total", "ami_cluster_events_missed_total",
                "ami_cluster_messages_malformed_total"}) {
            assertTrue(sample(scrape, name) >= 0, name + " in " + scrape.lines().filter(l -> l.startsWith("ami_")).toList());
        }
    }
}
