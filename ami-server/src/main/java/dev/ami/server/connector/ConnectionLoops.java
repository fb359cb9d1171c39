package dev.ami.server.connector;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event loop each accepted connection is registered on (a listener's child group): the
 * accepting loop itself while it holds no more than {@value #SLACK} connection more than the least
 * loaded loop, else the least loaded one. Netty's own choice, round robin over the group, hands
 * every second connection to another thread, which then has to be woken (an eventfd write, a
 * context switch) before it can greet: for a client that connects, logs in and leaves, that hop
 * was one more thread wake-up per connection than the work needs. Connections that stay are still
 * spread over the loops by their count, within {@value #SLACK}.
 *
 * <p>Everything but {@link #register} is the underlying group's.
 */
final class ConnectionLoops extends AbstractEventExecutorGroup implements EventLoopGroup {

    /** How many connections more than the least loaded loop the accepting loop may hold and still keep a new one. */
    static final int SLACK = 1;

    private final EventLoopGroup group;
    private final List<EventLoop> loops = new ArrayList<>();
    /** Live connections per loop, counted from registration to close. */
    private final Map<EventExecutor, AtomicInteger> live = new IdentityHashMap<>();
    private final AtomicInteger rotation = new AtomicInteger();

    /** @param group the loops to choose from (the connector's) */
    ConnectionLoops(EventLoopGroup group) {
        this.group = group;
        for (EventExecutor executor : group) {
            loops.add((EventLoop) executor);
            live.put(executor, new AtomicInteger());
        }
    }

    /**
     * @return the loop for a new connection: the caller's own (a listener's accepting loop) while it
     *         is within {@value #SLACK} of the least loaded, else the least loaded
     */
    EventLoop choose() {
        int n = loops.size();
        int start = Math.floorMod(rotation.getAndIncrement(), n);
        EventLoop least = null;
        int fewest = Integer.MAX_VALUE;
        EventLoop current = null;
        int currentCount = 0;
        for (int i = 0; i < n; i++) {
            EventLoop loop = loops.get((start + i) % n);
            int count = live.get(loop).get();
            if (count < fewest) {
                fewest = count;
                least = loop;
            }
            if (loop.inEventLoop()) {
                current = loop;
                currentCount = count;
            }
        }
        return current != null && currentCount <= fewest + SLACK ? current : least;
    }

    /** @return how many connections registered through this group are open on {@code loop} */
    int liveOn(EventExecutor loop) {
        AtomicInteger count = live.get(loop);
        return count == null ? 0 : count.get();
    }

    @Override
    public ChannelFuture register(Channel channel) {
        EventLoop loop = choose();
        return register(loop, new DefaultChannelPromise(channel, loop));
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
        return register(choose(), promise);
    }

    private ChannelFuture register(EventLoop loop, ChannelPromise promise) {
        AtomicInteger count = live.get(loop);
        count.incrementAndGet(); // before registering, so that an accept on another loop meanwhile sees it
        promise.channel().closeFuture().addListener(closed -> count.decrementAndGet());
        return loop.register(promise);
    }

    @Deprecated
    @Override
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        return register(promise);
    }

    @Override
    public EventLoop next() {
        return choose();
    }

    @Override
    public Iterator<EventExecutor> iterator() {
        return group.iterator();
    }

    @Override
    public boolean isShuttingDown() {
        return group.isShuttingDown();
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        return group.shutdownGracefully(quietPeriod, timeout, unit);
    }

    @Override
    public Future<?> terminationFuture() {
        return group.terminationFuture();
    }

    @Deprecated
    @Override
    public void shutdown() {
        group.shutdown();
    }

    @Override
    public boolean isShutdown() {
        return group.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return group.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return group.awaitTermination(timeout, unit);
    }
}
