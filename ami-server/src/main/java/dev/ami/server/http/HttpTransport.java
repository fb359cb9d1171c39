package dev.ami.server.http;

import dev.ami.api.connector.SessionThread;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.codec.AmiMessageEncoder;
import dev.ami.server.routing.OutboundEvent;
import dev.ami.server.session.AmiSession;
import dev.ami.server.session.SessionTransport;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session carried by HTTP requests (the cookie forms {@code /manager}, {@code /rawman},
 * {@code /mxml}, or the digest forms). The session outlives its requests: each request runs on the
 * session's thread (the web server's I/O thread that read the request which made the session, so
 * that a client keeping its connection is served on one thread) and its answer is the AMI text the
 * session wrote meanwhile, taken
 * once the request is done: at once for most actions, after the work a slow action awaits, one
 * second later for a failed login, or, for WaitEvent, when an event comes or its timeout ends. A
 * waiting request holds no thread. Events are never written into other answers: they stay queued
 * (counted as for TCP) until a WaitEvent collects them. Requests of one session are answered one
 * after the other; a new one ends a pending WaitEvent, as in Asterisk (main/manager.c,
 * action_waitevent and generic_http_callback).
 */
final class HttpTransport implements SessionTransport {

    /** Requests of one session that may wait behind the one being answered. */
    static final int MAX_WAITING_REQUESTS = 16;

    private static final Logger LOG = Logger.getLogger(HttpTransport.class.getName());

    private final int id;
    private final SessionThread thread;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final boolean ipv6Listener;
    private final boolean secure;
    private final Clock clock;
    private final Consumer<HttpTransport> onDestroy;
    private final Deque<Request> waiting = new ArrayDeque<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private AmiSession session;
    /** Volatile for the purge, which leaves a session alone while one of its requests is answered. */
    private volatile Exchange current;
    private boolean busy;
    private boolean answerDelayed;
    /** The server is stopping: the session ends once nothing of it is under way. */
    private boolean draining;
    private volatile boolean destroyed;
    private volatile Instant expiresAt;

    /**
     * @param id           the session id of the cookie
     * @param thread       the session's thread
     * @param local        the server's end of the request that made the session
     * @param remote       the client's end of that request
     * @param ipv6Listener true if that request came in on a listener bound to an IPv6 address
     * @param secure       true if that request came over HTTPS
     * @param clock        the time that lifetimes are measured in
     * @param onDestroy    told once, on the session's thread, when the session ends
     */
    HttpTransport(int id, SessionThread thread, InetSocketAddress local, InetSocketAddress remote, boolean ipv6Listener,
            boolean secure, Clock clock, Consumer<HttpTransport> onDestroy) {
        this.id = id;
        this.thread = thread;
        this.local = local;
        this.remote = remote;
        this.ipv6Listener = ipv6Listener;
        this.secure = secure;
        this.clock = clock;
        this.onDestroy = onDestroy;
        this.expiresAt = clock.instant();
    }

    /** @param carried the session this transport carries; set once, before the first request */
    void attach(AmiSession carried) {
        this.session = carried;
    }

    int id() {
        return id;
    }

    AmiSession session() {
        return session;
    }

    /**
     * Runs one request on the session's thread: at once when called there, so that an answer
     * ready at once is complete on return.
     *
     * @param request what the request does with the session (dispatch its action)
     * @return the AMI text written for it, once it is done; empty if the session ended before the
     *         request could run, or too many of its requests were waiting (the caller then answers
     *         from a new session or refuses)
     */
    CompletableFuture<Optional<String>> run(Consumer<AmiSession> request) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        inProgress.incrementAndGet();
        Request run = new Request(request, answer);
        if (thread.inThread()) {
            start(run);
        } else if (!onThread(() -> start(run))) {
            answer(answer, Optional.empty());
        }
        return answer;
    }

    private void start(Request request) {
        if (destroyed) {
            answer(request.answer(), Optional.empty());
            return;
        }
        if (current != null && session.isWaiting()) {
            session.endWait(); // a new request ends a pending WaitEvent, which answers its own request
            completeIfDone();
        }
        if (current == null) {
            begin(request);
            completeIfDone();
        } else if (waiting.size() < MAX_WAITING_REQUESTS) {
            waiting.add(request);
        } else {
            answer(request.answer(), Optional.empty());
        }
    }

    /** Answers a request: no longer in progress (HttpCnt) before anything its answer sets off runs. */
    private void answer(CompletableFuture<Optional<String>> answer, Optional<String> text) {
        inProgress.decrementAndGet();
        answer.complete(text);
    }

    private void begin(Request request) {
        current = new Exchange(new StringBuilder(), request.answer());
        guarded(() -> request.work().accept(session));
    }

    /** Runs work on the session's thread, then answers the current request if it is done. */
    private void inTurn(Runnable work) {
        guarded(work);
        completeIfDone();
    }

    /** A failure ends the session, as one in a TCP session's pipeline does; its request gets what was written. */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "HTTP manager session " + Integer.toHexString(id) + " ended by a failure", e);
            destroy();
        }
    }

    private void completeIfDone() {
        while (current != null && !busy && !answerDelayed && !session.isWaiting()) {
            Exchange done = current;
            current = null;
            Request next = waiting.poll();
            if (next != null && !destroyed) {
                begin(next);
            } else if (next != null) {
                answer(next.answer(), Optional.empty());
            }
            // last: what completing runs (the caller's next request, on this thread) finds the session settled
            answer(done.answer(), Optional.of(done.text().toString()));
        }
        if (draining && current == null && !destroyed) {
            destroy();
        }
        if (destroyed && current == null) {
            waiting.forEach(request -> answer(request.answer(), Optional.empty()));
            waiting.clear();
        }
    }

    /**
     * Sets when the session expires if no request comes: {@code httptimeout} from now once logged
     * in, five seconds before (or {@code httptimeout} if that is shorter), as Asterisk resets it after
     * each request (main/manager.c, generic_http_callback).
     */
    void refreshLifetime(int httpTimeoutSeconds) {
        int seconds = session.isAuthenticated() || httpTimeoutSeconds < 5 ? httpTimeoutSeconds : 5;
        expiresAt = clock.instant().plusSeconds(seconds);
    }

    /**
     * Sets when a digest session expires if no request comes: {@code httptimeout} from now, but
     * at least five seconds (main/manager.c, auth_http_callback).
     */
    void refreshDigestLifetime(int httpTimeoutSeconds) {
        expiresAt = clock.instant().plusSeconds(Math.max(httpTimeoutSeconds, 5));
    }

    /** @return true once the session's lifetime has passed and no request of it is in progress */
    boolean expired(Instant now) {
        return now.isAfter(expiresAt) && current == null;
    }

    boolean isDestroyed() {
        return destroyed;
    }

    /**
     * Made while the server stops: the session ends once its first request is answered (the
     * dispatcher answers it {@code Asterisk is shutting down}). Before that request runs.
     */
    void endAfterItsRequest() {
        draining = true;
    }

    /**
     * The request under way and those waiting behind it are answered (a pending WaitEvent has ended
     * already), then the session ends; at the end of this turn if nothing is under way. A request
     * whose work has not ended by the limit fails, and the web server answers it as a server error:
     * nothing better can be said about work that may or may not have been done.
     */
    @Override
    public void closeWhenAnswered(Duration limit, Runnable atLimit) {
        if (destroyed && current == null) {
            return;
        }
        draining = true;
        later(() -> inTurn(() -> {
            if (destroyed && current == null) {
                return;
            }
            atLimit.run();
            Exchange unfinished = current;
            current = null;
            destroy();
            if (unfinished != null) {
                inProgress.decrementAndGet();
                unfinished.answer().completeExceptionally(
                        new IllegalStateException("the AMI connector stopped before the answer was ready"));
            }
        }), limit);
    }

    /** Ends the session: from the purge (expired) or the listener stopping. Safe from any thread. */
    void expire() {
        onThread(() -> inTurn(this::destroy));
    }

    /** Ends the session unless it has logged in by the time its thread looks. Safe from any thread. */
    void expireUnlessLoggedIn() {
        onThread(() -> inTurn(() -> {
            if (!session.isAuthenticated()) {
                destroy();
            }
        }));
    }

    /**
     * Runs work on the session's thread. If that thread has stopped (the web server is shutting
     * down), the session can do nothing more: it is taken out of the connector's sessions, and a
     * request handed over meanwhile is answered as for a session that ended.
     */
    private boolean onThread(Runnable work) {
        try {
            thread.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            abandon();
            return false;
        }
    }

    /** Runs work on the session's thread after a delay, or ends the session as {@link #onThread} does. */
    private SessionThread.Timer later(Runnable work, Duration delay) {
        try {
            return thread.schedule(work, delay);
        } catch (RejectedExecutionException e) {
            abandon();
            return () -> { };
        }
    }

    private void abandon() {
        LOG.fine(() -> "HTTP manager session " + Integer.toHexString(id) + " ended with its thread");
        if (!destroyed) {
            destroyed = true;
            onDestroy.accept(this);
        }
    }

    private void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        if (session.isWaiting()) {
            session.endWait();
        }
        session.closed();
        onDestroy.accept(this);
    }

    @Override
    public String name() {
        return HTTP;
    }

    /** As Asterisk names an HTTP manager session's connection in security events: TCP, or TLS over HTTPS. */
    @Override
    public String addressTransport() {
        return secure ? "TLS" : "TCP";
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public boolean onIpv6Listener() {
        return ipv6Listener;
    }

    @Override
    public boolean isOpen() {
        return !destroyed;
    }

    /** Events go out only into the answer of a WaitEvent; until then they stay queued. */
    @Override
    public boolean isWritable() {
        return !destroyed && session.isWaiting();
    }

    @Override
    public boolean isClosing() {
        return destroyed;
    }

    @Override
    public void send(ManagerMessage message) {
        if (thread.inThread()) {
            append(AmiMessageEncoder.text(message));
        } else {
            onThread(() -> inTurn(() -> append(AmiMessageEncoder.text(message))));
        }
    }

    @Override
    public void write(OutboundEvent event) {
        append(event.text());
    }

    private void append(String text) {
        if (current == null) {
            // nothing asked for it (an answer after its request was given up): there is nobody to tell
            LOG.fine(() -> "HTTP manager session " + Integer.toHexString(id) + ": output without a request dropped");
            return;
        }
        current.text().append(text);
    }

    @Override
    public void flush() {
        // the answer goes out when its request is done
    }

    @Override
    public void execute(Runnable work) {
        onThread(() -> inTurn(work));
    }

    @Override
    public SessionThread.Timer schedule(Runnable work, Duration delay) {
        return later(() -> inTurn(work), delay);
    }

    @Override
    public <T> void await(CompletionStage<T> stage, BiConsumer<T, Throwable> then) {
        busy = true;
        stage.whenComplete((value, failure) -> onThread(() -> {
            busy = false;
            inTurn(() -> then.accept(value, failure));
        }));
    }

    @Override
    public boolean eventsOnAtLogin() {
        return false;
    }

    @Override
    public boolean polled() {
        return true;
    }

    @Override
    public int boundWaitEvent(AmiSession waiter, int requestedSeconds) {
        long max = Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds() - 10);
        if (waiter.eventMask().isEmpty() && waiter.account() != null) {
            waiter.setEventMask(waiter.account().read()); // "make sure we record events"
        }
        return requestedSeconds < 0 || requestedSeconds > max ? (int) max : requestedSeconds;
    }

    @Override
    public int requestsInProgress() {
        return inProgress.get();
    }

    @Override
    public void setWriteTimeout(long millis) {
        // writetimeout concerns TCP writes only; an HTTP answer is written whole by the web server
    }

    /** Safe from any thread: the listener closes every session when it stops. */
    @Override
    public void close() {
        if (thread.inThread()) {
            destroy();
        } else {
            onThread(() -> inTurn(this::destroy));
        }
    }

    @Override
    public void sendAndClose(ManagerMessage message) {
        append(AmiMessageEncoder.text(message));
        destroy();
    }

    /** A failed login: the session ends now (its cookie is void), the answer comes after the delay. */
    @Override
    public void sendLaterAndClose(ManagerMessage message, Duration delay) {
        answerDelayed = true;
        destroy();
        later(() -> {
            answerDelayed = false;
            inTurn(() -> append(AmiMessageEncoder.text(message)));
        }, delay);
    }

    private record Request(Consumer<AmiSession> work, CompletableFuture<Optional<String>> answer) {
    }

    private record Exchange(StringBuilder text, CompletableFuture<Optional<String>> answer) {
    }
}
