package dev.ami.server.upstream;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Upstream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * One attempt at a session with an upstream, on the connection's event loop: it reads the greeting,
 * asks for a Challenge and logs in with the MD5 key when one is given (the plain secret when the
 * upstream refuses: main/manager.c, action_challenge and authenticate), asks for the actions it may
 * run (ListCommands), then keeps the session alive with a Ping and hands on every message that
 * does not answer one of its own requests. Its own requests carry ActionIDs starting
 * {@value #OWN_ID}, which no forwarded request carries.
 */
final class UpstreamSession extends SimpleChannelInboundHandler<UpstreamFrame> {

    /** The ActionIDs of the session's own requests start so. */
    static final String OWN_ID = "ami-own-";

    /** What happens to the session, on its event loop, each at most once but {@link #received}. */
    interface Listener {
        void greeted(UpstreamSession session, String greeting);

        void loggedIn(UpstreamSession session, UpstreamCommands commands);

        void received(UpstreamSession session, UpstreamMessage message);

        void lag(UpstreamSession session, long micros);

        void ended(UpstreamSession session, String why);
    }

    private enum Phase { GREETING, CHALLENGE, LOGIN, LIST, LOGGED_IN }

    private static final int CRLF = ('\r' << 8) | '\n';

    private final Upstream settings;
    private final UpstreamTiming timing;
    private final Listener listener;
    private final Map<String, Consumer<UpstreamMessage>> own = new HashMap<>();
    /** Messages between the Login's answer and ListCommands' (FullyBooted...): handed on once logged in. */
    private final List<UpstreamMessage> early = new ArrayList<>();
    private volatile Channel channel;
    private volatile Phase phase = Phase.GREETING;
    private long lastId;
    private String why;
    private volatile boolean ended;
    private ScheduledFuture<?> loginTimer;
    private ScheduledFuture<?> keepAlive;
    /** When the outstanding keep-alive Ping went out (System.nanoTime), or -1 when none is outstanding. */
    private long pingSent = -1;

    UpstreamSession(Upstream settings, UpstreamTiming timing, Listener listener) {
        this.settings = settings;
        this.timing = timing;
        this.listener = listener;
    }

    /** @return true once logged in and the actions are known, until the session ends */
    boolean isLoggedIn() {
        return phase == Phase.LOGGED_IN && !ended;
    }

    /** @param connecting the channel being connected, before it is active: closing the session closes it */
    void attach(Channel connecting) {
        channel = connecting;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (ended) {
            ctx.close();
            return;
        }
        loginTimer = ctx.executor().schedule(() -> fail("no login within " + timing.loginTimeout().toSeconds() + " s"),
                timing.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(why != null ? why : "the upstream closed the connection");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        boolean tls = false;
        for (Throwable t = cause; t != null && !tls; t = t.getCause() == t ? null : t.getCause()) {
            tls = t instanceof SSLException;
        }
        fail(tls ? "TLS with " + settings.address() + " failed: " + reason(cause) : reason(cause));
    }

    /** The TCP connect (or the TLS context) failed: the channel never became active. */
    void connectFailed(Throwable cause) {
        end(why != null ? why : "cannot connect to " + settings.address() + ": " + reason(cause));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, UpstreamFrame frame) {
        if (why != null) {
            return; // ending: what was read behind the reason is not handed on
        }
        if (frame instanceof UpstreamFrame.Message message) {
            received(message.message());
        } else if (frame instanceof UpstreamFrame.Greeting greeting) {
            greeted(greeting.line());
        } else if (frame instanceof UpstreamFrame.TooLong tooLong) {
            fail(tooLong.reason());
        }
    }

    private void greeted(String line) {
        listener.greeted(this, line);
        if (!line.startsWith("Asterisk Call Manager/")) {
            fail("not an AMI server: it greeted with '" + line + "'");
            return;
        }
        phase = Phase.CHALLENGE;
        request(List.of("Action: Challenge", "AuthType: MD5"), this::challenged);
    }

    private void received(UpstreamMessage message) {
        // only answers: an event may carry any ActionID (a UserEvent copies the one its sender gave)
        if (message.isResponse() && message.value("ActionID").orElse("").startsWith(OWN_ID)) {
            Consumer<UpstreamMessage> answer = own.remove(message.value("ActionID").orElseThrow());
            if (answer != null) {
                answer.accept(message);
            }
            return;
        }
        switch (phase) {
            case LOGGED_IN -> listener.received(this, message);
            case LIST -> early.add(message);
            default -> { } // before the login nothing is forwarded, and an upstream sends nothing unasked
        }
    }

    private void challenged(UpstreamMessage answer) {
        phase = Phase.LOGIN;
        String challenge = answer.value("Challenge").orElse("");
        List<String> login = new ArrayList<>(List.of("Action: Login", "Username: " + settings.username()));
        if (isSuccess(answer) && !challenge.isEmpty()) {
            login.add("AuthType: MD5");
            login.add("Key: " + md5Hex(challenge + settings.secret()));
        } else {
            login.add("Secret: " + settings.secret());
        }
        login.add("Events: " + eventsHeader(settings.events()));
        request(login, this::loginAnswered);
    }

    private void loginAnswered(UpstreamMessage answer) {
        if (!isSuccess(answer)) {
            fail("login refused: " + answer.value("Message").orElse("no reason given"));
            return;
        }
        phase = Phase.LIST;
        request(List.of("Action: ListCommands"), this::listed);
    }

    private void listed(UpstreamMessage answer) {
        phase = Phase.LOGGED_IN;
        loginTimer.cancel(false);
        listener.loggedIn(this, UpstreamCommands.parse(answer));
        for (UpstreamMessage message : early) {
            if (ended) {
                return;
            }
            listener.received(this, message);
        }
        early.clear();
        long every = timing.ping().toMillis();
        keepAlive = channel.eventLoop().scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    private void keepAlive() {
        if (pingSent >= 0) {
            fail("no answer to Ping within " + timing.ping().toMillis() + " ms");
            return;
        }
        pingSent = System.nanoTime();
        request(List.of("Action: Ping"), pong -> {
            long micros = (System.nanoTime() - pingSent) / 1000;
            pingSent = -1;
            listener.lag(this, micros);
        });
    }

    private void request(List<String> lines, Consumer<UpstreamMessage> answer) {
        String id = OWN_ID + ++lastId;
        own.put(id, answer);
        List<String> request = new ArrayList<>(lines);
        request.add("ActionID: " + id);
        write(request);
    }

    /**
     * Writes a request; safe from any thread.
     *
     * @param lines its lines, the blank line is added
     * @return false when the session is not logged in (nothing written)
     */
    boolean send(List<String> lines) {
        Channel open = channel;
        if (!isLoggedIn() || open == null || !open.isActive()) {
            return false;
        }
        write(lines);
        return true;
    }

    private void write(List<String> lines) {
        Channel open = channel;
        int size = 2;
        for (String line : lines) {
            size += line.length() + 2;
        }
        ByteBuf buffer = open.alloc().buffer(size);
        for (String line : lines) {
            buffer.writeCharSequence(line, StandardCharsets.ISO_8859_1);
            buffer.writeShort(CRLF);
        }
        buffer.writeShort(CRLF);
        open.writeAndFlush(buffer, open.voidPromise());
    }

    /** Ends the session for ami: a Logoff when logged in, then the connection closes. On the event loop. */
    void close(String reason) {
        if (why == null) {
            why = reason;
        }
        Channel open = channel;
        if (open == null) {
            end(reason);
            return;
        }
        if (!open.isActive()) {
            open.close(); // still connecting: the connect fails and ends the session
            end(reason);
        } else if (isLoggedIn()) {
            request(List.of("Action: Logoff"), answer -> { });
            open.writeAndFlush(open.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
        } else {
            open.close();
        }
    }

    private void fail(String reason) {
        if (why == null) {
            why = reason;
        }
        Channel open = channel;
        if (open != null) {
            open.close();
        } else {
            end(reason);
        }
    }

    private void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        if (loginTimer != null) {
            loginTimer.cancel(false);
        }
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        own.clear();
        early.clear();
        listener.ended(this, reason);
    }

    private static boolean isSuccess(UpstreamMessage answer) {
        return answer.value("Response").orElse("").equalsIgnoreCase("Success");
    }

    /**
     * The Login's {@code Events:} header. Asterisk reads it as an event mask (main/manager.c,
     * strings_to_mask): {@code on} is every class and {@code off} none; a list names classes, and
     * {@code all} in a list would mean every class, so it is never written.
     */
    static String eventsHeader(Authority events) {
        if (events.bits() == Authority.ALL.bits()) {
            return "on";
        }
        StringJoiner names = new StringJoiner(",");
        for (AuthorityClass c : AuthorityClass.values()) {
            if (c != AuthorityClass.ALL && c != AuthorityClass.NONE && (events.bits() & c.bits()) == c.bits()) {
                names.add(c.label());
            }
        }
        return names.length() == 0 ? "off" : names.toString();
    }

    /** The Login key: lowercase hex of MD5 over the challenge and then the secret (main/manager.c, authenticate). */
    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
