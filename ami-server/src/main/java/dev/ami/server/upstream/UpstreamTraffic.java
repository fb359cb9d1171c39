package dev.ami.server.upstream;

/**
 * What carries an upstream's traffic to and from ami's own sessions. The connection calls it on its
 * own thread, in the order things happened; none of the calls may block.
 */
public interface UpstreamTraffic {

    /**
     * The session is logged in and the upstream's actions are known: requests may be forwarded.
     *
     * @param upstream the session
     */
    void connected(UpstreamChannel upstream);

    /**
     * A message that does not answer one of the connection's own requests (its Login, Challenge,
     * ListCommands and keep-alive Pings): an event, or the answer to a forwarded request.
     *
     * @param upstream the session it came on
     * @param message  the message
     */
    void received(UpstreamChannel upstream, UpstreamMessage message);

    /**
     * The session ended; nothing more will be received on it.
     *
     * @param upstream the session that ended
     * @param why      why, in words for a client or a log
     */
    void disconnected(UpstreamChannel upstream, String why);

    /**
     * @param upstream an upstream's name
     * @return how many forwarded requests to it are not yet fully answered
     */
    int pending(String upstream);
}
