package dev.ami.bench;

import java.nio.charset.StandardCharsets;

/**
 * The HTTP manager requests the bench sends: GET {@code /rawman?action=...} with the session
 * cookie, as the README's curl lines do. Built once per kind where possible, so that the client
 * spends its CPU on the exchange, not on strings.
 */
final class RawmanRequests {

    private final String host;

    /** @param port the HTTP manager's port (http.conf bindport) */
    RawmanRequests(int port) {
        this.host = BenchOptions.HOST + ":" + port;
    }

    /** @param events the Login's Events value, or null for none */
    byte[] login(String events, boolean close) {
        return get("action=login&username=" + BenchOptions.USER + "&secret=" + BenchOptions.SECRET
                + (events == null ? "" : "&events=" + events), null, close);
    }

    byte[] ping(String cookie, boolean close) {
        return get("action=ping", cookie, close);
    }

    byte[] waitEvent(String cookie, int timeoutSeconds) {
        return get("action=waitevent&timeout=" + timeoutSeconds, cookie, false);
    }

    byte[] logoff(String cookie, boolean close) {
        return get("action=logoff", cookie, close);
    }

    /**
     * @param cookie the {@code mansession_id="..."} pair as the server set it, or null
     * @param close  ask the server to close the connection after answering
     */
    private byte[] get(String query, String cookie, boolean close) {
        return ("GET /rawman?" + query + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
