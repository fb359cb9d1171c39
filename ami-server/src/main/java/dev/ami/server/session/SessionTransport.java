package dev.ami.server.session;

import dev.ami.api.connector.SessionThread;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.routing.OutboundEvent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * How an {@link AmiSession} reaches its client: a TCP or TLS connection (the Netty channel of
 * {@code dev.ami.server.tcp}), or HTTP requests. The session owns what AMI defines (login,
 * authority, filters, events, WaitEvent); the transport owns bytes, threads and the connection.
 *
 * <p>Every session runs on one thread at a time, the transport's: {@link #execute} and
 * {@link #schedule} run their work there, and the session's state is changed only there.
 */
public interface SessionTransport {

    /** The {@link #name()} of a session carried by HTTP requests. */
    String HTTP = "HTTP";

    /** @return {@code TCP}, {@code TLS} or {@code HTTP}, as security events and the CLI name it */
    String name();

    /**
     * @return the transport as security events name it in their addresses ({@code IPV4/TCP/...}):
     *         Asterisk names an HTTP manager session's connection TCP (TLS over HTTPS)
     */
    default String addressTransport() {
        return name();
    }

    /** @return the server's end of the connection */
    InetSocketAddress localAddress();

    /** @return the client's end of the connection */
    InetSocketAddress remoteAddress();

    /** @return true if the client came in on a listener bound to an IPv6 address (such as {@code ::}) */
    boolean onIpv6Listener();

    /** @return true while the client can still be written to */
    boolean isOpen();

    /** @return true if events may be written now; queued events wait (and are counted) otherwise */
    boolean isWritable();

    /** @return true once the session is being closed; no further request is run */
    boolean isClosing();

    /** Writes a message to the client. Safe from any thread. */
    void send(ManagerMessage message);

    /** Writes a routed event without flushing. On the session's thread. */
    void write(OutboundEvent event);

    /** Sends what was written. On the session's thread. */
    void flush();

    /**
     * Runs work on the session's thread; what it writes goes out at its end, and a failure ends
     * the session.
     */
    void execute(Runnable work);

    /** Runs work on the session's thread after a delay, as {@link #execute} does. */
    SessionThread.Timer schedule(Runnable work, Duration delay);

    /**
     * Holds the session's further requests until a slow piece of work (one that must not run on
     * the session's thread, such as re-reading the configuration) is done, then runs {@code then}
     * on the session's thread: requests are answered in order, as Asterisk's one thread per session
     * does.
     *
     * @param stage the work
     * @param then  what to do with its result (or failure)
     */
    <T> void await(CompletionStage<T> stage, BiConsumer<T, Throwable> then);

    /**
     * @return true if a session's events are on from login (TCP: Asterisk's {@code send_events = -1});
     *         false for HTTP, whose sessions start with events off ({@code send_events = 0}, so the
     *         login answer carries no FullyBooted) and still keep the events their account may read
     *         for the next WaitEvent, which turns them on (main/manager.c, generic_http_callback and
     *         action_waitevent)
     */
    default boolean eventsOnAtLogin() {
        return true;
    }

    /**
     * @return true if the client collects its events by asking (HTTP's WaitEvent) rather than
     *         having them written to it: a full queue then forgets its oldest event, as Asterisk's
     *         shared event list forgets events that no session read in time (main/manager.c,
     *         purge_events), instead of ending the session as a reader that fell behind
     */
    default boolean polled() {
        return false;
    }

    /**
     * Bounds a WaitEvent before it starts. Over TCP it waits as asked; an HTTP session caps it at
     * its remaining lifetime less 10 s, since the client would give up on a silent request, and
     * records events even if the session turned them off (main/manager.c, action_waitevent).
     *
     * @param session          the session that waits
     * @param requestedSeconds the Timeout asked for: -1 without limit, 0 not at all
     * @return the timeout to use
     */
    default int boundWaitEvent(AmiSession session, int requestedSeconds) {
        return requestedSeconds;
    }

    /**
     * @return the requests of this session being answered or waiting to be, as {@code manager show
     *         connected} lists them (HttpCnt, Asterisk's {@code inuse}); 0 for a TCP session. Safe from any thread.
     */
    default int requestsInProgress() {
        return 0;
    }

    /** @param millis the account's writetimeout, applied from now on */
    void setWriteTimeout(long millis);

    /**
     * The server is stopping (the connector's stop sequence): read nothing more, answer what was
     * received (a request whose work is under way gets its own answer, the dispatcher answers the
     * rest {@code Asterisk is shutting down}), write the events queued for the client, and close once
     * all that is written; close anyway, after running {@code atLimit}, if that has not happened
     * {@code limit} from now (a client that does not read, work that does not end). On the
     * session's thread.
     *
     * @param limit   how long the session may take
     * @param atLimit told, on the session's thread, if the limit closed the session
     */
    void closeWhenAnswered(Duration limit, Runnable atLimit);

    /** Closes without a further message. */
    void close();

    /** Writes a final message, then closes. */
    void sendAndClose(ManagerMessage message);

    /** Writes a final message after a delay, then closes, without holding a thread; nothing is read meanwhile. */
    void sendLaterAndClose(ManagerMessage message, Duration delay);
}
