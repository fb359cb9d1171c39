package dev.ami.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/** The load client's connections: a few NIO event loops shared by every session (no thread per connection). */
final class NettyClient implements AutoCloseable {

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final String host;
    private final int port;

    NettyClient(int threads, String host, int port) {
        this.host = host;
        this.port = port;
        group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                // AMI clients send small requests and wait for the answer: Nagle would add delay
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .remoteAddress(host, port);
    }

    /** Connects one session; failures show in its {@code loggedIn} future. */
    <T extends ClientSession> T connect(T session) {
        return connect(session, port);
    }

    /** Connects one session to another AMI port of the same host (another node on this machine). */
    <T extends ClientSession> T connect(T session, int toPort) {
        Bootstrap b = bootstrap.clone().handler(session).remoteAddress(host, toPort);
        if (session.receiveBufferBytes() > 0) {
            b.option(ChannelOption.SO_RCVBUF, session.receiveBufferBytes());
        }
        if (session.localAddress() != null) {
            b.localAddress(session.localAddress());
        }
        b.connect().addListener(f -> {
            if (!f.isSuccess()) {
                session.loggedIn.completeExceptionally(f.cause());
                session.closed.complete(null);
            }
        });
        return session;
    }

    /** Connects a handler of another protocol (the HTTP manager) to another port of the same host. */
    ChannelFuture connect(ChannelHandler handler, int port) {
        return bootstrap.clone().handler(handler).remoteAddress(host, port).connect();
    }

    /**
     * Opens and logs in {@code count} sessions, at most {@code concurrency} of them between connect
     * and login at any time (a connect storm would only measure the SYN backlog).
     *
     * @throws IllegalStateException naming the first failure if any session could not log in
     */
    <T extends ClientSession> List<T> open(int count, IntFunction<T> factory, int concurrency, Duration timeout)
            throws InterruptedException {
        return open(count, factory, concurrency, timeout, port);
    }

    /** As {@link #open(int, IntFunction, int, Duration)}, to another AMI port of the same host. */
    <T extends ClientSession> List<T> open(int count, IntFunction<T> factory, int concurrency, Duration timeout,
            int toPort) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        List<T> sessions = new ArrayList<>(count);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < count && failure.get() == null; i++) {
            if (!slots.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("opening " + count + " sessions took longer than " + timeout
                        + " (" + i + " started)");
            }
            T session = connect(factory.apply(i), toPort);
            session.loggedIn.whenComplete((ok, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                slots.release();
            });
            sessions.add(session);
        }
        try {
            CompletableFuture.allOf(sessions.stream().map(s -> s.loggedIn).toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            long done = sessions.stream().filter(s -> s.loggedIn.isDone()).count();
            closeAll(sessions);
            throw new IllegalStateException("only " + done + " of " + count + " sessions logged in within " + timeout);
        } catch (java.util.concurrent.ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
        }
        if (failure.get() != null) {
            closeAll(sessions);
            throw new IllegalStateException("a session could not log in: " + failure.get(), failure.get());
        }
        return sessions;
    }

    /** Closes the sessions and waits (a bounded time) until they are closed. */
    static void closeAll(List<? extends ClientSession> sessions) {
        CompletableFuture<?>[] all = sessions.stream().map(ClientSession::close).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("warning: not every bench session closed within 30 s: " + e);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
