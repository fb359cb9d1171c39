package dev.ami.server.session;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.connector.SessionThread;
import dev.ami.api.event.security.SecurityPeer;
import dev.ami.api.filter.EventFilter;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.net.Addresses;
import dev.ami.server.routing.EventRecipient;
import dev.ami.server.routing.OutboundEvent;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * One AMI session, whatever carries it (a TCP or TLS connection, or HTTP requests): who it is, its
 * login, the events it receives (mask, filters, its bounded queue) and a pending WaitEvent. Bytes,
 * threads and the connection belong to its {@link SessionTransport}. It is changed only on the
 * transport's thread; the fields the routing threads read are volatile.
 */
public final class AmiSession implements EventRecipient {

    /** Events a session may have waiting before it is treated as a stalled client and closed. */
    public static final int MAX_QUEUED_EVENTS = EventOutbox.CAPACITY;

    /** How many filters the Filter action may add to one session, beyond its account's own. */
    public static final int MAX_ADDED_FILTERS = 256;

    private static final SecureRandom CHALLENGES = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(AmiSession.class.getName());

    private final SessionTransport transport;
    private final String id;
    private final Instant createdAt;
    private volatile Account account;
    private volatile Instant loggedInAt;
    private volatile String loginName = "";
    private volatile Authority eventMask = Authority.NONE;
    private String challenge;
    /** authtimeout; cancelled at login and close so a finished connection is not held on the heap until it fires. */
    private SessionThread.Timer authTimer;
    private volatile boolean overflowed;
    /** Replaced, never changed in place: the routing threads read it. */
    private volatile List<EventFilter> filters = List.of();
    private final EventOutbox outbox;
    private final WaitEventState wait;

    /**
     * @param transport what carries the session
     * @param createdAt when the client connected
     */
    public AmiSession(SessionTransport transport, Instant createdAt) {
        this.transport = transport;
        this.createdAt = createdAt;
        this.id = "0x" + Long.toHexString(ThreadLocalRandom.current().nextLong(0x100000000L, 0x800000000000L));
        this.outbox = new EventOutbox(transport, this::emit, this::closeOverflowed);
        this.wait = new WaitEventState(transport, outbox);
    }

    /** @return an opaque id, printed like Asterisk's session pointer */
    public String id() {
        return id;
    }

    /** @return what carries this session */
    public SessionTransport transport() {
        return transport;
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

    /** @return {@code TCP}, {@code TLS} or {@code HTTP} */
    public String transportName() {
        return transport.name();
    }

    public InetSocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    /** @return the client address as Asterisk logs it: address only, IPv4-mapped shown as IPv4, IPv6 shortest */
    public String remoteHost() {
        InetSocketAddress remote = remoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        return address == null ? "unknown" : Addresses.text(address);
    }

    /** @return this session as its security events name it (SessionTV: the login time, the epoch before) */
    public SecurityPeer securityPeer() {
        boolean v6Listener = transport.onIpv6Listener();
        String carrier = transport.addressTransport();
        return new SecurityPeer("AMI", id, SecurityPeer.address(transport.localAddress(), carrier, v6Listener),
                SecurityPeer.address(remoteAddress(), carrier, v6Listener), loggedInAt());
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
        transport.setWriteTimeout(loggedIn.writeTimeoutMillis());
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
        return transport.isClosing();
    }

    /**
     * Offers a routed event to this session: it is queued if the session is logged in, its event
     * set holds every class of the event (Asterisk's {@code (set & class) == class}) and its filters
     * pass it. Called on the routing thread; the write happens on the session's thread.
     *
     * @param event the event, in the form sessions receive it
     * @return true if it was queued
     */
    @Override
    public boolean offer(OutboundEvent event) {
        if (!isAuthenticated() || !receivingMask().containsAll(event.classes())) {
            return false;
        }
        if (event.upstream() != null && !account.mayUse(event.upstream())) {
            return false;
        }
        List<EventFilter> active = filters;
        if (!active.isEmpty() && !EventFilter.allows(active, event.name(), event.text())) {
            return false;
        }
        return outbox.offer(event);
    }

    /** Events off on an HTTP session still keep what the account may read, for the WaitEvent that turns them on. */
    private Authority receivingMask() {
        Authority mask = eventMask;
        return mask.isEmpty() && !transport.eventsOnAtLogin() ? account.read() : mask;
    }

    /** Writes a queued event, or ends a pending WaitEvent with it. On the session's thread. */
    private void emit(OutboundEvent event) {
        if (wait.isPending()) {
            wait.finish(event);
        } else {
            transport.write(event);
        }
    }

    /** @return true if this session was closed because it did not read its events */
    public boolean wasOverflowed() {
        return overflowed;
    }

    private void closeOverflowed() {
        overflowed = true;
        LOG.warning(() -> "AMI session " + loginName + "@" + remoteHost() + " closed: it did not read its events ("
                + EventOutbox.CAPACITY + " waiting, " + outbox.dropped() + " dropped)");
        close();
    }

    /** Writes queued events again once the transport takes bytes. On the session's thread. */
    public void resumeEvents() {
        outbox.drain();
    }

    /** Releases queued events when the connection is gone. On the session's thread. */
    public void closed() {
        cancelAuthTimeout();
        outbox.close();
    }

    /** Runs {@code onTimeout} after this time unless the session has logged in or closed by then (authtimeout). */
    public void expireUnlessAuthenticated(Duration timeout, Runnable onTimeout) {
        authTimer = transport.schedule(() -> {
            if (!isAuthenticated() && transport.isOpen()) {
                onTimeout.run();
            }
        }, timeout);
    }

    private void cancelAuthTimeout() {
        if (authTimer != null) {
            authTimer.cancel();
            authTimer = null;
        }
    }

    /** @return this session's delivery figures */
    public SessionStatistics statistics() {
        InetSocketAddress remote = remoteAddress();
        return new SessionStatistics(id, loginName, remote == null ? "" : hostAndPort(remote), transport.name(),
                createdAt, loggedInAt, outbox.queued(), outbox.delivered(), outbox.dropped(), outbox.pending(),
                outbox.maxLagMillis());
    }

    /** {@code 192.0.2.1:5038}, {@code [2001:db8::1]:5038}: an IPv6 address in brackets, so that its port stays apart. */
    private static String hostAndPort(InetSocketAddress remote) {
        InetAddress address = remote.getAddress();
        String host = Addresses.text(address);
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + remote.getPort();
    }

    /**
     * Ends the session for the administration, without a message: on its own thread, the transport
     * closes (TCP and TLS: the connection, what is still queued dropped; HTTP: the session is
     * forgotten and a pending WaitEvent answered). Safe from any thread; returns at once.
     */
    public void kick() {
        LOG.info(() -> "AMI session " + id + " (" + (loginName.isEmpty() ? "not logged in" : loginName) + "@"
                + remoteHost() + ", " + transportName() + ") ended by the administration");
        try {
            transport.execute(this::close);
        } catch (RejectedExecutionException e) {
            close(); // its thread has stopped: the connector is going away and ends the session anyway
        }
    }

    /** See {@link SessionTransport#await}. */
    public <T> void await(CompletionStage<T> stage, BiConsumer<T, Throwable> then) {
        transport.await(stage, then);
    }

    /**
     * Adds a filter for the rest of this session (the Filter action). On the session's thread.
     *
     * @return false if the session already has {@link #MAX_ADDED_FILTERS} filters added (nothing is added)
     */
    public boolean addFilter(EventFilter filter) {
        if (filters.size() - account.eventFilters().size() >= MAX_ADDED_FILTERS) {
            return false;
        }
        List<EventFilter> more = new ArrayList<>(filters);
        more.add(filter);
        filters = List.copyOf(more);
        return true;
    }

    /**
     * Starts a WaitEvent: it ends at the next event for this session, when the client sends
     * anything, or after the timeout, whichever comes first. On the session's thread.
     *
     * @param request        the WaitEvent request
     * @param timeoutSeconds 0 to return at once, -1 to wait without limit
     */
    public void startWait(ManagerAction request, int timeoutSeconds) {
        wait.start(request, transport.boundWaitEvent(this, timeoutSeconds));
        if (wait.isPending()) {
            // events queued before the wait (an HTTP session holds them between requests) end it at once
            outbox.drain();
        }
    }

    /** @return true while a WaitEvent waits for an event */
    public boolean isWaiting() {
        return wait.isPending();
    }

    /** Ends a pending WaitEvent, if any (the client sent something). */
    public void endWait() {
        wait.finish(null);
    }

    /**
     * The server is stopping and has routed its Shutdown event: a pending WaitEvent ends, as
     * Asterisk's ends at the next event whether or not the session may read it (main/manager.c,
     * action_waitevent), with the Shutdown event in its answer when the session may; then the
     * transport answers what the session has received and closes it within {@code limit} (see
     * {@link SessionTransport#closeWhenAnswered}). Safe from any thread.
     *
     * @param limit   how long the session may take
     * @param atLimit told if the limit closed the session
     */
    public void stop(Duration limit, Runnable atLimit) {
        // after the Shutdown event: routed first, it reaches the session's thread first
        transport.execute(() -> {
            endWait();
            transport.closeWhenAnswered(limit, atLimit);
        });
    }

    /** @return how many routed events wait to be written */
    public int pendingEvents() {
        return outbox.pending();
    }

    /** Writes a message to the client. Safe from any thread. */
    public void send(ManagerMessage message) {
        transport.send(message);
    }

    /** Writes a final message, then closes the connection. */
    public void sendAndClose(ManagerMessage message) {
        transport.sendAndClose(message);
    }

    /** Closes the connection without a further message (the listener is going away). */
    public void close() {
        transport.close();
    }

    /** Writes a final message after a delay, then closes, without holding a thread. */
    public void sendLaterAndClose(ManagerMessage message, Duration delay) {
        transport.sendLaterAndClose(message, delay);
    }
}
