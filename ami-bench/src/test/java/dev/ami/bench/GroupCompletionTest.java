package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each node's listeners are done when every open one has read everything sent, at the poll that saw it. */
class GroupCompletionTest {

    /** A reader fed by the test. */
    private static final class Reader implements EventReader {
        private final SequenceTally tally = new SequenceTally(1);
        private boolean open = true;

        void read(long upTo) {
            for (long seq = tally.seen(0) + 1; seq <= upTo; seq++) {
                AmiMessage m = new AmiMessage();
                m.event = AmiMessage.USER_EVENT;
                m.src = 0;
                m.seq = seq;
                tally.onMessage(m);
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public SequenceTally sequence() {
            return tally;
        }
    }

    private static final long[] SENT = {3};

    @Test
    void eachGroupIsDoneAtThePollThatFoundItsLastReaderCaughtUp() {
        Reader a1 = new Reader();
        Reader a2 = new Reader();
        Reader b1 = new Reader();
        GroupCompletion done = new GroupCompletion(List.of(List.of(a1, a2), List.of(b1)));
        a1.read(3);
        a2.read(2);
        b1.read(3);
        assertFalse(done.poll(SENT, 10));
        assertFalse(done.done(0));
        assertTrue(done.done(1));
        a2.read(3);
        assertTrue(done.poll(SENT, 20));
        assertEquals(20, done.doneAt(0, -1));
        assertEquals(10, done.doneAt(1, -1), "a group once done keeps its time");
    }

    @Test
    void aGroupNeverDoneGivesTheFallback() {
        Reader a1 = new Reader();
        GroupCompletion done = new GroupCompletion(List.of(List.of(a1)));
        a1.read(2);
        assertFalse(done.poll(SENT, 10));
        assertEquals(99, done.doneAt(0, 99));
    }

    @Test
    void aClosedReaderIsNotWaitedForAndAnEmptyGroupIsDoneAtOnce() {
        Reader a1 = new Reader();
        Reader a2 = new Reader();
        a2.open = false;
        a1.read(3);
        GroupCompletion done = new GroupCompletion(List.of(List.of(a1, a2), List.of()));
        assertTrue(done.poll(SENT, 5));
        assertEquals(5, done.doneAt(1, -1));
    }
}
