package dev.ami.bench;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sessions logged in before an attack starts, one over AMI and one over the HTTP manager, each
 * from an address of its own: the administrator's console that is already open. The AMI session
 * is one connection, so a Ping that fails means the session is gone; the HTTP session is its
 * cookie, asked on a keep-alive connection that is opened again (same cookie) if the server
 * closed it, as a browser would.
 */
final class OldSessions implements AutoCloseable {

    private final String httpFrom;
    private final int httpPort;
    private final int timeoutMillis;
    private final RawmanRequests requests;
    private final BlockingAmi ami;
    private final String cookie;
    private final AtomicLong pings = new AtomicLong();
    private BlockingHttp http;
    private int httpReconnects;

    /** Logs both in; throws if either cannot. */
    OldSessions(String amiFrom, String httpFrom, int amiPort, int httpPort, int timeoutMillis) throws IOException {
        this.httpFrom = httpFrom;
        this.httpPort = httpPort;
        this.timeoutMillis = timeoutMillis;
        this.requests = new RawmanRequests(httpPort);
        BlockingAmi session = new BlockingAmi(amiFrom, amiPort, timeoutMillis);
        try {
            session.login(BenchOptions.USER, BenchOptions.SECRET);
            http = new BlockingHttp(httpFrom, httpPort, timeoutMillis);
            BlockingHttp.Reply in = http.exchange(requests.login(null, false));
            if (in.status() != 200 || !in.isResponse(AmiMessage.SUCCESS) || in.cookie() == null) {
                throw new IOException("HTTP login refused: " + in);
            }
            cookie = in.cookie();
        } catch (IOException e) {
            session.close();
            if (http != null) {
                http.close();
            }
            throw e;
        }
        ami = session;
    }

    /** @return nanoseconds for a Ping on the AMI session */
    long amiPing() throws IOException {
        long t0 = System.nanoTime();
        synchronized (ami) {
            ami.ping("old-" + pings.incrementAndGet());
        }
        return System.nanoTime() - t0;
    }

    /** @return nanoseconds for a ping on the HTTP session (its connection opened again if the server had closed it) */
    synchronized long httpPing() throws IOException {
        long t0 = System.nanoTime();
        BlockingHttp.Reply pong;
        try {
            pong = connection().exchange(requests.ping(cookie, false));
        } catch (IOException closed) {
            // the keep-alive connection ended (an idle or server-side close); the session is the cookie
            http.close();
            http = null;
            pong = connection().exchange(requests.ping(cookie, false));
        }
        long took = System.nanoTime() - t0;
        if (pong.close()) {
            http.close();
            http = null;
        }
        if (!pong.isResponse(AmiMessage.SUCCESS)) {
            throw new IOException("HTTP ping on the old session answered " + pong);
        }
        return took;
    }

    private BlockingHttp connection() throws IOException {
        if (http == null) {
            httpReconnects++;
            http = new BlockingHttp(httpFrom, httpPort, timeoutMillis);
        }
        return http;
    }

    synchronized int httpReconnects() {
        return httpReconnects;
    }

    /**
     * Logs both sessions off (best effort: a session the attack ended has nothing to log off) and
     * closes their connections, so that no session of one case lives on into the next.
     */
    @Override
    public synchronized void close() throws IOException {
        try {
            ami.send("Action: Logoff\r\n\r\n");
            connection().exchange(requests.logoff(cookie, true));
        } catch (IOException ignored) {
            // the session or its connection is already gone
        } finally {
            try {
                ami.close();
            } finally {
                if (http != null) {
                    http.close();
                }
            }
        }
    }
}
