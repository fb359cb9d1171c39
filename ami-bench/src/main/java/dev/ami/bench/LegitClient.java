package dev.ami.bench;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The legitimate user of the reliability harness: a whole visit from an address of its own, timed
 * from the connect to the Pong. Over AMI: connect, greeting, Login, Ping, Logoff; over the HTTP
 * manager: a new connection, login (a new session), ping on its cookie, logoff.
 */
final class LegitClient {

    private final String amiFrom;
    private final String httpFrom;
    private final int amiPort;
    private final int httpPort;
    private final int timeoutMillis;
    private final RawmanRequests requests;
    private final AtomicLong visits = new AtomicLong();

    /**
     * @param amiFrom       the AMI client's address
     * @param httpFrom      the HTTP client's address
     * @param timeoutMillis how long the connect and each read may wait before the visit counts as not served
     */
    LegitClient(String amiFrom, String httpFrom, int amiPort, int httpPort, int timeoutMillis) {
        this.amiFrom = amiFrom;
        this.httpFrom = httpFrom;
        this.amiPort = amiPort;
        this.httpPort = httpPort;
        this.timeoutMillis = timeoutMillis;
        this.requests = new RawmanRequests(httpPort);
    }

    /** @return nanoseconds from the connect to the Pong */
    long amiLoginPing() throws IOException {
        long t0 = System.nanoTime();
        try (BlockingAmi ami = new BlockingAmi(amiFrom, amiPort, timeoutMillis)) {
            ami.login(BenchOptions.USER, BenchOptions.SECRET);
            ami.ping("legit-" + visits.incrementAndGet());
            long took = System.nanoTime() - t0;
            ami.send("Action: Logoff\r\n\r\n");
            AmiMessage goodbye = ami.next();
            if (!goodbye.isResponse(AmiMessage.GOODBYE)) {
                throw new IOException("Logoff answered " + goodbye);
            }
            return took;
        }
    }

    /** @return nanoseconds from the connect to the Pong */
    long httpLoginPing() throws IOException {
        long t0 = System.nanoTime();
        try (BlockingHttp http = new BlockingHttp(httpFrom, httpPort, timeoutMillis)) {
            BlockingHttp.Reply in = http.exchange(requests.login(null, false));
            if (in.status() != 200 || !in.isResponse(AmiMessage.SUCCESS) || in.cookie() == null) {
                throw new IOException("HTTP login refused: " + in);
            }
            BlockingHttp.Reply pong = http.exchange(requests.ping(in.cookie(), false));
            long took = System.nanoTime() - t0;
            if (!pong.isResponse(AmiMessage.SUCCESS)) {
                throw new IOException("HTTP ping answered " + pong);
            }
            BlockingHttp.Reply out = http.exchange(requests.logoff(in.cookie(), true));
            if (!out.isResponse(AmiMessage.GOODBYE)) {
                throw new IOException("HTTP logoff answered " + out);
            }
            return took;
        }
    }
}
