package dev.ami.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A bare AMI client on a real socket: sends bytes, reads whole messages or everything until close. */
public final class AmiTestClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final long READY_TIMEOUT_NANOS = 30_000_000_000L;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private AmiTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects without reading anything. The connector binds its port once it has read the stored
     * configuration, just after the deployment completes, so a refused connection is retried for
     * a while.
     */
    public static AmiTestClient open(int port) throws IOException {
        return open(port, SocketFactory.getDefault());
    }

    private static AmiTestClient open(int port, SocketFactory factory) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT_NANOS;
        while (true) {
            Socket socket = factory.createSocket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                return new AmiTestClient(socket);
            } catch (ConnectException refused) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                sleep(100);
            }
        }
    }

    /** Connects and consumes the greeting line, which must be Asterisk 22's. */
    public static AmiTestClient connect(int port) throws IOException {
        return greeted(open(port));
    }

    /**
     * Connects from another loopback address (127.0.0.0/8 is all this host's) and consumes the
     * greeting: for tests that hold more connections before login than one address may
     * (ami_authlimit_per_address).
     */
    public static AmiTestClient connectFrom(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return greeted(new AmiTestClient(socket));
    }

    /** Connects over TLS, trusting the test certificate, and consumes the greeting line. */
    public static AmiTestClient connectTls(int port) throws IOException {
        return greeted(open(port, trustingTls()));
    }

    private static AmiTestClient greeted(AmiTestClient client) throws IOException {
        String greeting = client.readLine();
        if (!greeting.equals("Asterisk Call Manager/11.0.0\r\n")) {
            throw new IOException("unexpected greeting: " + greeting);
        }
        return client;
    }

    /**
     * Connects and logs in.
     *
     * @param events the Login {@code Events} header (e.g. {@code off}, {@code user})
     * @throws IOException also when the login is not accepted
     */
    public static AmiTestClient login(int port, String user, String secret, String events) throws IOException {
        AmiTestClient c = connect(port);
        c.send(Wire.crlf("Action: Login\nUsername: " + user + "\nSecret: " + secret + "\nEvents: " + events + "\n\n"));
        String answer = c.readMessage();
        if (!answer.equals("Response: Success\r\nMessage: Authentication accepted\r\n\r\n")) {
            c.close();
            throw new IOException("login of " + user + " refused: " + answer);
        }
        return c;
    }

    /** @return true if this account logs in now */
    public static boolean logsIn(int port, String user, String secret) {
        try (AmiTestClient c = login(port, user, secret, "off")) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public AmiTestClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public AmiTestClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** @return the next line including its CRLF */
    public String readLine() throws IOException {
        return readUntil("\r\n");
    }

    /** @return the next message (response or event) including its final empty line */
    public String readMessage() throws IOException {
        return readUntil("\r\n\r\n");
    }

    /** @return the next {@code count} messages, concatenated */
    public String readMessages(int count) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(readMessage());
        }
        return sb.toString();
    }

    /** @return what has arrived, at least one byte (waits for it), as text */
    public String readSome() throws IOException {
        if (pending.size() == 0) {
            byte[] buf = new byte[65536];
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            pending.write(buf, 0, n);
        }
        String text = pending.toString(StandardCharsets.ISO_8859_1);
        pending.reset();
        return text;
    }

    /** @return the next {@code count} bytes as text (for floods, where reading message by message is slow) */
    public String readBytes(int count) throws IOException {
        byte[] buf = new byte[65536];
        while (pending.size() < count) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("connection closed by the server after " + pending.size() + " of " + count + " bytes");
            }
            pending.write(buf, 0, n);
        }
        byte[] all = pending.toByteArray();
        pending.reset();
        pending.write(all, count, all.length - count);
        return new String(all, 0, count, StandardCharsets.ISO_8859_1);
    }

    /** @return everything until the server closes the connection (fails after the read timeout) */
    public String readUntilClosed() throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            pending.write(buf, 0, n);
        }
        String all = pending.toString(StandardCharsets.ISO_8859_1);
        pending.reset();
        return all;
    }

    /** @return true if nothing arrives within the given time (the connection is still open) */
    public boolean isQuietFor(int millis) throws IOException {
        if (pending.size() > 0) {
            return false;
        }
        socket.setSoTimeout(millis);
        try {
            int b = in.read();
            if (b >= 0) {
                pending.write(b);
            }
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        }
    }

    /** A TLS client for the self-signed certificate of src/test/conf/keys. */
    private static SSLSocketFactory trustingTls() throws IOException {
        return trustingTlsContext().getSocketFactory();
    }

    /** @return a TLS context that trusts the self-signed certificate of src/test/conf/keys (any, in fact) */
    static SSLContext trustingTlsContext() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager trustAll = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS client context", e);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the AMI port", e);
        }
    }

    private String readUntil(String terminator) throws IOException {
        while (true) {
            String text = pending.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf(terminator);
            if (end >= 0) {
                String message = text.substring(0, end + terminator.length());
                byte[] rest = text.substring(end + terminator.length()).getBytes(StandardCharsets.ISO_8859_1);
                pending.reset();
                pending.write(rest);
                return message;
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server; unread: " + text);
            }
            pending.write(b);
        }
    }

    /** @return the client's own port, as the server sees it */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Shuts down the sending side only (as {@code printf … | nc} does at the end of its input). */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
