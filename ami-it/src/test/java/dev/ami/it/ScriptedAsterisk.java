package dev.ami.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a real Asterisk as ami's upstream (Asterisk is not packaged for the test machines):
 * a loopback AMI server that answers with the bytes recorded from Asterisk 22.10.1
 * ({@code upstream/asterisk-22.10.1.script}), logs in with Challenge/MD5 or a plain secret as
 * Asterisk does, follows an asynchronous Originate with its OriginateResponse event, and sends the
 * events a test fires to every logged-in session.
 */
final class ScriptedAsterisk implements AutoCloseable {

    /** The challenge it hands out, as recorded. */
    static final String CHALLENGE = "113238125";

    private final String username;
    private final String secret;
    private final Map<String, List<List<String>>> script;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    /** Every request received (its lines), in order, from any session. */
    final BlockingQueue<List<String>> requests = new LinkedBlockingQueue<>();
    private final int port;
    private volatile ServerSocket server;

    /**
     * Listens on a free loopback port.
     *
     * @param username the account it accepts
     * @param secret   that account's secret
     */
    ScriptedAsterisk(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.script = load();
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = s.getLocalPort();
        start(s);
    }

    int port() {
        return port;
    }

    /** @return how many connections it has accepted since it was made */
    int connections() {
        return accepted.get();
    }

    /** @return how many sessions are logged in now */
    long loggedIn() {
        return peers.stream().filter(p -> p.loggedIn).count();
    }

    /** Sends an event (its lines, without the blank line) to every logged-in session. */
    void fire(String... lines) {
        for (Peer p : peers) {
            if (p.loggedIn) {
                p.write(List.of(List.of(lines)));
            }
        }
    }

    /** Stops listening and closes every session: the upstream is down. */
    void stop() throws IOException {
        server.close();
        for (Peer p : peers) {
            p.socket.close();
        }
    }

    /** Listens again on the same port. */
    void restart() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        start(s);
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private void start(ServerSocket s) {
        server = s;
        Thread acceptor = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket socket = s.accept();
                    accepted.incrementAndGet();
                    Peer peer = new Peer(socket);
                    peers.add(peer);
                    Thread t = new Thread(peer::serve, "scripted-asterisk-" + accepted.get());
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "scripted-asterisk-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The script: action (lower case) to the messages of its answer. */
    private static Map<String, List<List<String>>> load() throws IOException {
        Map<String, List<List<String>>> answers = new LinkedHashMap<>();
        try (InputStream in = ScriptedAsterisk.class.getResourceAsStream("/upstream/asterisk-22.10.1.script")) {
            List<List<String>> messages = null;
            List<String> message = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\n", -1)) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("> ")) {
                    messages = new ArrayList<>();
                    answers.put(line.substring(2).strip().toLowerCase(Locale.ROOT), messages);
                    message = null;
                } else if (line.isEmpty()) {
                    message = null;
                } else if (messages != null) {
                    if (message == null) {
                        message = new ArrayList<>();
                        messages.add(message);
                    }
                    message.add(line);
                }
            }
        }
        return answers;
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> value(List<String> request, String name) {
        for (String line : request) {
            int colon = line.indexOf(':');
            if (colon == name.length() && line.regionMatches(true, 0, name, 0, colon)) {
                return Optional.of(line.substring(colon + 1).stripLeading());
            }
        }
        return Optional.empty();
    }

    /** One session: Asterisk's order of checks, the script's answers. */
    private final class Peer {
        final Socket socket;
        final OutputStream out;
        volatile boolean loggedIn;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void serve() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1))) {
                writeText("Asterisk Call Manager/11.0.0\r\n");
                List<String> request = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        request.add(line);
                        continue;
                    }
                    if (!request.isEmpty()) {
                        answer(List.copyOf(request));
                        request.clear();
                    }
                }
            } catch (IOException e) {
                // the session ended
            } finally {
                peers.remove(this);
            }
        }

        private void answer(List<String> request) throws IOException {
            requests.add(request);
            String action = value(request, "Action").orElse("").toLowerCase(Locale.ROOT);
            String id = value(request, "ActionID").orElse("");
            if (action.equals("login")) {
                boolean md5 = value(request, "AuthType").orElse("").equalsIgnoreCase("md5");
                boolean ok = value(request, "Username").orElse("").equalsIgnoreCase(username) && (md5
                        ? value(request, "Key").orElse("").equals(md5Hex(CHALLENGE + secret))
                        : value(request, "Secret").orElse("").equals(secret));
                if (!ok) {
                    write(List.of(response("Error", id, "Message: Authentication failed")));
                    socket.close();
                    return;
                }
                loggedIn = true;
                write(List.of(response("Success", id, "Message: Authentication accepted"),
                        List.of("Event: FullyBooted", "Privilege: system,all", "Uptime: 92", "LastReload: 92",
                                "Status: Fully Booted")));
                return;
            }
            if (!loggedIn && !action.equals("challenge") && !action.equals("logoff")) {
                write(List.of(response("Error", id, "Message: Permission denied")));
                return;
            }
            List<List<String>> scripted = script.get(action);
            if (scripted == null) {
                write(List.of(response("Error", id, "Message: Invalid/unknown command: " + value(request, "Action").orElse("")
                        + ". Use Action: ListCommands to show available commands.")));
                return;
            }
            List<List<String>> answer = new ArrayList<>();
            for (List<String> message : scripted) {
                List<String> lines = new ArrayList<>();
                for (String l : message) {
                    if (l.equals("{ActionID}")) {
                        if (!id.isEmpty()) {
                            lines.add("ActionID: " + id);
                        }
                    } else {
                        lines.add(l.replace("{Challenge}", CHALLENGE));
                    }
                }
                answer.add(lines);
            }
            if (action.equals("originate") && value(request, "Async").orElse("").equalsIgnoreCase("true")) {
                answer.add(List.of("Event: OriginateResponse", "Privilege: call,all", "ActionID: " + id,
                        "Response: Failure", "Channel: " + value(request, "Channel").orElse(""), "Context: default",
                        "Exten: 100", "Application: ", "Data: ", "Reason: 0", "Uniqueid: <null>",
                        "CallerIDNum: <unknown>", "CallerIDName: <unknown>"));
            }
            write(answer);
            if (action.equals("logoff")) {
                socket.close();
            }
        }

        private List<String> response(String response, String id, String message) {
            List<String> lines = new ArrayList<>();
            lines.add("Response: " + response);
            if (!id.isEmpty()) {
                lines.add("ActionID: " + id);
            }
            lines.add(message);
            return lines;
        }

        void write(List<List<String>> messages) {
            StringBuilder sb = new StringBuilder();
            for (List<String> m : messages) {
                m.forEach(l -> sb.append(l).append("\r\n"));
                sb.append("\r\n");
            }
            try {
                writeText(sb.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private synchronized void writeText(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
