package dev.ami.persistence.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.ConnectorLink;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connector reads the store, then hands over its link: a change committed in between reaches it
 * when the link arrives, and a change with a link there reaches it at once.
 */
class ConnectorLinksTest {

    private final AtomicInteger reloads = new AtomicInteger();
    /** What a link's re-read completes with; already done unless a test holds it. */
    private CompletableFuture<Void> applied = CompletableFuture.completedFuture(null);

    /** A link that counts its reloads and does nothing else. */
    private ConnectorLink link() {
        return (ConnectorLink) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConnectorLink.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("reload")) {
                        reloads.incrementAndGet();
                    }
                    if (method.getName().equals("reloadApplied")) {
                        reloads.incrementAndGet();
                        return applied;
                    }
                    return null;
                });
    }

    @Test
    void aLinkWithAMissedChangeIsGivenOutOnlyOnceTheReReadIsInForce() {
        ConnectorLinks links = new ConnectorLinks();
        links.changed();
        applied = new CompletableFuture<>();
        ConnectorLink link = link();
        links.connected(link);
        assertEquals(1, reloads.get());
        assertTrue(links.ifConnected().isEmpty(), "its snapshot may lack the change: the store answers meanwhile");
        applied.complete(null);
        assertEquals(Optional.of(link), links.ifConnected());
    }

    @Test
    void aChangeCommittedBeforeTheLinkArrivesIsReadWhenItArrives() {
        ConnectorLinks links = new ConnectorLinks();
        assertFalse(links.changed(), "nobody to tell yet");
        links.connected(link());
        assertEquals(1, reloads.get(), "the connector re-reads the store it may have read before the change");
        links.connected(link());
        assertEquals(1, reloads.get(), "once");
    }

    @Test
    void aChangeWithALinkThereIsToldAtOnceAndNotAgain() {
        ConnectorLinks links = new ConnectorLinks();
        links.connected(link());
        assertEquals(0, reloads.get(), "nothing was missed");
        assertTrue(links.changed());
        assertEquals(1, reloads.get());
        links.connected(link());
        assertEquals(1, reloads.get());
    }
}
