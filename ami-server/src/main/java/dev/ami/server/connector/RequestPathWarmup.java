package dev.ami.server.connector;

import dev.ami.api.acl.AccessList;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.server.action.ActionRegistry;
import dev.ami.server.session.ConfigurationReloader;
import dev.ami.server.session.ConnectorContext;
import dev.ami.server.tcp.AmiChannelInitializer;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs Pings through the real request path as soon as the AMI port first opens, so that the
 * first clients are not the ones who pay for the JIT: on a just-started server the first tens of
 * thousands of requests ran in the interpreter and in the first compiled tiers, and the compiler
 * threads took the cores the answers needed.
 *
 * <p>The path is the real one, end to end: a loopback connection through the event loops, the
 * socket reads and writes, the pipeline of {@link AmiChannelInitializer}, a Login and the
 * dispatcher and encoder for each Ping. It runs against a connector context of its own (its own
 * sessions, counters, router and login throttle), with one account whose secret is random and
 * never leaves this object, on a listener bound to an ephemeral loopback port that closes when it
 * is done: nothing of it shows in the live sessions, the counters, the events or the log, and
 * nobody else can log in to it.
 *
 * <p>Bounded by a number of requests and by a time, whichever comes first; a failure is logged
 * and the start goes on (the warm-up only makes the first requests faster).
 */
final class RequestPathWarmup {

    /** Pings by default; the system property {@value #REQUESTS_PROPERTY} changes it (0: none). */
    static final int DEFAULT_REQUESTS = 20_000;
    static final String REQUESTS_PROPERTY = "ami.warmup.requests";
    /**
     * The longest it runs: nothing waits for it, but it shares the loops with the first clients.
     * With other builds sharing the two cores, 20,000 took 1.2 s, while the rest of the deployment
     * still ran.
     */
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    /** The most Pings written at once: one turn of the session's requests (AmiSessionHandler). */
    static final int BATCH = 64;

    private static final Logger LOG = Logger.getLogger(RequestPathWarmup.class.getName());
    private static final String USER = "ami-warmup";

    private final int requests;
    private final Duration timeLimit;

    RequestPathWarmup(int requests, Duration timeLimit) {
        this.requests = requests;
        this.timeLimit = timeLimit;
    }

    /** @return the warm-up the system property asks for (the default when unset or unreadable) */
    static RequestPathWarmup configured() {
        int requests = DEFAULT_REQUESTS;
        String value = System.getProperty(REQUESTS_PROPERTY);
        if (value != null) {
            try {
                requests = Math.max(0, Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                LOG.warning(() -> REQUESTS_PROPERTY + " is not a number: " + value + "; using " + DEFAULT_REQUESTS);
            }
        }
        return new RequestPathWarmup(requests, TIME_LIMIT);
    }

    /**
     * Runs the warm-up on the given loops, blocking the calling thread (never an event loop of
     * {@code group}); returns when it is done (or failed, or ran out of time).
     *
     * @param group     the event loops the real listener uses
     * @param actions   the actions sessions may run
     * @param general   the real settings (their limits apply to the warm-up connection too)
     * @param listen    binds a listener with the real listener's options on the given address
     * @param reloader  what a Reload would call (never called here)
     * @return how many Pings were answered
     */
    int run(EventLoopGroup group, ActionRegistry actions, GeneralSettings general, Listen listen,
            ConfigurationReloader reloader) {
        if (requests == 0) {
            return 0;
        }
        long start = System.nanoTime();
        String secret = randomSecret();
        Account account = new Account(USER, secret, Authority.NONE, Authority.NONE, AccessList.ALLOW_ALL, true,
                false, Account.DEFAULT_WRITE_TIMEOUT, List.of());
        GeneralSettings settings = general.toBuilder().displayConnects(false).debug(false).build();
        ConnectorContext context = new ConnectorContext(new ManagerConfiguration(settings, List.of(account)),
                Clock.systemDefaultZone(), reloader);
        Channel listener = null;
        int answered = 0;
        try {
            listener = listen.bind(new AmiChannelInitializer(context, actions, "TCP"),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            answered = pings((InetSocketAddress) listener.localAddress(), secret, start + timeLimit.toNanos());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "AMI request path warm-up ended early", e);
        } finally {
            if (listener != null) {
                listener.close().syncUninterruptibly();
            }
            context.sessions().all().forEach(session -> session.close());
        }
        int done = answered;
        LOG.info(() -> "AMI request path warmed up: " + done + " Pings in "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
        return answered;
    }

    /** Binds a listener as the real one is bound. */
    @FunctionalInterface
    interface Listen {
        Channel bind(AmiChannelInitializer initializer, InetSocketAddress address);
    }

    private int pings(InetSocketAddress address, String secret, long deadline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            int limit = (int) Math.max(1, timeLimit.toMillis());
            socket.connect(address, limit);
            // a read waits at most the whole limit: a stall of the server (a long pause while the
            // rest of the deployment runs) ends the warm-up only if it outlasts it
            socket.setSoTimeout(limit);
            OutputStream out = socket.getOutputStream();
            Replies replies = new Replies(socket.getInputStream());
            replies.greeting();
            out.write(("Action: Login\r\nUsername: " + USER + "\r\nSecret: " + secret + "\r\nEvents: off\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            replies.await(1);
            // Pipelined in batches of 1 to BATCH: the per-request code (framing, dispatch, the Ping,
            // encoding) gets its compiled forms in a fraction of the round trips, and the per-read
            // code (socket read, turn, flush, write) runs once per batch
            int answered = 0;
            int batch = 1;
            StringBuilder requests = new StringBuilder();
            while (answered < this.requests && System.nanoTime() < deadline) {
                int n = Math.min(batch, this.requests - answered);
                requests.setLength(0);
                for (int i = 0; i < n; i++) {
                    requests.append("Action: Ping\r\nActionID: ").append(answered + i).append("\r\n\r\n");
                }
                out.write(requests.toString().getBytes(StandardCharsets.ISO_8859_1));
                replies.await(n);
                answered += n;
                batch = batch == BATCH ? 1 : batch + 1;
            }
            out.write("Action: Logoff\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            replies.await(1);
            return answered;
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Counts answers by their empty last line; their content does not matter here. */
    private static final class Replies {
        private final InputStream in;
        private final byte[] buffer = new byte[16384];
        /** How many of CR LF CR LF the bytes read so far end with. */
        private int matched;

        Replies(InputStream in) {
            this.in = in;
        }

        void greeting() throws IOException {
            // the greeting is one line; the first answer's end is what the Login's await looks for
            while (matched < 2) {
                int n = read();
                for (int i = 0; i < n && matched < 2; i++) {
                    matched = buffer[i] == (matched == 0 ? '\r' : '\n') ? matched + 1 : buffer[i] == '\r' ? 1 : 0;
                }
            }
            matched = 0;
        }

        void await(int answers) throws IOException {
            int seen = 0;
            while (seen < answers) {
                int n = read();
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    boolean next = b == ((matched & 1) == 0 ? '\r' : '\n');
                    matched = next ? matched + 1 : b == '\r' ? 1 : 0;
                    if (matched == 4) {
                        seen++;
                        matched = 0;
                    }
                }
            }
        }

        private int read() throws IOException {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the warm-up connection closed");
            }
            return n;
        }
    }
}
