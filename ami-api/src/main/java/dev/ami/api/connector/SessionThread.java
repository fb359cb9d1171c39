package dev.ami.api.connector;

import java.time.Duration;

/**
 * A thread that can carry AMI sessions: it runs their work one piece at a time, now or after a
 * delay, and never blocks. The web side hands the connector the thread a request came in on, so
 * that a session made by that request lives there and the next request on the same connection is
 * answered without changing threads.
 */
public interface SessionThread {

    /** @return true when called on this thread */
    boolean inThread();

    /**
     * Runs work on this thread after what it is doing now.
     *
     * @param work the work
     * @throws java.util.concurrent.RejectedExecutionException once the thread has stopped
     */
    void execute(Runnable work);

    /**
     * Runs work on this thread after a delay.
     *
     * @param work  the work
     * @param delay how long to wait first
     * @return cancels it, if it has not run yet
     * @throws java.util.concurrent.RejectedExecutionException once the thread has stopped
     */
    Timer schedule(Runnable work, Duration delay);

    /** Work waiting to run later. */
    @FunctionalInterface
    interface Timer {

        /** Stops the work from running, unless it has already begun; on the thread that runs it, it never will. */
        void cancel();
    }
}
