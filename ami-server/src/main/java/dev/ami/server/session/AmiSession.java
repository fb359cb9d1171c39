package dev.ami.server.session;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.filter.EventFilter;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.event.security.SecurityPeer;
import dev.ami.api.net.Addresses;
import dev.ami.server.routing.OutboundEvent;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The state of one AMI connection. It is changed only on its channel's event loop; the fields
 * other threads read when routing events are volatile.
 */
public final class AmiSession {

    private static final SecureRandom CHALLENGES = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(AmiSession.class.getName());

    private final Channel channel;
    private final String id;
    private final Instant createdAt;
    private final String transport;
    private volatile Account account;
    private volatile Instant loggedInAt;
    private volatile String loginName = "";
    private volatile Authority eventMask = Authority.NONE;
    private String challenge;
    private boolean closing;
    private PendingWait wait;
    private boolean busy;
    /** While the handler runs a turn of requests, replies are written and flushed once at its end. */
    private boolean flushDeferred;
    private boolean unflushed;
    private Runnable onIdle = () -> { };
    /** authtimeout; cancelled at login and close so a finished connection is not held on the heap until it fires. */
    private ScheduledFuture<?> authTimer;
    /** Replaced, never changed in place: the routing threads read it. */
    private volatile List<EventFilter> filters = List.of();
    private final EventOutbox outbox;

    public AmiSession(Channel channel, Instant createdAt, String transport) {
        this.channel = channel;
        this.createdAt = createdAt;
        this.transport = transport;
        this.id = "0x" + Long.toHexString(ThreadLocalRandom.current().nextLong(0x100000000L, 0x800000000000L));
        this.outbox = new EventOutbox(channel, this::emit, this::overflowed);
    }

    /** @return an opaque id, printed like Asterisk's session pointer */
    public String id() {
        return id;
    }

    /** @return the connection (for the connector's own bookkeeping and tests) */
    Channel channel() {
        return channel;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** @return the account name as the client typed it at login; empty before login */
    public String loginName() {
        return loginName;
    }

    /** @return when the session logged in; Asterisk's security events call it SessionTV (epoch before login) */
    public Instant loggedInAt() {
        return loggedInAt == null ? Instant.EPOCH : loggedInAt;
    }

    /** @return {@code TCP} or {@code TLS} */
    public String transport() {
        return transport;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    /** @return the client address as Asterisk logs it: address only, IPv4-mapped shown as IPv4, IPv6 shortest */
    public String remoteHost() {
        InetSocketAddress remote = remoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        return address == null ? "unknown" : Addresses.text(address);
    }

    /** @return true if the connection was accepted by a listener bound to an IPv6 address (such as {@code ::}) */
    public boolean onIpv6Listener() {
        Channel listener = channel.parent();
        return listener != null && listener.localAddress() instanceof InetSocketAddress bound
                && bound.getAddress() instanceof Inet6Address;
    }

    /** @return this session as its security events name it (SessionTV: the login time, the epoch before) */
    public SecurityPeer securityPeer() {
        boolean v6Listener = onIpv6Listener();
        return new SecurityPeer("AMI", id, SecurityPeer.address(localAddress(), transport, v6Listener),
                SecurityPeer.address(remoteAddress(), transport, v6Listener), loggedInAt());
    }

    public boolean isAuthenticated() {
        return account != null;
    }

    /** @return the logged-in account, or null before login */
    public Account account() {
        return account;
    }

    /** @return the classes of events this session receives (empty before login) */
    public Authority eventMask() {
        return eventMask;
    }

    /** Changes the classes of events this session receives (the Events action). */
    public void setEventMask(Authority mask) {
        this.eventMask = mask;
    }

    /**
     * Marks the session logged in.
     *
     * @param loggedIn  the account
     * @param typedName the account name as the client typed it (Asterisk keeps that spelling)
     * @param mask      the event classes the session receives
     * @param now       the time of the login
     */
    public void authenticate(Account loggedIn, String typedName, Authority mask, Instant now) {
        this.loginName = typedName;
        this.loggedInAt = now;
        this.eventMask = mask;
        filters = List.copyOf(loggedIn.eventFilters());
        this.account = loggedIn;
        cancelAuthTimeout();
        if (channel.pipeline().get(AmiChannelInitializer.WRITE_TIMEOUT) instanceof WriteStallGuard guard) {
            guard.setTimeoutMillis(loggedIn.writeTimeoutMillis());
        }
    }

    /** @return this session's MD5 challenge, made on first use and fixed for the session */
    public String challenge() {
        if (challenge == null) {
            challenge = Integer.toString(CHALLENGES.nextInt(1_000_000_000));
        }
        return challenge;
    }

    /** @return the challenge if one was issued, else null */
    public String issuedChallenge() {
        return challenge;
    }

    /** @return true once the session is being closed; no further request is run */
    public boolean isClosing() {
        return closing;
    }

    /**
     * Offers a routed event to this session: it is queued if the session is logged in, its event
     * set holds every class of the event (Asterisk's {@code (set & class) == class}) and its filters
     * pass it. Called on the routing thread; the write happens on the session's event loop.
     *
     * @param event the event, in the form sessions receive it
     */
    public void offer(OutboundEvent event) {
        if (!isAuthenticated() || !eventMask.containsAll(event.classes())) {
            return;
        }
        List<EventFilter> active = filters;
        if (!active.isEmpty() && !EventFilter.allows(active, event.name(), event.text())) {
            return;
        }
        outbox.offer(event);
    }

    /** Writes a queued event, or ends a pending WaitEvent with it. On the event loop. */
    private void emit(OutboundEvent event) {
        if (wait != null) {
            finishWait(event);
        } else {
            write(event);
        }
    }

    private void write(OutboundEvent event) {
        channel.write(event.writableView(), channel.voidPromise());
    }

    private void overflowed() {
        LOG.warning(() -> "AMI session " + loginName + "@" + remoteHost() + " closed: it did not read its events ("
                + EventOutbox.CAPACITY + " waiting, " + outbox.dropped() + " dropped)");
        close();
    }

    /** Writes queued events again once the connection takes bytes. On the event loop. */
    void writable() {
        outbox.drain();
    }

    /** Releases queued events when the connection is gone. On the event loop. */
    void closed() {
        cancelAuthTimeout();
        outbox.close();
    }

    /** Runs {@code onTimeout} after this time unless the session has logged in or closed by then (authtimeout). */
    void expireUnlessAuthenticated(Duration timeout, Runnable onTimeout) {
        authTimer = channel.eventLoop().schedule(() -> {
            if (!isAuthenticated() && channel.isActive()) {
                onTimeout.run();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelAuthTimeout() {
        if (authTimer != null) {
            authTimer.cancel(false);
            authTimer = null;
        }
    }

    /** @return this session's delivery figures */
    public SessionStatistics statistics() {
        InetSocketAddress remote = remoteAddress();
        return new SessionStatistics(id, loginName, remote == null ? "" : Addresses.text(remote.getAddress()) + ":"
                + remote.getPort(), transport, createdAt, outbox.queued(), outbox.delivered(), outbox.dropped(),
                outbox.pending(), outbox.maxLagMillis());
    }

    /**
     * Holds this session's further requests until a slow piece of work (one that must not run on
     * the event loop, such as re-reading the configuration) is done, then continues on the event
     * loop: requests are answered in order, as Asterisk's one thread per session does.
     *
     * @param stage the work
     * @param then  what to do with its result (or failure), on the event loop
     */
    public <T> void await(CompletionStage<T> stage, BiConsumer<T, Throwable> then) {
        busy = true;
        channel.config().setAutoRead(false);
        stage.whenComplete((value, failure) -> channel.eventLoop().execute(() -> {
            busy = false;
            inOneFlush(() -> then.accept(value, failure));
            onIdle.run(); // runs the requests that came meanwhile and resumes reading
        }));
    }

    /** @return true while a request's slow work is pending (see {@link #await}) */
    public boolean isBusy() {
        return busy;
    }

    /** @param whenIdle run on the event loop each time the session stops being busy */
    void setOnIdle(Runnable whenIdle) {
        this.onIdle = whenIdle;
    }

    /** Adds a filter for the rest of this session (the Filter action). Call on the event loop. */
    public void addFilter(EventFilter filter) {
        List<EventFilter> more = new ArrayList<>(filters);
        more.add(filter);
        filters = List.copyOf(more);
    }

    /**
     * Starts a WaitEvent: it ends at the next event for this session, when the client sends
     * anything, or after the timeout, whichever comes first. Call on the event loop.
     *
     * @param request        the WaitEvent request
     * @param timeoutSeconds 0 to return at once, -1 to wait without limit
     */
    public void startWait(ManagerAction request, int timeoutSeconds) {
        finishWait(null);
        wait = new PendingWait(request, timeoutSeconds > 0
                ? channel.eventLoop().schedule(() -> inOneFlush(() -> finishWait(null)), timeoutSeconds, TimeUnit.SECONDS)
                : null);
        if (timeoutSeconds == 0) {
            finishWait(null);
        }
    }

    /** Ends a pending WaitEvent, if any (the client sent something). */
    public void endWait() {
        finishWait(null);
    }

    /**
     * Ends a pending WaitEvent, if any, as Asterisk does: the response, then every pending event
     * (the one that ended the wait first), then WaitEventComplete.
     */
    private void finishWait(OutboundEvent event) {
        PendingWait done = wait;
        if (done == null) {
            return;
        }
        wait = null;
        if (done.timer() != null) {
            done.timer().cancel(false);
        }
        send(ManagerResponse.success(done.request()).message("Waiting for Event completed.").build());
        if (event != null) {
            write(event);
        }
        outbox.deliverAll(this::write);
        List<Header> complete = new ArrayList<>();
        complete.add(new Header("Event", "WaitEventComplete"));
        done.request().actionId().ifPresent(id -> complete.add(new Header("ActionID", id)));
        send(new ManagerMessage(complete));
    }

    private record PendingWait(ManagerAction request, ScheduledFuture<?> timer) {
    }

    /** Writes a message to the client. Safe from any thread. */
    public void send(ManagerMessage message) {
        if (!channel.isActive()) {
            return;
        }
        if (flushDeferred && channel.eventLoop().inEventLoop()) {
            channel.write(message, channel.voidPromise());
            unflushed = true;
        } else {
            channel.writeAndFlush(message, channel.voidPromise());
        }
    }

    /**
     * Runs work that replies outside a turn of requests (a slow request's answer, a WaitEvent's
     * timeout) with one flush at its end; a failure ends the session as one in the pipeline would.
     */
    private void inOneFlush(Runnable work) {
        deferFlushes();
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            channel.pipeline().fireExceptionCaught(e);
        } finally {
            flushDeferred();
        }
    }

    /** Closes once everything written so far has gone out (the client has shut down its side). */
    void closeAfterWrites() {
        closing = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** From now until {@link #flushDeferred()}, replies written on the event loop are not flushed one by one. */
    void deferFlushes() {
        flushDeferred = true;
    }

    /** Flushes the replies written since {@link #deferFlushes()}, in one go. */
    void flushDeferred() {
        flushDeferred = false;
        if (unflushed) {
            unflushed = false;
            channel.flush();
        }
    }

    /** Writes a final message, then closes the connection. */
    public void sendAndClose(ManagerMessage message) {
        closing = true;
        channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
    }

    /** Closes the connection without a further message (the listener is going away). */
    public void close() {
        closing = true;
        channel.close();
    }

    /**
     * Writes a final message after a delay, then closes, without holding a thread: the write is
     * scheduled on the channel's event loop and input is no longer read meanwhile.
     */
    public void sendLaterAndClose(ManagerMessage message, Duration delay) {
        closing = true;
        channel.config().setAutoRead(false);
        channel.eventLoop().schedule(() -> sendAndClose(message), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
