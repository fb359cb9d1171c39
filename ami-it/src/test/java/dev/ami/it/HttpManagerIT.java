package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP manager as programs drive it: a plain HTTP client on the AMI HTTP listener (its own
 * Undertow server, where http.conf says) logs in, runs actions on its cookie, collects
 * events with a WaitEvent long poll and logs off; answers compared with Asterisk's recorded ones
 * (asterisk-transcripts section 24, masked: timestamps, ids, ports).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpManagerIT {

    /** src/test/conf/http.conf's bindport: the listener is where http.conf says. */
    private static final int PORT = 18088;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern COOKIE = Pattern.compile("mansession_id=\"([0-9a-f]{8})\"; Version=1; Max-Age=60");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    /**
     * Just after deployment the listener is being made (refused connections) and then the web side
     * answers 503 until the connector has handed over its link.
     */
    @BeforeEach
    void connectorIsReady() throws Exception {
        awaitAnswer(PORT);
    }

    /** Waits until a new connection to the port is answered, not 503 (a pooled one may reach a listener being replaced). */
    private static void awaitAnswer(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10000);
                socket.getOutputStream().write("GET /rawman?action=ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
                if (status.startsWith("HTTP/1.1 ") && !status.contains("503")) {
                    return;
                }
            } catch (IOException notYet) {
                // the listener is not there yet, or is being re-made (refused, or reset mid-answer)
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing answers on the AMI HTTP listener, port " + port);
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> get(String pathAndQuery, String cookie) throws Exception {
        return send(request(pathAndQuery, cookie).GET().build());
    }

    private static HttpRequest.Builder request(String pathAndQuery, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + pathAndQuery))
                .timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            b.header("Cookie", "mansession_id=\"" + cookie + "\"");
        }
        return b;
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    private static String cookie(HttpResponse<String> response) {
        String value = response.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher m = COOKIE.matcher(value);
        assertTrue(m.matches(), value);
        return m.group(1);
    }

    /** Asterisk's headers of a cookie-session answer (transcript 24.1), the cookie's id aside. */
    private static void assertManagerHeaders(HttpResponse<String> response, String contentType) {
        assertEquals(200, response.statusCode());
        assertEquals("Asterisk/22.10.1", response.headers().firstValue("Server").orElse(null), "http.conf's servername");
        assertEquals("no-cache, no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(contentType, response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("SuppressEvents", response.headers().firstValue("Pragma").orElse(null));
        assertEquals(Integer.toString(response.body().length()), response.headers().firstValue("Content-Length").orElse(null));
        assertTrue(response.headers().firstValue("Date").isPresent());
    }

    private static String login() throws Exception {
        HttpResponse<String> login = get("/rawman?action=login&username=admin&secret=s3cret", null);
        assertManagerHeaders(login, "text/plain");
        assertEquals(crlf("Response: Success\nMessage: Authentication accepted\n\n"), login.body());
        return cookie(login);
    }

    @Test
    void loginActionsOnTheCookieAndTheThreeRenderings() throws Exception {
        String id = login();
        // 24.2 and 24.3
        HttpResponse<String> ping = get("/rawman?action=ping&actionid=abc", id);
        assertManagerHeaders(ping, "text/plain");
        assertEquals(id, cookie(ping));
        assertEquals(crlf("Response: Success\nActionID: abc\nPing: Pong\nTimestamp: <ts>\n\n"), Masks.mask(ping.body()));
        // 24.4
        HttpResponse<String> xml = get("/mxml?action=ping", id);
        assertManagerHeaders(xml, "text/xml");
        assertEquals("<ajax-response>\n<response type='object' id='unknown'><generic response='Success' ping='Pong'"
                + " timestamp='<ts>' /></response>\n</ajax-response>\n",
                xml.body().replaceAll("timestamp='\\d+\\.\\d{6}'", "timestamp='<ts>'"));
        // 24.5, its length with a timestamp of the recorded width
        HttpResponse<String> html = get("/manager?action=ping", id);
        assertManagerHeaders(html, "text/html");
        assertEquals(913, html.body().length());
        assertTrue(html.body().startsWith("<title>Asterisk&trade; Manager Interface</title>"), html.body());
        assertTrue(html.body().endsWith("<tr><td>Response</td><td>Success</td></tr>\n<tr><td>Ping</td><td>Pong</td></tr>\n"
                + "<tr><td>Timestamp</td><td>" + html.body().split("<td>Timestamp</td><td>")[1].substring(0, 17)
                + "</td></tr>\n<tr><td colspan=\"2\"><hr></td></tr>\r\n</table></body>\r\n"), html.body());
        // a form POST, its query string ignored
        HttpResponse<String> post = send(request("/rawman?action=logoff", id)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=ping&actionid=form")).build());
        assertEquals(crlf("Response: Success\nActionID: form\nPing: Pong\nTimestamp: <ts>\n\n"), Masks.mask(post.body()));
    }

    @Test
    void waitEventIsALongPollThatAnEventFiredOverTcpEnds() throws Exception {
        String id = login();
        // 24.7: the first WaitEvent collects what came since the login, its own SuccessfulAuth first
        String first = get("/rawman?action=waitevent&timeout=0", id).body();
        assertTrue(Masks.mask(first).contains(crlf("Event: SuccessfulAuth\nPrivilege: security,all\nEventTV: <tv>\n"
                + "Severity: Informational\nService: AMI\nEventVersion: 1\nAccountID: admin\nSessionID: <id>\n"
                + "LocalAddress: IPV4/TCP/127.0.0.1/<port>\nRemoteAddress: IPV4/TCP/127.0.0.1/<port>\nUsingPassword: 0\n"
                + "SessionTV: <tv>\n\n")), first);

        try (AmiTestClient tcp = AmiTestClient.connect(AmiEar.PORT)) {
            tcp.send(crlf("Action: Login\nUsername: admin\nSecret: s3cret\nEvents: off\n\n"));
            tcp.readMessage();
            get("/rawman?action=waitevent&timeout=0", id); // that login's SuccessfulAuth
            CompletableFuture<HttpResponse<String>> poll = HTTP.sendAsync(request("/rawman?action=waitevent&timeout=30", id)
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
            Thread.sleep(300);
            assertFalse(poll.isDone(), "the long poll waits for an event");
            tcp.send(crlf("Action: UserEvent\nUserEvent: HttpEvt\nfoo: bar\n\n"));
            assertEquals(crlf("Response: Success\nMessage: Waiting for Event completed.\n\n"
                    + "Event: UserEvent\nPrivilege: user,all\nUserEvent: HttpEvt\nfoo: bar\n\n"
                    + "Event: WaitEventComplete\n\n"), poll.get(20, TimeUnit.SECONDS).body());
        }
        // 24.8: nothing queued, the timeout ends it
        HttpResponse<String> empty = get("/rawman?action=waitevent&timeout=1", id);
        assertEquals(crlf("Response: Success\nMessage: Waiting for Event completed.\n\nEvent: WaitEventComplete\n\n"),
                empty.body());
    }

    @Test
    void aFailedLoginWaitsASecondAndLogoffEndsTheSession() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> failed = get("/rawman?action=login&username=admin&secret=bad", null);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 900, "Asterisk's delay (24.13)");
        assertEquals(crlf("Response: Error\nMessage: Authentication failed\n\n"), failed.body());

        String id = login();
        HttpResponse<String> bye = get("/rawman?action=logoff", id);
        assertEquals(crlf("Response: Goodbye\nMessage: Thanks for all the fish.\n\n"), bye.body());
        HttpResponse<String> after = get("/rawman?action=ping", id);
        assertNotEquals(id, cookie(after), "24.15: a new session");
        assertEquals(crlf("Response: Error\nMessage: Permission denied\n\n"), after.body());
    }

    @Test
    void otherPathsAndMethodsGetAsterisksErrorPages() throws Exception {
        HttpResponse<String> missing = get("/nosuchpath", null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().startsWith("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n"
                + "<title>404 Not Found</title>\r\n"), missing.body());
        HttpResponse<String> put = send(request("/rawman?action=ping", null).PUT(HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(501, put.statusCode());
        HttpResponse<String> head = send(request("/rawman?action=ping", null).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body(), "HEAD: the headers alone");
        assertEquals("47", head.headers().firstValue("Content-Length").orElse(null), "24.10's length");
        HttpResponse<String> upper = get("/RAWMAN/?action=ping", null);
        assertEquals(200, upper.statusCode(), "case-insensitive, a trailing / tolerated");
    }

    @Test
    void curlsDigestRunsAnActionWithoutLoginOrCookie() throws Exception {
        SystemTools.require(AmiConfigScriptTest.REQUIRED, "curl --digest against the HTTP manager", "curl");
        for (String uri : new String[] {"/arawman?action=ping", "/arawman?action=ping&actionid=second"}) {
            Process curl = new ProcessBuilder("curl", "--silent", "--show-error", "--digest", "--user", "admin:s3cret",
                    "--include", "http://127.0.0.1:" + PORT + uri).redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, curl.exitValue(), out);
            // curl shows the 401 challenge, then the answer to its digest
            assertTrue(out.toLowerCase(Locale.ROOT).contains("www-authenticate: digest algorithm=md5, realm=\"asterisk\""),
                    out);
            assertTrue(out.contains("\r\n\r\nResponse: Success\r\n" + (uri.contains("actionid") ? "ActionID: second\r\n" : "")
                    + "Ping: Pong\r\n"), out);
            assertFalse(out.toLowerCase(Locale.ROOT).contains("set-cookie"), out);
        }
    }

    @Test
    void javasDigestClientRunsActionsOnTheDigestForms() throws Exception {
        try (CloseableHttpClient client = digestClient("admin", "s3cret")) {
            // one context: the client keeps the server's nonce and answers later challenges itself
            HttpClientContext context = HttpClientContext.create();
            for (int i = 1; i <= 3; i++) {
                String body = client.execute(new HttpGet("http://127.0.0.1:" + PORT + "/arawman?action=ping&actionid=j" + i),
                        context, response -> {
                            assertEquals(200, response.getCode());
                            assertEquals(null, response.getFirstHeader("Set-Cookie"), "no cookie on the digest forms");
                            return EntityUtils.toString(response.getEntity(), StandardCharsets.ISO_8859_1);
                        });
                assertTrue(body.startsWith("Response: Success\r\nActionID: j" + i + "\r\nPing: Pong\r\n"), body);
            }
            String xml = client.execute(new HttpGet("http://127.0.0.1:" + PORT + "/amxml?action=ping"), context,
                    response -> EntityUtils.toString(response.getEntity(), StandardCharsets.ISO_8859_1));
            assertTrue(xml.startsWith("<ajax-response>\n<response type='object' id='unknown'><generic response='Success'"
                    + " ping='Pong' timestamp='"), xml);
        }
        try (CloseableHttpClient wrong = digestClient("admin", "not-the-secret")) {
            int status = wrong.execute(new HttpGet("http://127.0.0.1:" + PORT + "/arawman?action=ping"),
                    response -> response.getCode());
            assertEquals(401, status, "a wrong secret gets the challenge again, never an answer");
        }
    }

    private static CloseableHttpClient digestClient(String user, String secret) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(new AuthScope("127.0.0.1", PORT), new UsernamePasswordCredentials(user,
                secret.toCharArray()));
        return HttpClients.custom().setDefaultCredentialsProvider(credentials).build();
    }

    @Test
    void anImportedHttpConfMovesTheListenerWithoutTouchingTcpSessions() throws Exception {
        String moved = "[general]\nenabled = yes\nbindaddr = 127.0.0.1\nbindport = 18090\n"; // and no HTTPS
        String back = Files.readString(Path.of(System.getProperty("it.conf.dir"), "http.conf"));
        try (AmiTestClient tcp = AmiTestClient.connect(AmiEar.PORT)) {
            tcp.send(crlf("Action: Login\nUsername: admin\nSecret: s3cret\nEvents: off\n\n"));
            tcp.readMessage();
            try {
                assertEquals(200, importHttpConf(moved).statusCode());
                awaitAnswer(18090);
                assertEquals(crlf("Response: Error\nMessage: Permission denied\n\n"),
                        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18090/rawman?action=ping")).build()).body());
                // a new connection is refused (Undertow lets connections it already had finish)
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", PORT).close(), "the old port is closed");
            } finally {
                assertEquals(200, importHttpConf(back).statusCode());
                awaitAnswer(PORT);
            }
            // new limits alone re-make the listener on the same port (sessionlimit, session_inactivity)
            assertEquals(200, importHttpConf(back + "sessionlimit = 50\nsession_inactivity = 20000\n").statusCode());
            Thread.sleep(500);
            awaitAnswer(PORT);
            try (Socket fresh = new Socket("127.0.0.1", PORT)) {
                assertTrue(fresh.isConnected());
            }
            assertEquals(200, importHttpConf(back).statusCode()); // as the suite found it
            awaitAnswer(PORT);
            tcp.send(crlf("Action: Ping\nActionID: still-here\n\n"));
            assertTrue(tcp.readMessage().contains("ActionID: still-here"), "the TCP session lived through both moves");
        }
    }

    @Test
    void anImportedRestrictionSectionDeniesItsPrefixOnly() throws Exception {
        String back = Files.readString(Path.of(System.getProperty("it.conf.dir"), "http.conf"));
        try {
            assertEquals(200, importHttpConf(back + "[/rawman]\ntype = restriction\ndeny = 127.0.0.1\n").statusCode());
            // the connector re-reads the configuration after the import's commit, asynchronously
            assertTrue(Wire.eventually(() -> status("/rawman?action=ping") == 403), "applied after the import");
            HttpResponse<String> denied = get("/rawman?action=ping", null);
            assertEquals(403, denied.statusCode());
            assertTrue(denied.body().contains("<title>403 Forbidden</title>\r\n")
                    && denied.body().contains("<p>Access denied by ACL</p>\r\n"), denied.body());
            assertTrue(denied.headers().firstValue("Set-Cookie").isEmpty(), "no session");
            assertEquals(200, get("/mxml?action=ping", null).statusCode(), "a path the restriction does not cover");
        } finally {
            assertEquals(200, importHttpConf(back).statusCode()); // as the suite found it
        }
        assertTrue(Wire.eventually(() -> status("/rawman?action=ping") == 200), "the restriction is gone with its section");
    }

    @Test
    void redirectLinesAndKeepAliveOffAreAppliedAndAStatusPageIsRefusedByName() throws Exception {
        String back = Files.readString(Path.of(System.getProperty("it.conf.dir"), "http.conf"));
        try {
            HttpResponse<String> imported = importHttpConf(back + "redirect = /old /rawman?action=ping\n"
                    + "session_keep_alive = 0\nenable_status = yes\n");
            assertEquals(200, imported.statusCode(), imported.body());
            assertTrue(imported.body().contains("'enable_status' = yes is refused: this server has no /httpstatus page"),
                    imported.body());
            assertTrue(Wire.eventually(() -> redirects("/old")), "applied after the import");
            Thread.sleep(500); // the listener may be re-made meanwhile for its new idle time
            awaitAnswer(PORT);
            // keep-alive off: the server says so and closes, though the client asked for nothing
            String redirected = rawUntilClosed("GET /OLD HTTP/1.1\r\nHost: x\r\n\r\n").toLowerCase(Locale.ROOT);
            assertTrue(redirected.contains("\r\nlocation: /rawman?action=ping\r\n"), redirected);
            assertTrue(redirected.contains("\r\nconnection: close\r\n"), redirected);
            assertTrue(redirected.contains("\r\ncontent-length: 0\r\n"), redirected);
            String pinged = rawUntilClosed("GET /rawman?action=ping HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(pinged.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n")
                    && pinged.endsWith("\r\n\r\nResponse: Error\r\nMessage: Permission denied\r\n\r\n"), pinged);
            // 24.18: enable_status refused, /httpstatus is Asterisk's default 404 page
            String status = rawUntilClosed("GET /httpstatus HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(status.startsWith("HTTP/1.1 404 Not Found\r\n"), status);
            assertTrue(status.endsWith("\r\n\r\n<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n"
                    + "<title>404 Not Found</title>\r\n</head><body>\r\n<h1>Not Found</h1>\r\n"
                    + "<p>The requested URL was not found on this server.</p>\r\n<hr />\r\n"
                    + "<address>Asterisk/22.10.1</address>\r\n</body></html>\r\n"), status);
        } finally {
            assertEquals(200, importHttpConf(back).statusCode()); // as the suite found it
        }
        assertTrue(Wire.eventually(() -> !redirects("/old")), "the redirect is gone with its line");
        Thread.sleep(500); // the listener may be re-made meanwhile for its old idle time
        awaitAnswer(PORT);
    }

    /** @return true if a GET of the path is answered 302; false too while the listener is being re-made */
    private static boolean redirects(String path) {
        try {
            return rawUntilClosed("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .startsWith("HTTP/1.1 302 ");
        } catch (AssertionError notNow) {
            return false;
        }
    }

    /**
     * One request on a new connection, and everything the server sends until it closes; fails if it
     * keeps the connection open for 5 s.
     */
    private static String rawUntilClosed(String request) {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AssertionError("no answer ending in the server's close: " + e, e);
        }
    }

    private static int status(String pathAndQuery) {
        try {
            return get(pathAndQuery, null).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badInputGetsAnAnswerNeverAFailureAndDisturbsNoOtherSession() throws Exception {
        String id = login();
        // a malformed query: decoded as Asterisk does, then an AMI error
        // (on a raw socket: Java's HTTP client refuses to send a malformed escape)
        String malformed = raw("GET /rawman?action=%zz&%&=&& HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(malformed.startsWith("HTTP/1.1 200 "), malformed);
        assertTrue(malformed.endsWith(crlf("\n\nResponse: Error\nMessage: Permission denied\n\n")), malformed);
        // an oversized form body
        HttpResponse<String> big = send(request("/rawman", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=ping&pad=" + "x".repeat(41000))).build());
        assertEquals(413, big.statusCode());
        // a cookie that is not hex, and one that names nothing: a new session each
        HttpResponse<String> notHex = send(request("/rawman?action=ping", null).header("Cookie", "mansession_id=\"zzzz\"")
                .GET().build());
        assertEquals(crlf("Response: Error\nMessage: Permission denied\n\n"), notHex.body());
        // a forged digest
        HttpResponse<String> forged = send(request("/arawman?action=ping", null)
                .header("Authorization", "Digest username=\"admin\", realm=\"asterisk\", nonce=\"00000000\", uri=\"/arawman\","
                        + " response=\"0123456789abcdef0123456789abcdef\", qop=auth, nc=00000001, cnonce=\"x\"").GET().build());
        assertEquals(401, forged.statusCode());
        // a header flood, beyond Asterisk's 100 headers, on a raw socket
        try (Socket flood = new Socket("127.0.0.1", PORT)) {
            StringBuilder request = new StringBuilder("GET /rawman?action=ping HTTP/1.1\r\nHost: x\r\n");
            for (int i = 0; i < 150; i++) {
                request.append("X-Flood-").append(i).append(": y\r\n");
            }
            flood.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            flood.setSoTimeout(10000);
            String status = new String(flood.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            assertTrue(status.startsWith("HTTP/1.1 4"), "refused, not served nor failed: " + status);
        }
        // the logged-in session went on through all of it
        HttpResponse<String> ping = get("/rawman?action=ping&actionid=after", id);
        assertEquals(id, cookie(ping));
        assertEquals(crlf("Response: Success\nActionID: after\nPing: Pong\nTimestamp: <ts>\n\n"), Masks.mask(ping.body()));
    }

    @Test
    void httpsServesTheSameManagerWithHttpConfsCertificate() throws Exception {
        int tlsPort = 18089;
        HttpClient https = HttpClient.newBuilder().sslContext(AmiTestClient.trustingTlsContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> login = null;
        while (login == null) {
            try {
                login = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsPort
                        + "/rawman?action=login&username=admin&secret=s3cret")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
        assertEquals(crlf("Response: Success\nMessage: Authentication accepted\n\n"), login.body());
        String id = cookie(login);
        HttpResponse<String> ping = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsPort
                + "/mxml?action=ping")).header("Cookie", "mansession_id=\"" + id + "\"").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        assertTrue(ping.body().startsWith("<ajax-response>\n<response type='object' id='unknown'><generic response='Success'"),
                ping.body());
        // the same session over plain HTTP: one manager, two listeners
        assertEquals(id, cookie(get("/rawman?action=ping", id)));
    }

    @Test
    void withoutACookieEveryRenderingAnswersPermissionDeniedAndCoreStatusRendersAsRecorded() throws Exception {
        // 24.11 and 24.12
        assertEquals("<ajax-response>\n<response type='object' id='unknown'><generic response='Error'"
                + " message='Permission denied' /></response>\n</ajax-response>\n", get("/mxml?action=ping", null).body());
        String html = get("/manager?action=ping", null).body();
        assertEquals(873, html.length(), html);
        assertTrue(html.endsWith("</td></tr>\r\n<tr><td>Response</td><td>Error</td></tr>\n"
                + "<tr><td>Message</td><td>Permission denied</td></tr>\n<tr><td colspan=\"2\"><hr></td></tr>\r\n"
                + "</table></body>\r\n"), html);
        // 24.9, dates and times masked
        String status = get("/mxml?action=corestatus", login()).body()
                .replaceAll("='\\d{4}-\\d\\d-\\d\\d'", "='<date>'").replaceAll("='\\d\\d:\\d\\d:\\d\\d'", "='<time>'");
        assertEquals("<ajax-response>\n<response type='object' id='unknown'><generic response='Success'"
                + " corestartupdate='<date>' corestartuptime='<time>' corereloaddate='<date>' corereloadtime='<time>'"
                + " corecurrentcalls='0' coreprocessedcalls='0' /></response>\n</ajax-response>\n", status);
    }

    /** @return everything the listener answers to these bytes, until it closes */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(10000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static HttpResponse<String> importHttpConf(String text) throws Exception {
        int admin = 8080 + Integer.getInteger("it.port.offset", 0);
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/ami/api/config/http.conf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:s3cret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }
}
