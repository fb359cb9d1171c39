package dev.ami.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.server.testing.TestConnector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A flood of requests in one read is run a bounded turn at a time with one flush per turn, so the
 * other connections of the event loop get their turns in between (issue 4's flood: a 64 KiB read of
 * blank lines is 65,536 requests).
 */
class RequestPacingTest {

    private static final String MISSING = "Response: Error\r\nMessage: Missing action in request\r\n\r\n";

    private final TestConnector connector = new TestConnector();

    /** Counts flushes that reach the transport. */
    private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int flushes;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    /** One socket read as the transport delivers it, without running the loop's queued tasks. */
    private static void oneRead(EmbeddedChannel channel, String bytes) {
        channel.pipeline().fireChannelRead(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
        channel.pipeline().fireChannelReadComplete();
    }

    private static int answers(EmbeddedChannel channel, String each) {
        StringBuilder sb = new StringBuilder();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            sb.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        String all = sb.toString();
        assertEquals("", all.replace(each, ""), "only the expected answer was written");
        return all.length() / each.length();
    }

    @Test
    void aFloodInOneReadNeverHoldsMoreThanABoundedNumberOfFramedRequestsAndIsAnsweredInFull() {
        var c = connector.connect();
        EmbeddedChannel channel = c.channel();
        AmiSessionHandler handler = channel.pipeline().get(AmiSessionHandler.class);
        int flood = 100_000;

        oneRead(channel, "\n".repeat(flood));
        int mostHeld = handler.heldCount();
        int answered = answers(channel, MISSING);
        for (int pass = 0; pass < flood && answered < flood; pass++) {
            channel.runPendingTasks();
            mostHeld = Math.max(mostHeld, handler.heldCount());
            answered += answers(channel, MISSING);
        }
        assertEquals(flood, answered, "every request is answered, in later turns");
        assertTrue(mostHeld <= AmiSessionHandler.MAX_HELD, "held " + mostHeld + " framed requests at once");
        channel.runPendingTasks();
        assertTrue(channel.config().isAutoRead(), "reading resumes once every request is answered");
        assertEquals(MISSING, c.exchange("\r\n"), "and the connection goes on");
    }

    @Test
    void theEndOfInputAfterAFloodWaitsUntilEveryBufferedRequestIsAnswered() {
        var c = connector.connect();
        EmbeddedChannel channel = c.channel();
        oneRead(channel, "\n".repeat(1_000));
        channel.pipeline().fireUserEventTriggered(io.netty.channel.socket.ChannelInputShutdownEvent.INSTANCE);
        int answered = answers(channel, MISSING);
        for (int pass = 0; pass < 1_000 && answered < 1_000; pass++) {
            channel.runPendingTasks();
            answered += answers(channel, MISSING);
        }
        assertEquals(1_000, answered);
        channel.runPendingTasks();
        assertFalse(channel.isActive(), "closed once everything is answered");
    }

    @Test
    void aReadOfTenThousandBlankLinesIsAnsweredOneBoundedTurnAtATimeWithReadingPaused() {
        var c = connector.connect();
        EmbeddedChannel channel = c.channel();
        FlushCounter counter = new FlushCounter();
        channel.pipeline().addFirst(counter);

        oneRead(channel, "\n".repeat(10_000));

        assertEquals(AmiSessionHandler.REQUESTS_PER_TURN, answers(channel, MISSING),
                "the first turn answers a bounded number and leaves the rest for later");
        assertEquals(1, counter.flushes, "one flush for the whole turn");
        assertFalse(channel.config().isAutoRead(), "no more is read while requests wait");

        // the rest runs in later turns, each after the loop has looked at its sockets again
        int answered = AmiSessionHandler.REQUESTS_PER_TURN;
        for (int pass = 0; pass < 10_000 && answered < 10_000; pass++) {
            channel.runPendingTasks();
            answered += answers(channel, MISSING);
        }
        assertEquals(10_000, answered);
        int turns = (10_000 + AmiSessionHandler.REQUESTS_PER_TURN - 1) / AmiSessionHandler.REQUESTS_PER_TURN;
        assertEquals(turns, counter.flushes, "one flush per turn, not one per answer");
        assertTrue(channel.config().isAutoRead(), "reading resumes once every request is answered");
    }

    @Test
    void requestsStayInOrderAcrossTurnsAndTheSessionGoesOn() {
        var c = connector.connect();
        StringBuilder pipelined = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3 * AmiSessionHandler.REQUESTS_PER_TURN; i++) {
            pipelined.append("ActionID: n").append(i).append("\r\n\r\n");
            expected.append("Response: Error\r\nActionID: n").append(i).append("\r\nMessage: Missing action in request\r\n\r\n");
        }
        pipelined.append("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nEvents: off\r\n\r\n");
        expected.append("Response: Success\r\nMessage: Authentication accepted\r\n\r\n");
        c.send(pipelined.toString());
        StringBuilder got = new StringBuilder();
        for (int pass = 0; pass < 100 && got.length() < expected.length(); pass++) {
            got.append(c.read());
        }
        assertEquals(expected.toString(), got.toString());
        assertTrue(c.channel().config().isAutoRead());
    }

    @Test
    void aClientThatShutsDownItsSideAfterPipeliningIsAnsweredInFullThenClosed() {
        var c = connector.connect();
        EmbeddedChannel channel = c.channel();
        int requests = 3 * AmiSessionHandler.REQUESTS_PER_TURN + 5;
        oneRead(channel, "\n".repeat(requests));
        channel.pipeline().fireUserEventTriggered(io.netty.channel.socket.ChannelInputShutdownEvent.INSTANCE);
        int answered = 0;
        for (int pass = 0; pass < 100 && answered < requests; pass++) {
            channel.runPendingTasks();
            answered += answers(channel, MISSING);
        }
        answered += answers(channel, MISSING);
        assertEquals(requests, answered);
        assertFalse(channel.isActive(), "closed once everything is answered");
    }

    @Test
    void aClientThatShutsDownItsSideWithNothingPendingIsClosedAtOnce() {
        var c = connector.connect();
        c.channel().pipeline().fireUserEventTriggered(io.netty.channel.socket.ChannelInputShutdownEvent.INSTANCE);
        assertFalse(c.channel().isActive());
    }

    @Test
    void aRequestThatFailsInALaterTurnEndsTheSessionInsteadOfStallingIt() {
        connector.actions.register(new dev.ami.server.action.ActionHandler() {
            @Override
            public String name() {
                return "Broken";
            }

            @Override
            public dev.ami.api.authority.Authority authority() {
                return dev.ami.api.authority.Authority.NONE;
            }

            @Override
            public String synopsis() {
                return "Fails";
            }

            @Override
            public void handle(dev.ami.server.action.ActionCall call) {
                throw new IllegalStateException("a bug in an action");
            }
        });
        var c = connector.login("admin", "s3cret");
        c.read();
        // the failing request comes after the first turn, so it runs in a scheduled task, outside the pipeline
        c.send("Action: Ping\r\n\r\n".repeat(AmiSessionHandler.REQUESTS_PER_TURN + 3) + "Action: Broken\r\n\r\n"
                + "Action: Ping\r\n\r\n");
        for (int pass = 0; pass < 10 && c.channel().isActive(); pass++) {
            c.read();
        }
        assertFalse(c.channel().isActive(), "the session ends, as a failure in the pipeline ends it");
    }

    @Test
    void theRepliesOfATurnGoOutAsOneBufferInOrder() {
        var c = connector.connect();
        EmbeddedChannel channel = c.channel();
        oneRead(channel, "\n\nAction: Nonesuch\r\nActionID: 7\r\n\r\n\n");
        ByteBuf turn = channel.readOutbound();
        assertEquals(MISSING + MISSING + "Response: Error\r\nActionID: 7\r\n"
                + "Message: Permission denied\r\n\r\n"
                + MISSING, turn.toString(StandardCharsets.ISO_8859_1));
        turn.release();
        assertEquals(null, (Object) channel.readOutbound(), "one buffer for the turn's four replies");
    }
}
