package dev.ami.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The attackers' connections: one NIO event loop carries every attack connection (10,000 of a
 * flood at once), apart from the legitimate client's blocking sockets, so that an attack that
 * keeps its loop busy never delays the probes on the client side.
 */
final class AttackClient implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Bootstrap bootstrap = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            // a writer stops when 256 KiB wait unsent: the server's pace, not the client's memory, sets the rate
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024));

    /** Connects {@code handler} from the local address {@code from} to the server's {@code port}. */
    ChannelFuture connect(String from, int port, ChannelHandler handler) {
        return bootstrap.clone()
                .handler(handler)
                .localAddress(new InetSocketAddress(from, 0))
                .connect(new InetSocketAddress(BenchOptions.HOST, port));
    }

    /**
     * Opens one attack connection while the attack runs, counting it; a connect that fails is
     * counted and tried again a second later, so that an attack keeps its number of connections.
     *
     * @param running  whether the attack still runs
     * @param from     the local address
     * @param port     the server's port
     * @param handler  a new handler per connection
     * @param connects counts every connect
     * @param failures counts every failed connect
     */
    void keepConnecting(BooleanSupplier running, String from, int port, Supplier<ChannelHandler> handler,
            AtomicLong connects, AtomicLong failures) {
        if (!running.getAsBoolean()) {
            return;
        }
        connects.incrementAndGet();
        connect(from, port, handler.get()).addListener(f -> {
            if (!f.isSuccess()) {
                failures.incrementAndGet();
                group.next().schedule(() -> keepConnecting(running, from, port, handler, connects, failures),
                        1, TimeUnit.SECONDS);
            }
        });
    }

    EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
