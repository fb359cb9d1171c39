package dev.ami.server.upstream;

import dev.ami.api.connector.Upstream;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.session.ConnectorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Carries the upstreams' traffic. Their broadcast events are routed to ami's sessions and
 * subscribers as they came, keeping their lines, order and Privilege, with
 * {@code Upstream: <name>} after Privilege when the upstream is set to name its events, and with
 * the sender's own ActionID where one of ami's forwarded requests caused them. Answers to forwarded
 * requests go to the session that asked ({@link ForwardedRequests}).
 */
public final class UpstreamRelay implements UpstreamTraffic {

    private static final Logger LOG = Logger.getLogger(UpstreamRelay.class.getName());

    private final Supplier<ConnectorContext> context;
    private final ForwardedRequests requests = new ForwardedRequests();

    /** @param context the connector's shared state (the current one: it is made at the first configuration) */
    public UpstreamRelay(Supplier<ConnectorContext> context) {
        this.context = context;
    }

    /** @return the requests forwarded through this relay and awaiting answers */
    public ForwardedRequests requests() {
        return requests;
    }

    @Override
    public void connected(UpstreamChannel upstream) {
        // requests are forwarded from now on; UpstreamDirectory tells the sessions
    }

    @Override
    public void received(UpstreamChannel upstream, UpstreamMessage message) {
        if (message.isBroadcastEvent()) {
            if (!message.eventName().orElseThrow().isBlank()) {
                route(upstream.settings(), requests.restore(message));
            }
        } else if (!requests.accept(message)) {
            LOG.fine(() -> "AMI upstream " + upstream.name() + " sent a message no request waits for: "
                    + String.join(" / ", message.lines().subList(0, Math.min(2, message.lines().size()))));
        }
    }

    @Override
    public void disconnected(UpstreamChannel upstream, String why) {
        requests.failAll(upstream.name(), "Upstream " + upstream.name() + " disconnected before answering");
    }

    @Override
    public int pending(String upstream) {
        return requests.pending(upstream);
    }

    private void route(Upstream upstream, UpstreamMessage message) {
        List<String> lines = message.lines();
        List<Header> body = new ArrayList<>(lines.size());
        List<Header> asReceived = new ArrayList<>(lines.size() + 1);
        boolean privilegeSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            Header line = Header.raw(lines.get(i));
            asReceived.add(line);
            if (i == 0) {
                continue; // Event:
            }
            if (!privilegeSeen && isPrivilege(lines.get(i))) {
                privilegeSeen = true;
                if (upstream.nameEvents()) {
                    asReceived.add(new Header(Upstream.HEADER, upstream.name()));
                }
                continue;
            }
            body.add(line);
        }
        ManagerEvent event = new ManagerEvent(message.eventName().orElseThrow(), message.privilege(), body, null,
                upstream.name());
        context.get().publishAsReceived(event, new ManagerMessage(asReceived));
    }

    private static boolean isPrivilege(String line) {
        return UpstreamMessage.of(line).value("Privilege").isPresent();
    }
}
