package dev.ami.bench;

/**
 * A session the fan-out producers send to: a TCP listener (scenarios c and e) or an HTTP session
 * collecting through WaitEvent (scenario i). The producers pace themselves by the slowest one.
 */
interface EventReader {

    /** @return false once the server has closed it (it is then neither waited for nor paced by) */
    boolean isOpen();

    /** @return what it has received so far */
    SequenceTally sequence();
}
