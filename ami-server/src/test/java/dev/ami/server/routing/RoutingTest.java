package dev.ami.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.event.EventChannel;
import dev.ami.api.event.ManagerEvent;
import dev.ami.server.session.AmiSession;
import dev.ami.server.testing.TestConnector;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event router and the per-session queues: forms, sharing, subscribers, bounds and counters. */
class RoutingTest {

    private static TestConnector connector(List<String> channelVars, List<String> disabled) {
        return new TestConnector(TestConnector.GENERAL.toBuilder().channelVars(channelVars).disabledEvents(disabled).build(),
                TestConnector.ACCOUNTS);
    }

    private static TestConnector.Connection listener(TestConnector connector) {
        var c = connector.login("admin", "s3cret");
        c.read();
        c.exchange("Action: Events\r\nEventMask: call,user\r\n\r\n");
        return c;
    }

    private static final EventChannel ALICE = new EventChannel("PJSIP/alice-00000001",
            Map.of("ACCOUNT", "42", "NOTE", "two\nlines \"quoted\""));

    @Test
    void channelvarsAppendChanVariableHeadersToChannelEventsOnly() {
        TestConnector connector = connector(List.of("ACCOUNT", "NOTE", "UNSET"), List.of());
        var c = listener(connector);
        connector.context.publish(ManagerEvent.of("Newstate", AuthorityClass.CALL)
                .header("Channel", "PJSIP/alice-00000001").channel(ALICE).build());
        assertEquals("Event: Newstate\r\nPrivilege: call,all\r\nChannel: PJSIP/alice-00000001\r\n"
                + "ChanVariable: ACCOUNT=42\r\nChanVariable: NOTE=two\\nlines \\\"quoted\\\"\r\nChanVariable: UNSET=\r\n\r\n",
                c.read());
        connector.context.publish(ManagerEvent.of("OrderShipped", AuthorityClass.USER).header("Order", "1").build());
        assertEquals("Event: OrderShipped\r\nPrivilege: user,all\r\nOrder: 1\r\n\r\n", c.read());
    }

    @Test
    void disabledeventsAreNotRoutedAtAll() {
        TestConnector connector = connector(List.of(), List.of("Newstate"));
        var c = listener(connector);
        List<String> seen = new ArrayList<>();
        connector.context.router().subscribe("test", e -> seen.add(e.name()));
        connector.context.publish(ManagerEvent.of("Newstate", AuthorityClass.CALL).build());
        connector.context.publish(ManagerEvent.of("newstate", AuthorityClass.CALL).build());
        assertEquals("Event: newstate\r\nPrivilege: call,all\r\n\r\n", c.read());
        assertEquals(List.of("newstate"), seen);
    }

    @Test
    void everySessionWritesTheSameBytesRenderedOnce() {
        TestConnector connector = connector(List.of(), List.of());
        var a = listener(connector);
        var b = listener(connector);
        List<OutboundEvent> offered = new ArrayList<>();
        EventRouter spy = new EventRouter(() -> List.of(offered::add, e -> false), () -> TestConnector.GENERAL,
                java.time.Clock.systemUTC());
        spy.publish(ManagerEvent.of("OrderShipped", AuthorityClass.USER).header("Order", "1").build());
        assertSame(offered.get(0).bytes(), offered.get(0).bytes(), "rendered once, then shared");
        connector.context.publish(ManagerEvent.of("OrderShipped", AuthorityClass.USER).header("Order", "1").build());
        String expected = "Event: OrderShipped\r\nPrivilege: user,all\r\nOrder: 1\r\n\r\n";
        assertEquals(expected, a.read());
        assertEquals(expected, b.read());
    }

    @Test
    void eventsDeliveredTogetherGoOutAsOneBufferInOrderAndAreFreedOnceWritten() {
        TestConnector connector = connector(List.of(), List.of());
        var c = listener(connector);
        for (int i = 0; i < 3; i++) {
            connector.context.publish(ManagerEvent.of("Tick", AuthorityClass.USER).header("N", Integer.toString(i)).build());
        }
        c.channel().runPendingTasks();
        ByteBuf batch = c.channel().readOutbound();
        assertEquals("Event: Tick\r\nPrivilege: user,all\r\nN: 0\r\n\r\n"
                + "Event: Tick\r\nPrivilege: user,all\r\nN: 1\r\n\r\n"
                + "Event: Tick\r\nPrivilege: user,all\r\nN: 2\r\n\r\n",
                batch.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(null, (Object) c.channel().readOutbound(), "one buffer for the three");
        assertTrue(batch.release(), "the batch is the session's own: written, it is freed");
    }

    @Test
    void theSharedBytesAreWhatTheEncoderWrites() {
        var message = new dev.ami.api.message.ManagerMessage(List.of(new dev.ami.api.message.Header("Event", "X"),
                new dev.ami.api.message.Header("Text", "caf\u00e9 \u20ac \ud83d\ude00 \ud800"),
                dev.ami.api.message.Header.raw("Raw: line")));
        ByteBuf encoded = io.netty.buffer.Unpooled.buffer();
        dev.ami.server.codec.AmiMessageEncoder.write(message, encoded);
        byte[] expected = new byte[encoded.readableBytes()];
        encoded.readBytes(expected);
        OutboundEvent event = new OutboundEvent("X", dev.ami.api.authority.Authority.of(AuthorityClass.USER), message, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, event.bytes());
    }

    @Test
    void subscribersGetEveryEventInOrderAndOneFailingDoesNotStopTheOthers() {
        TestConnector connector = connector(List.of(), List.of());
        List<String> seen = new ArrayList<>();
        connector.context.router().subscribe("broken", e -> {
            throw new IllegalStateException("bug");
        });
        AutoCloseable subscription = connector.context.router().subscribe("test", e -> seen.add(e.header("N").orElseThrow()));
        for (int i = 0; i < 5; i++) {
            connector.context.publish(ManagerEvent.of("Tick", AuthorityClass.USER).header("N", Integer.toString(i)).build());
        }
        assertEquals(List.of("0", "1", "2", "3", "4"), seen);
        try {
            subscription.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        connector.context.publish(ManagerEvent.of("Tick", AuthorityClass.USER).header("N", "5").build());
        assertEquals(5, seen.size());
    }

    @Test
    void aSessionThatDoesNotTakeItsEventsIsCutOffAtItsBoundAndTheOthersCarryOn() {
        TestConnector connector = connector(List.of(), List.of());
        var stalled = listener(connector);
        var healthy = listener(connector);
        long stalledBase = stats(connector, stalled).queued();
        long healthyBase = stats(connector, healthy).delivered();
        // the stalled session's loop never runs while the events pile up; the healthy one's does
        for (int i = 0; i < AmiSession.MAX_QUEUED_EVENTS + 5; i++) {
            connector.context.publish(ManagerEvent.of("Tick", AuthorityClass.USER).header("N", Integer.toString(i)).build());
            if (i % 100 == 0) {
                healthy.channel().runPendingTasks();
                healthy.read();
            }
        }
        healthy.read();
        SessionStatistics before = stats(connector, stalled);
        assertEquals(AmiSession.MAX_QUEUED_EVENTS, before.queued() - stalledBase);
        assertEquals(5, before.dropped());
        stalled.channel().runPendingTasks();
        assertFalse(stalled.channel().isActive(), "the stalled session is closed");
        SessionStatistics after = stats(connector, healthy);
        assertEquals(AmiSession.MAX_QUEUED_EVENTS + 5, after.delivered() - healthyBase);
        assertEquals(0, after.dropped());
        assertTrue(healthy.channel().isActive());
    }

    @Test
    void countersShowWhatWasQueuedAndDelivered() {
        TestConnector connector = connector(List.of(), List.of());
        var c = listener(connector);
        SessionStatistics base = stats(connector, c);
        for (int i = 0; i < 3; i++) {
            connector.context.publish(ManagerEvent.of("Tick", AuthorityClass.USER).build());
        }
        SessionStatistics queued = stats(connector, c);
        assertEquals(3, queued.queued() - base.queued());
        assertEquals(3, queued.pending());
        c.read();
        SessionStatistics written = stats(connector, c);
        assertEquals(3, written.delivered() - base.delivered());
        assertEquals(0, written.pending());
        assertEquals("admin", written.username());
    }

    private static SessionStatistics stats(TestConnector connector, TestConnector.Connection c) {
        return c.session().statistics();
    }
}
