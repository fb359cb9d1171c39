package dev.ami.server.tcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.WriteTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asterisk's writetimeout without a timer per write: when the connection stops taking bytes (Netty
 * marks it unwritable once its outbound buffer is past the high-water mark, which happens only
 * after the socket's own buffer is full), a single timer starts; if the connection is still
 * unwritable when it fires, a {@link WriteTimeoutException} ends the session. Becoming writable
 * again cancels the timer.
 */
final class WriteStallGuard extends ChannelInboundHandlerAdapter {

    private volatile long timeoutMillis;
    private final Runnable onStall;
    private ScheduledFuture<?> timer;

    /**
     * @param timeoutMillis the writetimeout until the account's is known
     * @param onStall       told of each connection ended by a stall (metrics)
     */
    WriteStallGuard(long timeoutMillis, Runnable onStall) {
        this.timeoutMillis = timeoutMillis;
        this.onStall = onStall;
    }

    /** @param millis the account's writetimeout, applied from the next stall on */
    void setTimeoutMillis(long millis) {
        this.timeoutMillis = millis;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) {
            if (timer == null) {
                timer = ctx.executor().schedule(() -> {
                    timer = null;
                    if (!ctx.channel().isWritable() && ctx.channel().isActive()) {
                        onStall.run();
                        ctx.fireExceptionCaught(WriteTimeoutException.INSTANCE);
                    }
                }, timeoutMillis, TimeUnit.MILLISECONDS);
            }
        } else if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        ctx.fireChannelInactive();
    }
}
