package dev.ami.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP connection used one request at a time from the calling thread: a plain blocking
 * socket, so that a sequential figure includes no hand-off between client threads (as scenario
 * a's Ping).
 */
final class BlockingHttp implements AutoCloseable, HttpResponseParser.Sink {

    /** A response: status, the cookie it set (or null), whether the server closes, the body as text. */
    record Reply(int status, String cookie, boolean close, String body) {
        /** @return true if the rawman body starts with {@code Response: <value>} */
        boolean isResponse(String value) {
            return body.startsWith("Response: " + value + "\r\n");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final HttpResponseParser parser = new HttpResponseParser(this);
    private final byte[] buffer = new byte[16 * 1024];
    private Reply reply;

    BlockingHttp(int port) throws IOException {
        this(null, port, 30_000);
    }

    /**
     * @param from          the local address to connect from (the reliability harness's clients each
     *                      have one of 127.0.0.0/8), or null for the system's choice
     * @param timeoutMillis how long the connect and each read may wait
     */
    BlockingHttp(String from, int port, int timeoutMillis) throws IOException {
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

    /** Sends one request and waits for its whole response. */
    Reply exchange(byte[] request) throws IOException {
        reply = null;
        out.write(request);
        while (reply == null) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the server closed the connection before answering");
            }
            parser.feed(buffer, 0, n);
        }
        return reply;
    }

    /**
     * Sends one request, reads its response, then waits for the server's close (the request asked
     * for {@code Connection: close}), so that the server, not the client, ends the connection.
     */
    Reply exchangeAndAwaitClose(byte[] request) throws IOException {
        Reply r = exchange(request);
        while (in.read(buffer) >= 0) {
            // nothing more is expected; wait for the end of the stream
        }
        return r;
    }

    @Override
    public void response(int status, String cookie, boolean close, byte[] body, int offset, int length) {
        reply = new Reply(status, cookie, close, new String(body, offset, length, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
