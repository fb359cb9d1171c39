package dev.ami.persistence.cluster;

import dev.ami.api.event.ManagerEvent;
import dev.ami.persistence.cluster.ClusterMessage.Events;
import dev.ami.persistence.cluster.ClusterMessage.NodeSession;
import dev.ami.persistence.cluster.ClusterMessage.Sessions;
import dev.ami.persistence.cluster.ClusterMessage.StoreChanged;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What this node sends to the others, on one thread of its own: the events routed here, in routing
 * order and in batches (each encoded once, for every node), and the notices that the store or the
 * sessions here changed. A producer only appends to a bounded queue: when the link is slow or down
 * the queue fills, further events are counted as lost and logged once per gap, and local delivery
 * goes on. Every event is numbered as it is offered, lost or not, so the receiving nodes see the gap too.
 */
final class ClusterOutbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClusterOutbox.class.getName());

    /** Events waiting for the link at most; beyond, they are lost to the other nodes (64 Ki). */
    static final int CAPACITY = 1 << 16;
    /** Events in one message at most. */
    static final int BATCH = 256;

    private final ClusterTransport transport;
    private final Supplier<List<NodeSession>> localSessions;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ArrayDeque<Numbered> queue = new ArrayDeque<>();
    private final AtomicBoolean storeChanged = new AtomicBoolean();
    private final AtomicBoolean sessionsChanged = new AtomicBoolean();
    private final Queue<ClusterMessage> notices = new ConcurrentLinkedQueue<>();
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Thread sender;

    // under the lock
    private long next;
    private long lostInGap;
    private boolean closed;

    /**
     * @param transport     the link
     * @param localSessions this node's logged-in sessions now (read on the sender thread)
     * @param threads       makes the sender thread (the container's)
     * @param capacity      events waiting at most
     */
    ClusterOutbox(ClusterTransport transport, Supplier<List<NodeSession>> localSessions,
            ThreadFactory threads, int capacity) {
        this.transport = transport;
        this.localSessions = localSessions;
        this.capacity = capacity;
        this.sender = threads.newThread(this::run);
        sender.setName("ami-cluster-sender");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Queues an event for the other nodes; never waits.
     *
     * @param event an event routed here
     */
    void offer(ManagerEvent event) {
        lock.lock();
        try {
            long number = next++;
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                if (lostInGap++ == 0) {
                    LOG.warning(() -> "The cluster link is behind: AMI events routed on this node are not relayed to the"
                            + " other nodes until it catches up (" + capacity + " events wait already)");
                }
                lost.incrementAndGet();
                return;
            }
            queue.add(new Numbered(number, event));
            if (queue.size() == 1) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Tells the other nodes, soon, that the store changed. */
    void storeChanged() {
        storeChanged.set(true);
        wake();
    }

    /** Sends this node's sessions to the others, soon. */
    void sessionsChanged() {
        sessionsChanged.set(true);
        wake();
    }

    /**
     * Sends a notice to the other nodes, soon.
     *
     * @param notice the notice
     */
    void notice(ClusterMessage notice) {
        notices.add(notice);
        wake();
    }

    /** @return events handed to the link */
    long relayed() {
        return relayed.get();
    }

    /** @return events the other nodes never got from here (queue full, or the link refused them) */
    long lost() {
        return lost.get();
    }

    private void wake() {
        lock.lock();
        try {
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        List<ManagerEvent> batch = new ArrayList<>(BATCH);
        while (true) {
            long first;
            long gap;
            lock.lock();
            try {
                while (!closed && queue.isEmpty() && !storeChanged.get() && !sessionsChanged.get() && notices.isEmpty()) {
                    work.await(1, TimeUnit.SECONDS);
                }
                if (closed) {
                    return;
                }
                first = queue.isEmpty() ? -1 : queue.peek().number();
                while (batch.size() < BATCH && !queue.isEmpty()) {
                    batch.add(queue.poll().event());
                }
                gap = lostInGap;
                lostInGap = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (gap > 0) {
                LOG.warning(() -> gap + " AMI events routed on this node were not relayed to the other nodes (the cluster"
                        + " link was behind); relaying again");
            }
            if (!batch.isEmpty()) {
                if (send(new Events(first, batch), batch.size())) {
                    relayed.addAndGet(batch.size());
                }
                batch.clear();
            }
            if (storeChanged.getAndSet(false)) {
                send(new StoreChanged(), 0);
            }
            if (sessionsChanged.getAndSet(false)) {
                send(new Sessions(localSessions.get()), 0);
            }
            for (ClusterMessage notice = notices.poll(); notice != null; notice = notices.poll()) {
                send(notice, 0);
            }
        }
    }

    private boolean send(ClusterMessage message, int events) {
        try {
            transport.send(ClusterCodec.encode(message));
            return true;
        } catch (Exception e) {
            lost.addAndGet(events);
            LOG.log(Level.WARNING, "The cluster link refused a message (" + message.getClass().getSimpleName()
                    + (events > 0 ? ", " + events + " events lost to the other nodes" : "") + ")", e);
            return false;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            sender.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Numbered(long number, ManagerEvent event) {
    }
}
