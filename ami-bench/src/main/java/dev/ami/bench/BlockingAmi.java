package dev.ami.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One AMI connection used one request at a time from the calling thread, from a chosen local
 * address: the reliability harness's legitimate client, its old session and its password guesser.
 * Reads go through the same parser as the load client's.
 */
final class BlockingAmi implements AutoCloseable, AmiParser.Sink {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final AmiParser parser = new AmiParser(this);
    private final byte[] buffer = new byte[8192];
    private String greeting;
    private AmiMessage message;

    /**
     * @param from          the local address (one of 127.0.0.0/8), so that the server tells this
     *                      client from the attackers by address as it would tell hosts apart; null
     *                      to let the kernel choose, as a plain client's connect does
     * @param timeoutMillis how long the connect and each read may wait
     */
    BlockingAmi(String from, int port, int timeoutMillis) throws IOException {
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(BenchOptions.HOST, port), Math.min(10_000, timeoutMillis));
            socket.setSoTimeout(timeoutMillis);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** @return the greeting line; an EOFException if the server closed without one (a refused connection) */
    String greeting() throws IOException {
        while (greeting == null) {
            read();
        }
        return greeting;
    }

    void send(String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** @return the next message (a copy); an EOFException if the server closed first */
    AmiMessage next() throws IOException {
        message = null;
        while (message == null) {
            read();
        }
        return message;
    }

    /** Reads until the server closes the connection (after a refused login or a Logoff). */
    void awaitClose() throws IOException {
        while (in.read(buffer) >= 0) {
            // nothing more is expected
        }
    }

    /** Logs in and checks the answer; Events: off, so that no event comes between a request and its answer. */
    void login(String user, String secret) throws IOException {
        login(user, secret, "off");
    }

    /** Logs in with the given {@code Events} classes (a listener: "user") and checks the answer. */
    void login(String user, String secret, String events) throws IOException {
        String line = greeting();
        if (!line.startsWith(ClientSession.GREETING_PREFIX)) {
            throw new IOException("unexpected greeting: " + line);
        }
        send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: " + events + "\r\n\r\n");
        AmiMessage answer = next();
        if (!answer.isResponse(AmiMessage.SUCCESS)) {
            throw new IOException("login refused: " + answer);
        }
    }

    /** Sends a Ping and checks that its own Pong comes back. */
    void ping(String actionId) throws IOException {
        send("Action: Ping\r\nActionID: " + actionId + "\r\n\r\n");
        AmiMessage pong = next();
        if (!pong.isResponse(AmiMessage.SUCCESS) || !actionId.equals(pong.actionId)) {
            throw new IOException("Ping " + actionId + " answered " + pong);
        }
    }

    private void read() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            throw new EOFException(greeting == null ? "the server closed the connection without a greeting"
                    : "the server closed the connection");
        }
        parser.feed(buffer, 0, n);
    }

    @Override
    public void greeting(String line) {
        greeting = line;
    }

    @Override
    public void message(AmiMessage m) {
        // one request in flight: one answer at a time; the parser reuses m, so keep a copy
        message = m.copy();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
