package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /ami/api/v1/sessions} and {@code /v1/events/statistics} on the real server: an account's
 * TCP, TLS and HTTP manager sessions listed with their client, transport, times and counters; a
 * kick by id closes a TCP client's connection; a kick by account ends the rest (the HTTP session's
 * pending WaitEvent answered, its cookie void); unknown ids and bad query values are problems; a
 * UserEvent is counted by name and by session; every kick is in the audit trail; {@code /v1/cluster}
 * and each session's node agree (no node alone).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsRestIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String API = "http://127.0.0.1:" + (8080 + Integer.getInteger("it.port.offset", 0))
            + "/ami/api/v1";
    /** src/test/conf/http.conf's bindport. */
    private static final int HTTP_MANAGER_PORT = 18088;
    private static final String PROBLEM = "application/problem+json";
    /** An account of this test alone, so that its sessions can be counted exactly whatever other tests left. */
    private static final String ACCOUNT = "sessions-it";
    private static final String SECRET = "sessions-it-" + UUID.randomUUID();
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}\\[\\]]*\\}");
    private static final Pattern MEMBER = Pattern.compile("\"(\\w+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|null|-?\\d+)");
    private static final Pattern COOKIE = Pattern.compile("mansession_id=\"([0-9a-f]{8})\"");
    /** /v1/cluster's answer: the node (null alone), the members, then the counters when joined. */
    private static final Pattern CLUSTER = Pattern.compile("\\{\"node\":(null|\"[^\"]+\"),\"members\":\\[(.*)\\]"
            + "(,\"relayed\":\\d+,\"lost\":\\d+,\"received\":\\d+,\"missed\":\\d+,\"malformed\":\\d+)?\\}");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    /**
     * Made once the connector has handed over its link (the HTTP manager answers): an account
     * committed before that is not applied until the next reload, since the change's reload finds no
     * connector to tell.
     */
    @BeforeAll
    static void anAccountOfItsOwn() throws Exception {
        awaitHttpManager();
        HttpResponse<String> created = api("POST", "/accounts", "{\"name\":\"" + ACCOUNT + "\",\"secret\":\"" + SECRET
                + "\",\"read\":[\"system\",\"user\"],\"write\":[\"system\",\"user\"]}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(Wire.eventually(() -> AmiTestClient.logsIn(AmiEar.PORT, ACCOUNT, SECRET)), "the account logs in");
    }

    @AfterAll
    static void removeTheAccount() throws Exception {
        api("DELETE", "/sessions?account=" + ACCOUNT, null);
        api("DELETE", "/accounts/" + ACCOUNT, null, "If-Match", "*");
    }

    /** One request as admin (config write), HTTP Basic; headers alternate name and value. */
    private static HttpResponse<String> api(String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:s3cret"
                        .getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return api("GET", path, null);
    }

    /** Asserts a 200 JSON answer and returns its body. */
    private static String ok(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                answer.headers().map().toString());
        return answer.body();
    }

    /** Asserts an RFC 9457 problem of this status and type, and returns its body. */
    private static String problem(HttpResponse<String> answer, int status, String type) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(PROBLEM, answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        assertTrue(answer.body().startsWith("{\"type\":\"" + type + "\",\"title\":\""), answer.body());
        assertTrue(answer.body().contains(",\"errors\":["), answer.body());
        return answer.body();
    }

    /** @return the flat objects (no member is an object or array) of a JSON text, members as their JSON text */
    private static List<Map<String, String>> objects(String json) {
        List<Map<String, String>> all = new ArrayList<>();
        Matcher o = OBJECT.matcher(json);
        while (o.find()) {
            Map<String, String> members = new HashMap<>();
            Matcher m = MEMBER.matcher(o.group());
            while (m.find()) {
                members.put(m.group(1), m.group(2));
            }
            all.add(members);
        }
        return all;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static Map<String, String> byTransport(List<Map<String, String>> sessions, String transport) {
        return sessions.stream().filter(s -> s.get("transport").equals(quoted(transport))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + transport + " session in " + sessions));
    }

    private static long number(Map<String, String> object, String member) {
        return Long.parseLong(object.get(member));
    }

    private static Instant time(Map<String, String> object, String member) {
        String text = object.get(member);
        assertNotNull(text, member);
        return Instant.parse(text.substring(1, text.length() - 1));
    }

    /** The account's sessions as the list shows them. */
    private static List<Map<String, String>> mine() throws Exception {
        String body = ok(get("/sessions?account=" + ACCOUNT));
        return objects(body.substring(body.indexOf("\"sessions\":[")));
    }

    private static Map<String, String> eventCount(String name) throws Exception {
        String body = ok(get("/events/statistics"));
        assertTrue(body.matches("\\{\"since\":\"[0-9-]+T[0-9:.]+Z\",\"events\":\\[.*\\],\"sessions\":\\[.*\\]\\}"), body);
        String events = body.substring(body.indexOf("\"events\":["), body.indexOf("],\"sessions\":["));
        return objects(events).stream().filter(e -> e.get("name").equals(quoted(name))).findFirst()
                .orElse(Map.of("name", quoted(name), "fired", "0", "delivered", "0"));
    }

    /** @return this server's node name as /v1/cluster gives it (JSON text), {@code null} (the JSON literal) alone */
    private static String clusterNode() throws Exception {
        String body = ok(get("/cluster"));
        Matcher m = CLUSTER.matcher(body);
        assertTrue(m.matches(), body);
        assertEquals(m.group(1).equals("null"), m.group(2).isEmpty(), "alone no members, joined this node at least: " + body);
        assertEquals(m.group(1).equals("null"), m.group(3) == null, "counters only when joined: " + body);
        return m.group(1);
    }

    /** @return a kick by account's answer: alone as before the cluster, joined with the sessions asked of other nodes */
    private static String kicked(int here) throws Exception {
        return "null".equals(clusterNode()) ? "{\"kicked\":" + here + "}" : "{\"kicked\":" + here + ",\"requested\":0}";
    }

    private static AmiTestClient tlsLogin() throws IOException {
        AmiTestClient tls = AmiTestClient.connectTls(AmiEar.TLS_PORT);
        tls.send(crlf("Action: Login\nUsername: " + ACCOUNT + "\nSecret: " + SECRET + "\nEvents: off\n\n"));
        assertEquals(crlf("Response: Success\nMessage: Authentication accepted\n\n"), tls.readMessage());
        return tls;
    }

    private static HttpRequest rawman(String query, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_MANAGER_PORT + "/rawman?"
                + query)).timeout(Duration.ofSeconds(90));
        if (cookie != null) {
            b.header("Cookie", "mansession_id=\"" + cookie + "\"");
        }
        return b.GET().build();
    }

    private static HttpResponse<String> rawmanNow(String query, String cookie) throws Exception {
        return HTTP.send(rawman(query, cookie), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    private static String cookie(HttpResponse<String> answer) {
        Matcher m = COOKIE.matcher(answer.headers().firstValue("Set-Cookie").orElseThrow());
        assertTrue(m.find());
        return m.group(1);
    }

    /** The HTTP manager's listener is made after deployment and answers 503 until the connector is ready. */
    private static void awaitHttpManager() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", HTTP_MANAGER_PORT)) {
                socket.setSoTimeout(10000);
                socket.getOutputStream().write("GET /rawman?action=ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
                if (status.startsWith("HTTP/1.1 ") && !status.contains("503")) {
                    return;
                }
            } catch (IOException notYet) {
                // the listener is not there yet, or is being re-made
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing answers on the AMI HTTP listener, port " + HTTP_MANAGER_PORT);
            }
            Thread.sleep(100);
        }
    }

    /** @return true if {@code manager show connected} shows a request of the account's HTTP session in progress */
    private static boolean httpRequestInProgress(AmiTestClient admin) {
        try {
            admin.send(crlf("Action: Command\nCommand: manager show connected\n\n"));
            // Output: lines (Asterisk 22's Command answer): Username, IP Address, Start, Elapsed, FileDes, HttpCnt, ...
            return admin.readMessage().lines().filter(l -> l.startsWith("Output:"))
                    .map(l -> l.substring("Output:".length()).trim()).filter(l -> l.startsWith(ACCOUNT + " "))
                    .map(l -> l.split("\\s+")).anyMatch(columns -> !columns[5].equals("0"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The server closes the connection: the end of input, or a TLS connection cut without close_notify; not a timeout. */
    private static void assertClosedByServer(AmiTestClient client) throws IOException {
        try {
            client.readUntilClosed();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection", e);
        } catch (IOException closed) {
            // a reset or a TLS connection closed without close_notify: closed all the same
        }
    }

    @Test
    void tcpTlsAndHttpSessionsListedCountedAndKicked() throws Exception {
        Map<String, String> before = eventCount("UserEvent");
        try (AmiTestClient tcp = AmiTestClient.login(AmiEar.PORT, ACCOUNT, SECRET, "user");
                AmiTestClient tls = tlsLogin();
                AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            HttpResponse<String> httpLogin = rawmanNow("action=login&username=" + ACCOUNT + "&secret=" + SECRET, null);
            assertEquals(crlf("Response: Success\nMessage: Authentication accepted\n\n"), httpLogin.body());
            String cookie = cookie(httpLogin);

            // a UserEvent: the TCP session writes it, the HTTP session keeps it for its next WaitEvent, the TLS one
            // (events off) takes none
            tcp.send(crlf("Action: UserEvent\nUserEvent: SessionsRestIT\n\n"));
            String seen = "";
            while (!seen.contains("UserEvent: SessionsRestIT\r\n")) {
                seen = tcp.readMessage();
            }

            assertTrue(Wire.eventually(() -> {
                try {
                    return mine().size() == 3; // the sessions of the account's earlier logins may take a moment to end
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }), mine().toString());
            List<Map<String, String>> sessions = mine();
            String node = clusterNode();
            for (Map<String, String> s : sessions) {
                assertEquals("null".equals(node) ? null : node, s.get("node"), "alone no node, joined this node's: " + s);
                assertEquals(quoted(ACCOUNT), s.get("username"));
                assertTrue(s.get("address").startsWith("\"127.0.0.1:"), s.toString());
                assertFalse(time(s, "loggedInAt").isBefore(time(s, "connectedAt")), s.toString());
                assertTrue(s.get("id").matches("\"0x[0-9a-f]+\""), s.toString());
            }
            Map<String, String> tcpSession = byTransport(sessions, "TCP");
            assertEquals(quoted("127.0.0.1:" + tcp.localPort()), tcpSession.get("address"), "the client's own address and port");
            Map<String, String> tlsSession = byTransport(sessions, "TLS");
            Map<String, String> httpSession = byTransport(sessions, "HTTP");
            assertTrue(number(tcpSession, "queued") >= 1 && number(tcpSession, "delivered") >= 1, tcpSession.toString());
            assertEquals(0, number(tlsSession, "queued"), tlsSession.toString());
            assertTrue(number(httpSession, "queued") >= 1 && number(httpSession, "pending") >= 1, httpSession.toString());
            assertEquals(0, number(httpSession, "delivered"), "nothing collected yet");
            for (Map<String, String> s : sessions) {
                assertEquals(0, number(s, "dropped"));
                assertTrue(number(s, "maxLagMillis") >= 0);
            }

            // the filters, one at a time and together; the single session
            List<Map<String, String>> http = objects(ok(get("/sessions?account=" + ACCOUNT.toUpperCase() + "&transport=http")));
            assertEquals(1, http.stream().filter(o -> o.containsKey("id")).count(), http.toString());
            assertTrue(ok(get("/sessions?transport=TLS")).contains(tlsSession.get("id")));
            assertFalse(ok(get("/sessions?transport=TCP")).contains(tlsSession.get("id")));
            String total = ok(get("/sessions?account=" + ACCOUNT + "&limit=1&offset=2"));
            assertTrue(total.startsWith("{\"total\":3,\"offset\":2,\"limit\":1,\"sessions\":[{\"id\":"), total);
            String one = ok(get("/sessions/" + tcpSession.get("id").replace("\"", "")));
            assertEquals(tcpSession.get("address"), objects(one).get(0).get("address"));

            // the event statistics count it by name and by session
            Map<String, String> after = eventCount("UserEvent");
            assertTrue(number(after, "fired") >= number(before, "fired") + 1, before + " then " + after);
            assertTrue(number(after, "delivered") >= number(before, "delivered") + 2, "TCP and HTTP took it: " + after);
            String statistics = ok(get("/events/statistics"));
            assertTrue(statistics.contains("{\"id\":" + tcpSession.get("id") + ",\"username\":\"" + ACCOUNT + "\",\"queued\":"),
                    statistics);

            // a kick by id: the TCP client sees its connection closed, and the session is gone
            String tcpId = tcpSession.get("id").replace("\"", "");
            HttpResponse<String> kicked = api("DELETE", "/sessions/" + tcpId, null);
            assertEquals(204, kicked.statusCode(), kicked.body());
            assertClosedByServer(tcp);
            assertTrue(Wire.eventually(() -> {
                try {
                    return get("/sessions/" + tcpId).statusCode() == 404;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }), "the kicked session is no longer listed");
            problem(get("/sessions/" + tcpId), 404, "urn:ami:problem:unknown-session");
            String audit = ok(get("/audit?actor=admin&limit=1000"));
            assertTrue(audit.contains("\"actor\":\"admin\",\"address\":\"127.0.0.1\",\"via\":\"REST\",\"target\":{\"kind\":"
                    + "\"session\",\"name\":\"" + tcpId + "\"},\"action\":\"kick\",\"changes\":[{\"field\":\"username\","
                    + "\"before\":\"" + ACCOUNT + "\",\"after\":null},{\"field\":\"address\",\"before\":"
                    + tcpSession.get("address") + ",\"after\":null},{\"field\":\"transport\",\"before\":\"TCP\","
                    + "\"after\":null}]}"), "the kick is in the audit trail: " + audit);
            problem(api("DELETE", "/sessions/" + tcpId, null), 404, "urn:ami:problem:unknown-session");
            assertEquals(2, mine().size());

            // the HTTP session waits for events; a kick by account ends it and the TLS one
            String collected = rawmanNow("action=waitevent&timeout=0", cookie).body();
            assertTrue(collected.contains("UserEvent: SessionsRestIT\r\n"), collected);
            CompletableFuture<HttpResponse<String>> poll = HTTP.sendAsync(rawman("action=waitevent&timeout=40", cookie),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
            assertTrue(Wire.eventually(() -> httpRequestInProgress(admin)), "the WaitEvent has started");
            assertEquals(kicked(2), ok(api("DELETE", "/sessions?account=" + ACCOUNT.toUpperCase(), null)));
            assertEquals(crlf("Response: Success\nMessage: Waiting for Event completed.\n\nEvent: WaitEventComplete\n\n"),
                    poll.get(60, TimeUnit.SECONDS).body(), "the pending WaitEvent is answered");
            assertClosedByServer(tls);
            HttpResponse<String> afterKick = rawmanNow("action=ping", cookie);
            assertNotEquals(cookie, cookie(afterKick), "the cookie no longer finds the session");
            assertEquals(crlf("Response: Error\nMessage: Permission denied\n\n"), afterKick.body());
            assertTrue(Wire.eventually(() -> {
                try {
                    return mine().isEmpty();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }), "no session of the account is left");
            assertEquals(kicked(0), ok(api("DELETE", "/sessions?account=" + ACCOUNT, null)));
            String kicks = ok(get("/audit?actor=admin&limit=1000"));
            for (String id : List.of(tlsSession.get("id"), httpSession.get("id"))) {
                assertTrue(kicks.contains("\"target\":{\"kind\":\"session\",\"name\":" + id + "},\"action\":\"kick\""),
                        "each session of the account's kick is recorded: " + kicks);
            }
            assertTrue(AmiTestClient.logsIn(AmiEar.PORT, ACCOUNT, SECRET), "a kick ends sessions, not the account");
        }
    }

    @Test
    void unknownIdsAndBadQueryValuesAreProblems() throws Exception {
        problem(get("/sessions/0xdeadbeef"), 404, "urn:ami:problem:unknown-session");
        problem(api("DELETE", "/sessions/0xdeadbeef", null), 404, "urn:ami:problem:unknown-session");
        String transport = problem(get("/sessions?transport=SCTP"), 400, "urn:ami:problem:invalid");
        assertTrue(transport.contains("{\"field\":\"transport\",\"reason\":\"must be TCP, TLS or HTTP\"}"), transport);
        String paging = problem(get("/sessions?offset=-1&limit=abc"), 400, "urn:ami:problem:invalid");
        assertTrue(paging.contains("{\"field\":\"limit\",\"reason\":\"must be a whole number\"}"), paging);
        assertTrue(paging.contains("{\"field\":\"offset\","), paging);
        problem(get("/sessions?limit=1001"), 400, "urn:ami:problem:invalid");
        String everybody = problem(api("DELETE", "/sessions", null), 400, "urn:ami:problem:invalid");
        assertTrue(everybody.contains("{\"field\":\"account\","), everybody);
        assertEquals(405, api("POST", "/events/statistics", "{}").statusCode());
    }
}
