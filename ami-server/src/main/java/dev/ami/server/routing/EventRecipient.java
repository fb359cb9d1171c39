package dev.ami.server.routing;

/** Something the router offers every event to: a session, which takes the events it may see. */
@FunctionalInterface
public interface EventRecipient {

    /**
     * Offers an event. Called on the routing thread; must not block.
     *
     * @param event the event as rendered for sessions
     * @return true if the recipient took it (into its queue), for the router's count
     */
    boolean offer(OutboundEvent event);
}
