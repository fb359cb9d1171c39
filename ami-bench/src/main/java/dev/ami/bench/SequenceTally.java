package dev.ami.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One reader's check of the bench's UserEvents: per producer, Seq 1, 2, 3... with no gap and no
 * step back. Written by one thread (the reader's event loop), read by the producers' flow control
 * and the main thread through release stores.
 */
final class SequenceTally {

    /** What a reader saw: the last Seq per producer and the faults. */
    record Tally(long[] last, long gaps, long outOfOrder, long malformed) {
    }

    private final long[] last;
    /** last[] published for the producers' flow control and the main thread */
    private final AtomicLongArray seen;
    private final AtomicLong received = new AtomicLong();
    private long count;
    private volatile long gaps;
    private volatile long outOfOrder;
    private volatile long malformed;

    SequenceTally(int producers) {
        this.last = new long[producers];
        this.seen = new AtomicLongArray(producers);
    }

    /** Counts one message if it is a UserEvent; on the reader's thread only. */
    void onMessage(AmiMessage m) {
        if (!m.isUserEvent()) {
            return;
        }
        int src = m.src;
        if (src < 0 || src >= last.length || m.seq < 1) {
            malformed++;
            return;
        }
        long previous = last[src];
        // single writer: plain increments, published with release stores
        if (m.seq == previous + 1) {
            last[src] = m.seq;
            seen.lazySet(src, m.seq);
        } else if (m.seq > previous + 1) {
            gaps += m.seq - previous - 1;
            last[src] = m.seq;
            seen.lazySet(src, m.seq);
        } else {
            outOfOrder++;
        }
        received.lazySet(++count);
    }

    long received() {
        return received.get();
    }

    long seen(int producer) {
        return seen.get(producer);
    }

    boolean hasAll(long[] sent) {
        for (int p = 0; p < sent.length; p++) {
            if (seen.get(p) < sent[p]) {
                return false;
            }
        }
        return true;
    }

    Tally tally() {
        long[] copy = new long[last.length];
        for (int p = 0; p < copy.length; p++) {
            copy[p] = seen.get(p);
        }
        return new Tally(copy, gaps, outOfOrder, malformed);
    }
}
