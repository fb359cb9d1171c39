package dev.ami.server.tcp;

import dev.ami.api.connector.SessionThread;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.codec.AmiMessageEncoder;
import dev.ami.server.routing.OutboundEvent;
import dev.ami.server.session.SessionTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A session carried by a TCP (or TLS) connection: the session's thread is the channel's event
 * loop. While the handler runs a turn of requests, replies are written and flushed once at its
 * end; work outside a turn (a slow request's answer, a WaitEvent's timeout, routed events) is
 * flushed once at its own end.
 *
 * <p>Routed events written in a row, and the replies of a turn, are copied into one buffer of up
 * to {@value #BATCH_BYTES} bytes, handed to the channel before anything else is written or
 * flushed: a batch costs the channel one write (one outbound-buffer entry, one slice of a writev)
 * however many messages it holds. The channel's writability, which the event queue and the
 * request turns consult between messages, therefore lags by at most one batch.
 */
final class ChannelTransport implements SessionTransport {

    /** The most bytes copied into one buffer before it is handed to the channel. */
    static final int BATCH_BYTES = 16 * 1024;

    /** The first size of a batch buffer; it grows while messages are added, up to {@link #BATCH_BYTES}. */
    private static final int BATCH_INITIAL = 1024;

    private final Channel channel;
    private final String name;
    private boolean closing;
    private boolean draining;
    private boolean busy;
    private boolean flushDeferred;
    private boolean unflushed;
    private Runnable onIdle = () -> { };
    private Runnable onDrain = () -> { };
    /** Events and replies written and not yet handed to the channel; only touched on the event loop. */
    private ByteBuf batch;

    /**
     * @param channel the connection
     * @param name    {@code TCP} or {@code TLS}
     */
    ChannelTransport(Channel channel, String name) {
        this.channel = channel;
        this.name = name;
        channel.closeFuture().addListener(closed -> discardBatch());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public boolean onIpv6Listener() {
        Channel listener = channel.parent();
        return listener != null && listener.localAddress() instanceof InetSocketAddress bound
                && bound.getAddress() instanceof Inet6Address;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void send(ManagerMessage message) {
        if (flushDeferred && channel.eventLoop().inEventLoop()) {
            if (channel.isActive()) {
                // a reply within a turn joins the turn's batch: one buffer for the turn's replies
                AmiMessageEncoder.write(message, batchFor(AmiMessageEncoder.length(message)));
                unflushed = true;
            }
            return;
        }
        writeBatch();
        if (channel.isActive()) {
            channel.writeAndFlush(message, channel.voidPromise());
        }
    }

    @Override
    public void write(OutboundEvent event) {
        if (!channel.isOpen()) {
            return; // closed: nothing more goes out (and a batch made now would never be released)
        }
        byte[] bytes = event.bytes();
        batchFor(bytes.length).writeBytes(bytes);
    }

    /** @return the batch, with room for {@code length} more bytes: the full one handed on, a new one made */
    private ByteBuf batchFor(int length) {
        if (batch != null && batch.maxWritableBytes() < length) {
            writeBatch();
        }
        if (batch == null) {
            batch = channel.alloc().directBuffer(Math.max(BATCH_INITIAL, length), Math.max(BATCH_BYTES, length));
        }
        return batch;
    }

    @Override
    public void flush() {
        writeBatch();
        channel.flush();
    }

    /**
     * Hands the bytes batched so far to the channel, before anything written after them. Batches
     * exist only on the event loop, inside one of its tasks; from another thread there is none.
     */
    private void writeBatch() {
        ByteBuf written = batch;
        if (written != null && channel.eventLoop().inEventLoop()) {
            batch = null;
            channel.write(written, channel.voidPromise());
        }
    }

    /** The connection is closed: what was batched and not handed to it is dropped. On the event loop. */
    private void discardBatch() {
        ByteBuf dropped = batch;
        if (dropped != null) {
            batch = null;
            dropped.release();
        }
    }

    @Override
    public void execute(Runnable work) {
        channel.eventLoop().execute(() -> inOneFlush(work));
    }

    @Override
    public SessionThread.Timer schedule(Runnable work, Duration delay) {
        ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> inOneFlush(work), delay.toNanos(),
                TimeUnit.NANOSECONDS);
        return () -> timer.cancel(false);
    }

    @Override
    public <T> void await(CompletionStage<T> stage, BiConsumer<T, Throwable> then) {
        busy = true;
        channel.config().setAutoRead(false);
        stage.whenComplete((value, failure) -> channel.eventLoop().execute(() -> {
            busy = false;
            inOneFlush(() -> then.accept(value, failure));
            onIdle.run(); // runs the requests that came meanwhile and resumes reading
        }));
    }

    /** @return true while a request's slow work is pending (see {@link #await}) */
    boolean isBusy() {
        return busy;
    }

    /** @param whenIdle run on the event loop each time the session stops being busy */
    void setOnIdle(Runnable whenIdle) {
        this.onIdle = whenIdle;
    }

    /** @param whenDraining run on the event loop when the server starts stopping (see {@link #closeWhenAnswered}) */
    void setOnDrain(Runnable whenDraining) {
        this.onDrain = whenDraining;
    }

    /** @return true once the server is stopping: nothing more is read; the connection closes once what was read is answered */
    boolean isDraining() {
        return draining;
    }

    /**
     * Starts the limit's timer (a connection already closing after a final write has it too, since
     * that write may never complete), then lets the session handler answer what it has read.
     */
    @Override
    public void closeWhenAnswered(Duration limit, Runnable atLimit) {
        if (!channel.isOpen()) {
            return;
        }
        ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
            if (channel.isOpen()) {
                atLimit.run();
                close(); // what is still unwritten is dropped
            }
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(closed -> deadline.cancel(false));
        boolean alreadyClosing = closing;
        draining = true;
        if (!alreadyClosing) {
            onDrain.run();
        }
    }

    @Override
    public void setWriteTimeout(long millis) {
        if (channel.pipeline().get(AmiChannelInitializer.WRITE_TIMEOUT) instanceof WriteStallGuard guard) {
            guard.setTimeoutMillis(millis);
        }
    }

    /**
     * Runs work outside a turn of requests with one flush at its end; a failure ends the session
     * as one in the pipeline would.
     */
    private void inOneFlush(Runnable work) {
        deferFlushes();
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            channel.pipeline().fireExceptionCaught(e);
        } finally {
            flushDeferred();
        }
    }

    /** From now until {@link #flushDeferred()}, replies written on the event loop are not flushed one by one. */
    void deferFlushes() {
        flushDeferred = true;
    }

    /** Flushes the replies written since {@link #deferFlushes()}, in one go. */
    void flushDeferred() {
        flushDeferred = false;
        if (batch != null) {
            writeBatch();
            unflushed = true;
        }
        if (unflushed) {
            unflushed = false;
            channel.flush();
        }
    }

    /** Closes once everything written so far has gone out (the client has shut down its side). */
    void closeAfterWrites() {
        closing = true;
        writeBatch();
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void sendAndClose(ManagerMessage message) {
        closing = true;
        writeBatch();
        channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void close() {
        closing = true;
        channel.close(); // a batch not yet handed on is released as the channel closes
    }

    @Override
    public void sendLaterAndClose(ManagerMessage message, Duration delay) {
        closing = true;
        channel.config().setAutoRead(false);
        channel.eventLoop().schedule(() -> sendAndClose(message), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
