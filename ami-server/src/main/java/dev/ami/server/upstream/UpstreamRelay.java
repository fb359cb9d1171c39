package dev.ami.server.upstream;

import dev.ami.api.connector.Upstream;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.session.ConnectorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Carries the upstreams' traffic: their broadcast events are routed to ami's sessions and
 * subscribers as they came, keeping their lines, order and Privilege, with
 * {@code Upstream: <name>} after Privilege when the upstream is set to name its events.
 */
public final class UpstreamRelay implements UpstreamTraffic {

    private final Supplier<ConnectorContext> context;

    /** @param context the connector's shared state (the current one: it is made at the first configuration) */
    public UpstreamRelay(Supplier<ConnectorContext> context) {
        this.context = context;
    }

    @Override
    public void connected(UpstreamChannel upstream) {
        // nothing to do until requests are forwarded
    }

    @Override
    public void received(UpstreamChannel upstream, UpstreamMessage message) {
        if (message.isBroadcastEvent() && !message.eventName().orElseThrow().isBlank()) {
            route(upstream.settings(), message);
        }
    }

    @Override
    public void disconnected(UpstreamChannel upstream, String why) {
        // nothing waits on it until requests are forwarded
    }

    @Override
    public int pending(String upstream) {
        return 0;
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
