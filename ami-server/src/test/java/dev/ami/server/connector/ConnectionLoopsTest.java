package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where accepted connections go: the accepting loop while it is not ahead of the others, else the least loaded. */
class ConnectionLoopsTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, LocalIoHandler.newFactory());
    private final ConnectionLoops loops = new ConnectionLoops(group);
    private final EventLoop accepting = group.next();

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Registers a channel as a listener's accepting loop does: from that loop's own thread. */
    private Channel acceptOn(EventLoop acceptor) throws Exception {
        Channel channel = new LocalChannel();
        Callable<Channel> register = () -> {
            loops.register(channel).sync();
            return channel;
        };
        return acceptor.submit(register).get();
    }

    @Test
    void connectionsThatComeAndGoStayOnTheAcceptingLoop() throws Exception {
        for (int i = 0; i < 20; i++) {
            Channel channel = acceptOn(accepting);
            assertSame(accepting, channel.eventLoop(), "connection " + i + " was handed to another loop");
            channel.close().sync();
        }
        assertEquals(0, loops.liveOn(accepting));
    }

    @Test
    void connectionsThatStayAreSpreadOverTheLoops() throws Exception {
        List<Channel> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            open.add(acceptOn(accepting));
        }
        int here = loops.liveOn(accepting);
        assertEquals(10, open.size());
        assertTrue(here >= 5 && here <= 5 + ConnectionLoops.SLACK, "on the accepting loop: " + here + " of 10");
        for (Channel c : open) {
            c.close().sync();
        }
        for (io.netty.util.concurrent.EventExecutor loop : group) {
            assertEquals(0, loops.liveOn(loop), "a closed connection is still counted");
        }
    }

    @Test
    void theAcceptingLoopGivesWayOnceItIsAheadBeyondTheSlack() throws Exception {
        List<Channel> open = new ArrayList<>();
        for (int i = 0; i <= ConnectionLoops.SLACK; i++) {
            open.add(acceptOn(accepting));
            assertSame(accepting, open.get(i).eventLoop());
        }
        Channel next = acceptOn(accepting);
        assertTrue(next.eventLoop() != accepting, "the accepting loop took a connection while " + (ConnectionLoops.SLACK + 1)
                + " ahead of an empty loop");
        next.close().sync();
        for (Channel c : open) {
            c.close().sync();
        }
    }

    @Test
    void aCallerOutsideTheLoopsGetsTheLeastLoaded() throws Exception {
        Channel first = acceptOn(accepting);
        Channel other = new LocalChannel();
        loops.register(other).sync();
        assertTrue(other.eventLoop() != accepting, "registered beside a busier loop");
        first.close().sync();
        other.close().sync();
    }
}
