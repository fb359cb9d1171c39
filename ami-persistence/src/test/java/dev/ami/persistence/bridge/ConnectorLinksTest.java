package dev.ami.persistence.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.ConnectorLink;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connector reads the store, then hands over its link: a change committed in between reaches it
 * when the link arrives, and a change with a link there reaches it at once.
 */
class ConnectorLinksTest {

    private final AtomicInteger reloads = new AtomicInteger();

    /** A link that counts its reloads and does nothing else. */
    private ConnectorLink link() {
        return (ConnectorLink) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConnectorLink.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("reload")) {
                        reloads.incrementAndGet();
                    }
                    return null;
                });
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
