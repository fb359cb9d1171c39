package dev.ami.server.upstream;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Upstream;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.connector.UpstreamStatus.State;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ami's session with one upstream, kept up for as long as the upstream is configured: each attempt
 * is an {@link UpstreamSession}; when one fails or a session is lost, the next attempt follows after
 * a backoff ({@link UpstreamTiming#backoff}). Everything but {@link #send}, {@link #status} and the
 * lookups runs on one event loop. Logs a line when the session is up, when it is lost and when the
 * reason attempts fail changes, never once per attempt.
 */
public final class UpstreamConnection implements UpstreamChannel {

    private static final Logger LOG = Logger.getLogger(UpstreamConnection.class.getName());
    private static final UpstreamCommands NO_COMMANDS = new UpstreamCommands(Map.of());

    private final Upstream settings;
    private final EventLoop loop;
    private final UpstreamTraffic traffic;
    private final UpstreamTiming timing;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Executor lookups;
    private final UpstreamSession.Listener listener = new SessionListener();

    private volatile UpstreamSession session;
    private volatile UpstreamCommands commands = NO_COMMANDS;
    private volatile State state = State.CONNECTING;
    private volatile Instant since;
    private volatile String lastError;
    private volatile String greeting;
    private volatile Instant nextAttempt;
    private volatile long logins;
    private volatile long failures;
    private volatile long eventsReceived;
    private volatile long lagMicros = -1;
    private final AtomicLong actionsForwarded = new AtomicLong();

    // on the loop only
    private boolean closed;
    private int failuresInARow;
    private ScheduledFuture<?> retry;
    private String loggedProblem;

    /**
     * @param settings the upstream
     * @param loop     the event loop the connection lives on
     * @param traffic  what its messages go to
     * @param timing   keep-alive, timeouts and backoff
     * @param clock    for the times the status reports
     * @param random   numbers in [0, 1) for the backoff's jitter
     * @param lookups  where a host name is looked up: the lookup blocks, so not on an event loop
     */
    public UpstreamConnection(Upstream settings, EventLoop loop, UpstreamTraffic traffic, UpstreamTiming timing,
            Clock clock, DoubleSupplier random, Executor lookups) {
        this.settings = settings;
        this.loop = loop;
        this.traffic = traffic;
        this.timing = timing;
        this.clock = clock;
        this.random = random;
        this.lookups = lookups;
        this.since = clock.instant();
    }

    /** Starts the first attempt; returns at once. */
    public void start() {
        loop.execute(this::attempt);
    }

    /**
     * Ends the session (with a Logoff when logged in) and stops reconnecting; returns at once. The
     * traffic hears {@code disconnected} when a session was up.
     */
    public void close() {
        loop.execute(() -> {
            closed = true;
            if (retry != null) {
                retry.cancel(false);
                retry = null;
            }
            nextAttempt = null;
            UpstreamSession current = session;
            if (current != null) {
                current.close("ami closed the session");
            }
        });
    }

    @Override
    public Upstream settings() {
        return settings;
    }

    @Override
    public Optional<Authority> actionClasses(String action) {
        return commands.of(action);
    }

    @Override
    public boolean send(List<String> lines) {
        UpstreamSession current = session;
        if (current == null || !current.send(lines)) {
            return false;
        }
        actionsForwarded.incrementAndGet();
        return true;
    }

    /** @return true while logged in with the actions known */
    public boolean isConnected() {
        UpstreamSession current = session;
        return current != null && current.isLoggedIn() && state == State.CONNECTED;
    }

    /** @return how the connection stands now */
    public UpstreamStatus status() {
        return new UpstreamStatus(settings.name(), settings.address(), state, since, lastError, greeting, nextAttempt,
                logins, failures, eventsReceived, actionsForwarded.get(), traffic.pending(settings.name()), lagMicros);
    }

    private void attempt() {
        retry = null;
        if (closed) {
            return;
        }
        nextAttempt = null;
        enter(State.CONNECTING);
        UpstreamSession attempt = new UpstreamSession(settings, timing, listener);
        session = attempt;
        SslContext tls;
        try {
            tls = settings.tls() ? UpstreamTls.context(settings) : null;
        } catch (IllegalArgumentException e) {
            listener.ended(attempt, "TLS: " + e.getMessage());
            return;
        }
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(settings.host());
        if (literal != null) {
            connect(attempt, tls, new InetSocketAddress(settings.host(), settings.port()));
            return;
        }
        try {
            lookups.execute(() -> {
                InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
                loop.execute(() -> connect(attempt, tls, address));
            });
        } catch (RuntimeException e) { // no thread for it now: a failed attempt, tried again later
            listener.ended(attempt, "cannot look up " + settings.host() + ": " + e);
        }
    }

    /** Connects to the address looked up, unless the attempt ended meanwhile (closed). On the loop. */
    private void connect(UpstreamSession attempt, SslContext tls, InetSocketAddress address) {
        if (attempt != session) {
            return;
        }
        if (address.isUnresolved()) {
            attempt.connectFailed(new UnknownHostException("unknown host " + settings.host()));
            return;
        }
        ChannelFuture connect = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                // looked up already, off the loop: Netty's default resolver would block the loop
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timing.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (tls != null) {
                            channel.pipeline().addLast(UpstreamTls.handler(tls, settings, channel.alloc()));
                        }
                        channel.pipeline().addLast(new UpstreamFrameDecoder(), attempt);
                    }
                })
                .connect(address);
        attempt.attach(connect.channel());
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                attempt.connectFailed(done.cause());
            }
        });
    }

    private static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private void enter(State next) {
        if (state != next) {
            state = next;
            since = clock.instant();
        }
    }

    /** Called by the attempt under way, on the loop. */
    private final class SessionListener implements UpstreamSession.Listener {

        @Override
        public void greeted(UpstreamSession attempt, String line) {
            if (attempt == session) {
                greeting = line;
            }
        }

        @Override
        public void loggedIn(UpstreamSession attempt, UpstreamCommands listed) {
            if (attempt != session || closed) {
                return;
            }
            commands = listed;
            failuresInARow = 0;
            logins++;
            loggedProblem = null;
            enter(State.CONNECTED);
            LOG.info(() -> "Upstream " + settings.name() + " connected: logged in at " + settings.address() + " as "
                    + settings.username() + " (" + greeting + ", " + listed.classes().size() + " actions)");
            traffic.connected(UpstreamConnection.this);
        }

        @Override
        public void received(UpstreamSession attempt, UpstreamMessage message) {
            if (attempt != session) {
                return;
            }
            if (message.isBroadcastEvent()) {
                eventsReceived++;
            }
            traffic.received(UpstreamConnection.this, message);
        }

        @Override
        public void lag(UpstreamSession attempt, long micros) {
            if (attempt == session) {
                lagMicros = micros;
            }
        }

        @Override
        public void ended(UpstreamSession attempt, String why) {
            if (attempt != session) {
                return;
            }
            session = null;
            commands = NO_COMMANDS;
            lastError = why;
            boolean wasConnected = state == State.CONNECTED;
            if (wasConnected) {
                failuresInARow = 1; // a lost session: the shortest wait first
                if (closed) {
                    LOG.info(() -> "Upstream " + settings.name() + " at " + settings.address() + ": " + why);
                } else {
                    LOG.warning(() -> "Upstream " + settings.name() + " lost at " + settings.address() + ": " + why
                            + "; reconnecting");
                }
                traffic.disconnected(UpstreamConnection.this, why);
            } else if (!closed) {
                failures++;
                failuresInARow++;
                if (!why.equals(loggedProblem)) {
                    loggedProblem = why;
                    LOG.warning(() -> "Upstream " + settings.name() + " (" + settings.address() + ", user "
                            + settings.username() + "): " + why + "; trying again with a backoff of "
                            + text(timing.minBackoff()) + " to " + text(timing.maxBackoff()));
                }
            }
            if (closed) {
                return;
            }
            Duration wait = timing.backoff(failuresInARow, random.getAsDouble());
            nextAttempt = clock.instant().plus(wait);
            enter(State.RETRYING);
            LOG.log(Level.FINE, () -> "Upstream " + settings.name() + ": next attempt in " + wait.toMillis() + " ms");
            retry = loop.schedule(UpstreamConnection.this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
