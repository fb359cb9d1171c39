package dev.ami.bench;

import java.io.IOException;
import java.time.Duration;

/**
 * (f) and (g): sequential {@code /rawman?action=ping} requests on a logged-in HTTP manager session
 * (its cookie), one in flight: (f) all on one keep-alive connection, (g) each on a new connection
 * that asks {@code Connection: close}, so that the figure is the server's accept, HTTP parse,
 * session look-up, answer and close. The client is a blocking socket on the calling thread.
 */
final class HttpPingScenario {

    record Result(boolean keepAlive, long requests, double seconds, double perSecond, Latencies.Quantiles latency,
                  ProcStat.Cpu cpu) {
    }

    private final int port;
    private final RawmanRequests requests;

    HttpPingScenario(int port) {
        this.port = port;
        this.requests = new RawmanRequests(port);
    }

    Result run(long serverPid, boolean keepAlive, Duration warmup, Duration measure) throws IOException {
        try (BlockingHttp connection = new BlockingHttp(port)) {
            BlockingHttp.Reply login = connection.exchange(requests.login("off", false));
            if (login.status() != 200 || !login.isResponse(AmiMessage.SUCCESS) || login.cookie() == null) {
                throw new IOException("HTTP login refused: " + login);
            }
            byte[] ping = requests.ping(login.cookie(), !keepAlive);
            SequentialRun.Measured m = SequentialRun.run(serverPid, warmup, measure,
                    () -> ping(connection, ping, keepAlive));
            connection.exchange(requests.logoff(login.cookie(), false));
            return new Result(keepAlive, m.count(), m.seconds(), m.perSecond(), m.latency(), m.cpu());
        }
    }

    private void ping(BlockingHttp kept, byte[] request, boolean keepAlive) throws IOException {
        BlockingHttp.Reply reply;
        if (keepAlive) {
            reply = kept.exchange(request);
        } else {
            try (BlockingHttp fresh = new BlockingHttp(port)) {
                reply = fresh.exchangeAndAwaitClose(request);
            }
        }
        if (reply.status() != 200 || !reply.isResponse(AmiMessage.SUCCESS)) {
            throw new IOException("HTTP Ping answered " + reply);
        }
    }
}
