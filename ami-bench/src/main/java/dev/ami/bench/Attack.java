package dev.ami.bench;

/**
 * One abuse of the reliability harness, run against the server while the legitimate client is
 * probed. It keeps its own count of what it did, so that a case cannot pass because its attack
 * never happened.
 */
interface Attack {

    /** Starts the attack; it runs on the attack client's event loop or threads of its own until {@link #stop()}. */
    void start() throws Exception;

    /** Stops it and closes every connection it holds; returns once they are closed (bounded). */
    void stop() throws Exception;

    /** @return what it did, for the report */
    String summary();

    /** @return why it fell short of what its case asks for (so the case fails), or null */
    String shortfall();
}
