package dev.ami.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * (p) Pipelined Pings on one logged-in connection, as Asterisk's figure was taken: a fixed number
 * of Pings with an ActionID each, a fixed number in flight (each answer read lets one more go).
 * The rate is the count over the time from the first Ping sent to the last answer read. One
 * blocking socket on the calling thread: with 64 small requests in flight neither side's buffers
 * fill, so writing and reading on one thread cannot block each other.
 */
final class PipelinedPingScenario {

    record Result(int pings, int depth, double seconds, double perSecond, ProcStat.Cpu cpu) {
    }

    private final String host;
    private final int port;

    PipelinedPingScenario(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * @param warmup how long to run pipelined Pings before the measured ones (zero: the cold figure)
     * @param count  Pings measured
     * @param depth  Pings in flight
     */
    Result run(long serverPid, Duration warmup, int count, int depth) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(10_000);
            Answers answers = new Answers(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            answers.awaitGreeting();
            out.write(ClientSession.loginRequest("off").array());
            answers.awaitLogin();
            long end = System.nanoTime() + warmup.toNanos();
            while (System.nanoTime() < end) {
                pipeline(out, answers, count, depth);
            }
            ProcStat.Window cpu = new ProcStat.Window(serverPid);
            long t0 = System.nanoTime();
            pipeline(out, answers, count, depth);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(count, depth, seconds, count / seconds, cpu.end());
        }
    }

    /** Sends {@code count} Pings, at most {@code depth} unanswered, and reads every answer. */
    private static void pipeline(OutputStream out, Answers answers, int count, int depth) throws IOException {
        long first = answers.expected;
        long last = first + count; // exclusive
        long next = first;
        ByteArrayOutputStream batch = new ByteArrayOutputStream(depth * 40);
        while (answers.expected < last) {
            batch.reset();
            while (next < last && next - answers.expected < depth) {
                batch.writeBytes(("Action: Ping\r\nActionID: " + next++ + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (batch.size() > 0) {
                out.write(batch.toByteArray());
            }
            answers.read();
        }
    }

    /** Reads answers and checks that each is the Pong of the next Ping sent (answers come in order). */
    private static final class Answers implements AmiParser.Sink {
        private final InputStream in;
        private final AmiParser parser = new AmiParser(this);
        private final byte[] buffer = new byte[64 * 1024];
        private String greeting;
        private boolean loggedIn;
        /** the ActionID of the next answer */
        long expected;

        Answers(InputStream in) {
            this.in = in;
        }

        void awaitGreeting() throws IOException {
            while (greeting == null) {
                read();
            }
            if (!greeting.startsWith(ClientSession.GREETING_PREFIX)) {
                throw new IOException("unexpected greeting: " + greeting);
            }
        }

        void awaitLogin() throws IOException {
            while (!loggedIn) {
                read();
            }
        }

        void read() throws IOException {
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
            if (!loggedIn) {
                if (!m.isResponse(AmiMessage.SUCCESS)) {
                    throw new IllegalStateException("login refused: " + m);
                }
                loggedIn = true;
                return;
            }
            if (!m.isResponse(AmiMessage.SUCCESS) || !Long.toString(expected).equals(m.actionId)) {
                throw new IllegalStateException("Ping " + expected + " answered " + m + " (ActionID " + m.actionId + ")");
            }
            expected++;
        }
    }
}
