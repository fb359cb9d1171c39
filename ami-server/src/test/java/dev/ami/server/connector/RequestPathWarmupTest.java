package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.server.action.BuiltInActions;
import dev.ami.server.session.ConfigurationReloader;
import dev.ami.server.tcp.AmiChannelInitializer;
import dev.ami.server.testing.TestConnector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warm-up runs real Pings before the port opens and leaves nothing of itself behind. */
class RequestPathWarmupTest {

    private static final ConfigurationReloader NO_RELOAD =
            () -> CompletableFuture.failedFuture(new UnsupportedOperationException("no reload here"));

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void stop() {
        group.shutdownGracefully().syncUninterruptibly();
    }

    @Test
    void everyPingIsAnsweredThroughTheRealPathAndItsListenerIsClosedAfter() {
        Binder binder = new Binder();
        int answered = new RequestPathWarmup(300, Duration.ofMinutes(1)).run(group, BuiltInActions.registry(),
                TestConnector.GENERAL, binder, NO_RELOAD);
        assertEquals(300, answered);
        assertEquals(1, binder.bound);
        assertTrue(binder.last.closeFuture().isDone(), "the warm-up listener is closed when it returns");
    }

    @Test
    void noneWhenSetToZero() {
        Binder binder = new Binder();
        assertEquals(0, new RequestPathWarmup(0, Duration.ofMinutes(1)).run(group, BuiltInActions.registry(),
                TestConnector.GENERAL, binder, NO_RELOAD));
        assertEquals(0, binder.bound);
    }

    @Test
    void theListenerWarmsUpOnceItsPortOpensAndCountsNothingOfIt() {
        // the warm-up runs on the thread that applies the configuration here, so it is over when apply returns
        AmiListener listener = new AmiListener(group, NO_RELOAD, StopSequence.DRAIN_LIMIT,
                new RequestPathWarmup(200, Duration.ofMinutes(1)), Runnable::run);
        try {
            listener.apply(new ManagerConfiguration(TestConnector.GENERAL.toBuilder().enabled(true).port(0).build(),
                    TestConnector.ACCOUNTS));
            assertNotNull(listener.boundAddress());
            // the warm-up's Login and Pings ran in a context of their own
            assertEquals(Map.of(), listener.context().counters().actions());
            assertEquals(0, listener.context().sessions().all().size());
        } finally {
            listener.close();
        }
    }

    /** Binds through a bootstrap of its own and remembers the channel. */
    private final class Binder implements RequestPathWarmup.Listen {
        private int bound;
        private Channel last;

        @Override
        public Channel bind(AmiChannelInitializer initializer, InetSocketAddress address) {
            bound++;
            last = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class).childHandler(initializer)
                    .bind(address).syncUninterruptibly().channel();
            return last;
        }
    }
}
