package dev.ami.bench;

import java.io.IOException;
import java.time.Duration;

/**
 * (h) Sequential HTTP manager sessions, each a whole life: connect, {@code /rawman?action=login}
 * (a new session and its cookie), {@code action=ping} on the cookie, {@code action=logoff} asking
 * {@code Connection: close}, the server's close. Three requests on one new connection per cycle,
 * as a script that logs in, runs one action and logs off per run does.
 */
final class HttpLoginScenario {

    record Result(long cycles, double seconds, double perSecond, Latencies.Quantiles latency, ProcStat.Cpu cpu) {
    }

    private final int port;
    private final RawmanRequests requests;
    private final byte[] login;

    HttpLoginScenario(int port) {
        this.port = port;
        this.requests = new RawmanRequests(port);
        // no Events: as most scripts log in; HTTP sessions start with events off anyway
        this.login = requests.login(null, false);
    }

    Result run(long serverPid, Duration warmup, Duration measure) throws IOException {
        SequentialRun.Measured m = SequentialRun.run(serverPid, warmup, measure, this::cycle);
        return new Result(m.count(), m.seconds(), m.perSecond(), m.latency(), m.cpu());
    }

    private void cycle() throws IOException {
        try (BlockingHttp connection = new BlockingHttp(port)) {
            BlockingHttp.Reply in = connection.exchange(login);
            if (in.status() != 200 || !in.isResponse(AmiMessage.SUCCESS) || in.cookie() == null) {
                throw new IOException("HTTP login refused: " + in);
            }
            BlockingHttp.Reply pong = connection.exchange(requests.ping(in.cookie(), false));
            if (!pong.isResponse(AmiMessage.SUCCESS)) {
                throw new IOException("HTTP Ping answered " + pong);
            }
            BlockingHttp.Reply out = connection.exchangeAndAwaitClose(requests.logoff(in.cookie(), true));
            if (!out.isResponse(AmiMessage.GOODBYE)) {
                throw new IOException("HTTP Logoff answered " + out);
            }
        }
    }
}
