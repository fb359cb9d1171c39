package dev.ami.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * (a) Sequential Ping round trips on one logged-in connection, as Asterisk's figure was taken: a
 * fixed number of Pings with an ActionID each, one in flight (send, wait for the whole response,
 * send the next). A plain blocking socket on the calling thread, so that the client adds no
 * hand-off between threads to the round trip it measures.
 */
final class PingScenario {

    record Result(long pings, double seconds, double perSecond, double p50Micros, double p99Micros,
                  double p999Micros, double maxMicros, ProcStat.Cpu cpu) {
    }

    private final String host;
    private final int port;

    PingScenario(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * @param warmup how long to ping before the measured ones (zero: the first {@code count} Pings of
     *               the connection are measured, the cold figure on a just-started server)
     * @param count  Pings measured
     */
    Result run(long serverPid, Duration warmup, int count) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(10_000);
            Reader reader = new Reader(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String greeting = reader.greeting();
            if (!greeting.startsWith(ClientSession.GREETING_PREFIX)) {
                throw new IOException("unexpected greeting: " + greeting);
            }
            // Events: off, so that no event can come between a Ping and its response
            out.write(ClientSession.loginRequest("off").array());
            AmiMessage login = reader.next();
            if (!login.isResponse(AmiMessage.SUCCESS)) {
                throw new IOException("login refused: " + login);
            }
            long seq = 0;
            long end = System.nanoTime() + warmup.toNanos();
            while (System.nanoTime() < end) {
                ping(out, reader, ++seq);
            }
            Latencies latencies = new Latencies();
            ProcStat.Window cpu = new ProcStat.Window(serverPid);
            long start = System.nanoTime();
            long now = start;
            for (int i = 0; i < count; i++) {
                long sent = now;
                ping(out, reader, ++seq);
                now = System.nanoTime();
                latencies.add(now - sent);
            }
            double seconds = (now - start) / 1e9;
            ProcStat.Cpu used = cpu.end();
            Latencies.Quantiles q = latencies.quantiles();
            return new Result(count, seconds, count / seconds, q.p50Micros(), q.p99Micros(), q.p999Micros(), q.maxMicros(),
                    used);
        }
    }

    private static void ping(OutputStream out, Reader reader, long seq) throws IOException {
        String id = Long.toString(seq);
        out.write(("Action: Ping\r\nActionID: " + id + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        AmiMessage response = reader.next();
        if (!response.isResponse(AmiMessage.SUCCESS) || !id.equals(response.actionId)) {
            throw new IOException("Ping " + id + " answered " + response + " (ActionID " + response.actionId + ")");
        }
    }

    /** Blocking reads through the same parser the event-loop sessions use. */
    private static final class Reader implements AmiParser.Sink {
        private final InputStream in;
        private final AmiParser parser = new AmiParser(this);
        private final byte[] buffer = new byte[8192];
        private String greeting;
        private AmiMessage message;

        Reader(InputStream in) {
            this.in = in;
        }

        String greeting() throws IOException {
            while (greeting == null) {
                read();
            }
            return greeting;
        }

        AmiMessage next() throws IOException {
            message = null;
            while (message == null) {
                read();
            }
            return message;
        }

        private void read() throws IOException {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the server closed the connection");
            }
            parser.feed(buffer, 0, n);
        }

        @Override
        public void greeting(String line) {
            greeting = line;
        }

        @Override
        public void message(AmiMessage m) {
            // one request in flight: one response at a time; the parser reuses m, so keep a copy
            message = m.copy();
        }
    }
}
