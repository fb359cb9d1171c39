package dev.ami.http.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sessionlimit counts connections: a connection over it is refused, a counted one never, a closed one gives its place back. */
class ConnectionLimitTest {

    private final ConnectionLimit limit = new ConnectionLimit();
    private final Map<Object, Runnable> closers = new HashMap<>();

    private boolean admit(Object connection) {
        return limit.admit(connection, 2, release -> closers.put(connection, release));
    }

    @Test
    void aConnectionOverTheLimitIsRefusedUntilAnotherCloses() {
        Object a = new Object();
        Object b = new Object();
        Object c = new Object();
        assertTrue(admit(a));
        assertTrue(admit(b));
        assertFalse(admit(c), "the third at once");
        assertTrue(admit(a), "a counted connection's next request goes on");
        assertEquals(2, limit.size());
        closers.get(a).run();
        closers.get(a).run(); // a close seen twice gives back one place
        assertEquals(1, limit.size());
        assertTrue(admit(c));
        assertFalse(admit(new Object()));
    }

    @Test
    void aConnectionClosedWhileItWasCountedGivesItsPlaceBackOnce() {
        assertTrue(limit.admit(new Object(), 1, release -> {
            release.run(); // already closed: the handler runs the release itself
            release.run(); // and the close listener may run it too
        }));
        assertEquals(0, limit.size());
        assertTrue(admit(new Object()));
    }
}
