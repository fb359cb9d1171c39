package dev.ami.bench;

import java.util.List;

/**
 * When each group of readers (the listeners of one node) had read everything the producers sent:
 * the caller polls it with the clock's time and learns, per group, when its last reader caught up.
 * A reader the server closed is not waited for (the check counts it as disconnected).
 */
final class GroupCompletion {

    private static final long NOT_YET = Long.MIN_VALUE;

    private final List<? extends List<? extends EventReader>> groups;
    private final long[] doneAt;

    GroupCompletion(List<? extends List<? extends EventReader>> groups) {
        this.groups = List.copyOf(groups);
        this.doneAt = new long[groups.size()];
        java.util.Arrays.fill(doneAt, NOT_YET);
    }

    /**
     * Marks every group whose open readers have all of {@code sent} as done at {@code now}.
     *
     * @param sent per producer, how many events it sent (or will send)
     * @return true once every group is done
     */
    boolean poll(long[] sent, long now) {
        boolean all = true;
        for (int g = 0; g < doneAt.length; g++) {
            if (doneAt[g] == NOT_YET) {
                if (hasAll(groups.get(g), sent)) {
                    doneAt[g] = now;
                } else {
                    all = false;
                }
            }
        }
        return all;
    }

    boolean done(int group) {
        return doneAt[group] != NOT_YET;
    }

    /** @return the time passed to the {@link #poll} that found the group done; the fallback if it never was */
    long doneAt(int group, long fallback) {
        return done(group) ? doneAt[group] : fallback;
    }

    private static boolean hasAll(List<? extends EventReader> readers, long[] sent) {
        for (EventReader r : readers) {
            if (r.isOpen() && !r.sequence().hasAll(sent)) {
                return false;
            }
        }
        return true;
    }
}
