package dev.ami.server.tcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.server.testing.TestConnector;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** writetimeout: a connection that stays unwritable longer than the account's writetimeout is closed. */
class WriteStallGuardTest {

    private final TestConnector connector = new TestConnector();

    private static void setWritable(TestConnector.Connection c, boolean writable) {
        // as when the socket's buffer fills (or drains) under Netty's outbound buffer
        c.channel().unsafe().outboundBuffer().setUserDefinedWritability(1, writable);
        c.channel().runPendingTasks();
    }

    @Test
    void aConnectionUnwritableBeyondWritetimeoutIsClosed() {
        var c = connector.login("admin", "s3cret");
        c.read();
        c.channel().freezeTime();
        setWritable(c, false);
        c.channel().advanceTimeBy(99, TimeUnit.MILLISECONDS);
        c.channel().runScheduledPendingTasks();
        assertTrue(c.channel().isActive(), "still within the default 100 ms");
        c.channel().advanceTimeBy(2, TimeUnit.MILLISECONDS);
        c.channel().runScheduledPendingTasks();
        assertFalse(c.channel().isActive());
    }

    @Test
    void becomingWritableInTimeKeepsTheSession() {
        var c = connector.login("admin", "s3cret");
        c.read();
        c.channel().freezeTime();
        setWritable(c, false);
        c.channel().advanceTimeBy(50, TimeUnit.MILLISECONDS);
        setWritable(c, true);
        c.channel().advanceTimeBy(200, TimeUnit.MILLISECONDS);
        c.channel().runScheduledPendingTasks();
        assertTrue(c.channel().isActive());
    }
}
