package dev.ami.server.connector;

import dev.ami.server.event.SystemEvents;
import dev.ami.server.session.AmiSession;
import dev.ami.server.session.ConnectorContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * How the connector's sessions stop, in the order Asterisk stops (main/asterisk.c, really_quit:
 * once the shutdown is pending every request is answered {@code Asterisk is shutting down} by
 * main/manager.c's process_message, then the {@code Shutdown} event is published, then the process
 * ends):
 * <ol>
 *   <li>the connector is marked stopping: the dispatcher answers every request run from now on
 *       {@code Asterisk is shutting down}, whatever the transport;</li>
 *   <li>the Shutdown event is routed to every session that may read it;</li>
 *   <li>each session ends a pending WaitEvent (with the Shutdown event in it where the session
 *       receives it, as Asterisk's ends at the next event), reads nothing more, answers the requests
 *       it has read (the one whose work is under way with its own answer, the others with the
 *       shutting-down error), writes its queued events and closes once that is written;</li>
 *   <li>a session not closed {@link #DRAIN_LIMIT} after the stop began (a client that does not
 *       read, work that does not end) is closed anyway, on its own thread; the caller waits
 *       {@link #GRACE} more for those closes, then closes whatever is left and goes on.</li>
 * </ol>
 * So a stop takes as long as the slowest request under way, and never much more than the limit.
 */
final class StopSequence {

    /** How long a session may take to answer what it has received before it is closed anyway. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);

    /** How long the caller waits beyond the limit for the forced closes themselves. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(StopSequence.class.getName());

    private final ConnectorContext context;
    private final Duration limit;
    private final long startNanos;
    private final int sessions;
    private final AtomicInteger atLimit;
    private final CompletableFuture<Void> closed;

    private StopSequence(ConnectorContext context, Duration limit, long startNanos, int sessions,
            AtomicInteger atLimit, CompletableFuture<Void> closed) {
        this.context = context;
        this.limit = limit;
        this.startNanos = startNanos;
        this.sessions = sessions;
        this.atLimit = atLimit;
        this.closed = closed;
    }

    /**
     * Begins the stop; never blocks.
     *
     * @param context the connector's shared state and sessions
     * @param limit   how long each session may take
     * @return the stop under way
     */
    static StopSequence begin(ConnectorContext context, Duration limit) {
        long start = System.nanoTime();
        context.beginShutdown();
        context.publish(SystemEvents.shutdown());
        List<AmiSession> live = List.copyOf(context.sessions().all());
        AtomicInteger atLimit = new AtomicInteger();
        for (AmiSession session : live) {
            try {
                session.stop(limit, atLimit::incrementAndGet);
            } catch (RejectedExecutionException threadGone) {
                session.close(); // its thread has ended already: there is nothing left to answer with
            }
        }
        return new StopSequence(context, limit, start, live.size(), atLimit, context.sessions().whenEmpty());
    }

    /** @return completed once every session has closed */
    CompletableFuture<Void> closed() {
        return closed;
    }

    /**
     * Waits until every session has closed, at most the limit and {@link #GRACE}; then closes what
     * is left (a session whose thread no longer runs) and goes on.
     *
     * @return what the stop did
     */
    Outcome await() {
        try {
            closed.get(limit.plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            int left = context.sessions().all().size();
            LOG.warning(() -> "AMI stop: " + left + " sessions still open " + limit.plus(GRACE).toMillis()
                    + " ms after the stop began; closing them");
            context.sessions().closeAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.sessions().closeAll();
        }
        Outcome outcome = new Outcome(sessions, atLimit.get(), Duration.ofNanos(System.nanoTime() - startNanos));
        LOG.info(outcome::describe);
        return outcome;
    }

    /**
     * What a stop did.
     *
     * @param sessions how many sessions were open when it began
     * @param atLimit  how many of them the limit closed
     * @param took     from the beginning until every session had closed (or the wait ended)
     */
    record Outcome(int sessions, int atLimit, Duration took) {

        /** A stop with nothing to stop. */
        static final Outcome NONE = new Outcome(0, 0, Duration.ZERO);

        String describe() {
            return "AMI stopped: " + sessions + " sessions answered what they had received and closed in "
                    + took.toMillis() + " ms" + (atLimit == 0 ? "" : " (" + atLimit + " closed at the limit)");
        }
    }
}
