package dev.ami.server.testing;

import dev.ami.api.connector.OtherNodes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Other nodes with fixed sessions, counting how often the connector told them of its own. */
public final class StubOtherNodes implements OtherNodes {

    private final List<RemoteSession> sessions;
    public final AtomicInteger told = new AtomicInteger();

    public StubOtherNodes(RemoteSession... sessions) {
        this.sessions = List.of(sessions);
    }

    @Override
    public String localNode() {
        return "here";
    }

    @Override
    public Optional<String> nodeWithLogin(String username) {
        return sessions.stream().filter(s -> s.username().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT)))
                .map(RemoteSession::node).findFirst();
    }

    @Override
    public List<RemoteSession> sessions() {
        return sessions;
    }

    @Override
    public void localSessionsChanged() {
        told.incrementAndGet();
    }
}
