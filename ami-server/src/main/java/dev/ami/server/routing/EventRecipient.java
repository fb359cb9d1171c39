package dev.ami.server.routing;

/** Something the router offers every event to: a session, which takes the events it may see. */
@FunctionalInterface
public interface EventRecipient {

    /**
     * Offers an event. Called on the routing thread; must not block.
     *
     * @param event the event as rendered for sessions
     */
    void offer(OutboundEvent event);
}
