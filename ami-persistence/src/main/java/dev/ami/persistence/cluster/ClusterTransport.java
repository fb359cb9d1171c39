package dev.ami.persistence.cluster;

import java.util.List;

/**
 * The link between this node and the others: one message to every other node at once, each
 * sender's messages arriving in the order it sent them. {@link JGroupsTransport} is the one the
 * server uses; tests use one in memory.
 */
public interface ClusterTransport extends AutoCloseable {

    /** @return this node's name, as other nodes see it as a sender */
    String localNode();

    /**
     * Starts receiving; the listener is called on the transport's threads, one message of a sender at
     * a time, in the sender's order.
     *
     * @param listener takes messages and changes of members
     */
    void start(Listener listener);

    /**
     * Sends one message to every other node. May wait while the link is congested (only the relay's
     * own sender thread calls it).
     *
     * @param message the bytes
     * @throws Exception when the message could not be handed to the link
     */
    void send(byte[] message) throws Exception;

    /** Leaves the cluster. */
    @Override
    void close();

    /** What the transport delivers. */
    interface Listener {

        /**
         * @param node    the sender
         * @param message its bytes
         */
        void received(String node, byte[] message);

        /** @param members every node in the cluster now, this one among them */
        void membersChanged(List<String> members);
    }
}
