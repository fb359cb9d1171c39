package dev.ami.server.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A loopback TCP server that plays an Asterisk upstream from its recorded bytes: it greets, then
 * answers each request with what {@link #answers} returns for it (the request's lines; null: no
 * answer), and records every request. Tests write more (events) with {@link #write} and cut the
 * connection with {@link #dropConnection}. One connection at a time, plain java.net.
 */
final class ScriptedUpstream implements AutoCloseable {

    /** Asterisk 22's greeting. */
    static final String GREETING = "Asterisk Call Manager/11.0.0\r\n";

    /** The challenge of the recorded MD5 login, and the key computed from it with the secret s3cret. */
    static final String CHALLENGE = "113238125";
    static final String KEY = "b2f3d6ba55d7c206bec28c72984058a7";

    /** The start of Asterisk 22's recorded ListCommands answer, after Response and ActionID. */
    static final List<String> LIST_COMMANDS = List.of(
            "AbsoluteTimeout: Set absolute timeout.  (Priv: system,call,all)",
            "AOCMessage: Generate an Advice of Charge message on a channel.  (Priv: aoc,all)",
            "BridgeDestroy: Destroy a bridge.  (Priv: <none>)",
            "Challenge: Generate Challenge for MD5 Auth.  (Priv: <none>)",
            "Command: Execute Asterisk CLI Command.  (Priv: command,all)",
            "CoreSettings: Show PBX core settings (version etc).  (Priv: system,reporting,all)",
            "UserEvent: Send an arbitrary event.  (Priv: user,all)",
            "WaitEvent: Wait for an event to occur.  (Priv: <none>)");

    private final ServerSocket server;
    private final Thread acceptor;
    final BlockingQueue<List<String>> requests = new LinkedBlockingQueue<>();
    volatile Function<List<String>, String> answers = ScriptedUpstream::asterisk;
    /** What the next connection is greeted with. */
    volatile String greeting = GREETING;
    private volatile Socket current;
    /** Connections accepted so far. */
    volatile int accepted;

    ScriptedUpstream() throws IOException {
        this(0);
    }

    private ScriptedUpstream(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "scripted-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return an upstream on this port (one that went away comes back) */
    static ScriptedUpstream on(int port) throws IOException {
        return new ScriptedUpstream(port);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted++;
                current = socket;
                serve(socket);
            } catch (IOException e) {
                // closed, or the connection dropped: next one
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            synchronized (this) {
                out.write(greeting.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            InputStream in = socket.getInputStream();
            List<String> lines = new ArrayList<>();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (!text.isEmpty()) {
                    lines.add(text);
                    continue;
                }
                List<String> request = List.copyOf(lines);
                lines.clear();
                requests.add(request);
                String answer = answers.apply(request);
                if (answer != null) {
                    synchronized (this) {
                        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                }
                if (answer != null && answer.startsWith("Response: Goodbye")
                        || answer != null && answer.contains("Authentication failed")) {
                    return; // Asterisk closes after these
                }
            }
        }
    }

    /** Writes bytes to the connection, as Asterisk writes an event. */
    synchronized void write(String text) throws IOException {
        OutputStream out = current.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Closes the current connection, as an upstream restarting does. */
    void dropConnection() throws IOException {
        current.close();
    }

    /** @return the next request ami sent, waiting for it */
    List<String> nextRequest() throws InterruptedException {
        List<String> request = requests.poll(20, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request from ami");
        }
        return request;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket socket = current;
        if (socket != null) {
            socket.close();
        }
    }

    /** The request's value of a header, as Asterisk looks it up. */
    static String value(List<String> request, String name) {
        return UpstreamMessage.of(request.toArray(String[]::new)).value(name).orElse("");
    }

    /** Asterisk 22's answers as recorded, with the request's ActionID (main/manager.c echoes it second). */
    static String asterisk(List<String> request) {
        String action = value(request, "Action");
        String id = "ActionID: " + value(request, "ActionID") + "\r\n";
        switch (action) {
            case "Challenge":
                return "Response: Success\r\n" + id + "Challenge: " + CHALLENGE + "\r\n\r\n";
            case "Login":
                if (!value(request, "Key").equals(KEY) && !value(request, "Secret").equals("s3cret")) {
                    return "Response: Error\r\n" + id + "Message: Authentication failed\r\n\r\n";
                }
                return "Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n"
                        + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 95\r\nLastReload: 95\r\n"
                        + "Status: Fully Booted\r\n\r\n"
                        + "Event: SuccessfulAuth\r\nPrivilege: security,all\r\nEventTV: 2026-11-28T03:33:45.319+0000\r\n"
                        + "Severity: Informational\r\nService: AMI\r\nEventVersion: 1\r\nAccountID: admin\r\n"
                        + "SessionID: 0x7fedd8002760\r\nLocalAddress: IPV4/TCP/127.0.0.1/15038\r\n"
                        + "RemoteAddress: IPV4/TCP/127.0.0.1/34186\r\nUsingPassword: 0\r\n"
                        + "SessionTV: 2026-11-28T03:33:45.319+0000\r\n\r\n";
            case "ListCommands":
                return "Response: Success\r\n" + id + String.join("\r\n", LIST_COMMANDS) + "\r\n\r\n";
            case "Ping":
                return "Response: Success\r\n" + id + "Ping: Pong\r\nTimestamp: 1795836837.352577\r\n\r\n";
            case "Command":
                return "Response: Success\r\n" + id + "Message: Command output follows\r\n"
                        + "Output: Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux on 2026-11-28 03:22:16 UTC"
                        + "\r\n\r\n";
            case "Logoff":
                return "Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n";
            default:
                return "Response: Error\r\n" + id + "Message: Invalid/unknown command: " + action
                        + ". Use Action: ListCommands to show available commands.\r\n\r\n";
        }
    }
}
