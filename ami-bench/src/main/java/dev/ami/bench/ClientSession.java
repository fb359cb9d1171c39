package dev.ami.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One AMI connection of the load client: waits for the greeting, logs in, then hands every
 * further message to its role. All of it runs on the connection's event loop.
 */
abstract class ClientSession extends ChannelInboundHandlerAdapter implements AmiParser.Sink {

    static final String GREETING_PREFIX = "Asterisk Call Manager/";

    /** One copy buffer per event-loop thread, not per connection: 10,000 sessions stay cheap. */
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[64 * 1024];
        }
    };

    final CompletableFuture<Void> loggedIn = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AmiParser parser = new AmiParser(this);
    private volatile boolean open;
    protected Channel channel;
    private boolean authenticated;

    /** @return the Login {@code Events} header value, or null to send none (the account's read classes) */
    protected abstract String loginEvents();

    /** Called on the event loop once the login is accepted. */
    protected void onLoggedIn() {
    }

    /** Called on the event loop for every message after the login response. */
    protected abstract void onMessage(AmiMessage message);

    /** Called on the event loop after each batch of reads: the place to write in bulk. */
    protected void onReadComplete() {
    }

    /** Called on the event loop when the connection has closed. */
    protected void onClosed() {
    }

    /** @return the local address to connect from (port 0: any), or null for the kernel's choice */
    java.net.InetSocketAddress localAddress() {
        return null;
    }

    /** @return SO_RCVBUF to set before connecting, or 0 for the system's (auto-tuned) default */
    int receiveBufferBytes() {
        return 0;
    }

    boolean isOpen() {
        return open;
    }

    Channel channel() {
        return channel;
    }

    static ByteBuf loginRequest(String events) {
        String text = "Action: Login\r\nUsername: " + BenchOptions.USER + "\r\nSecret: " + BenchOptions.SECRET + "\r\n"
                + (events == null ? "" : "Events: " + events + "\r\n") + "\r\n";
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        open = true;
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (buf.hasArray()) {
                parser.feed(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes());
            } else {
                byte[] scratch = SCRATCH.get();
                while (buf.isReadable()) {
                    int n = Math.min(scratch.length, buf.readableBytes());
                    buf.readBytes(scratch, 0, n);
                    parser.feed(scratch, 0, n);
                }
            }
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        onReadComplete();
    }

    @Override
    public void greeting(String line) {
        if (!line.startsWith(GREETING_PREFIX)) {
            fail(new IOException("unexpected greeting: " + line));
            return;
        }
        channel.writeAndFlush(loginRequest(loginEvents()));
    }

    @Override
    public void message(AmiMessage message) {
        if (authenticated) {
            onMessage(message);
        } else if (message.response != null) {
            if (message.isResponse(AmiMessage.SUCCESS)) {
                authenticated = true;
                loggedIn.complete(null);
                onLoggedIn();
            } else {
                fail(new IOException("login refused: " + message));
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open = false;
        loggedIn.completeExceptionally(new IOException("the server closed the connection before the login was accepted"));
        onClosed();
        closed.complete(null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
    }

    private void fail(Throwable cause) {
        loggedIn.completeExceptionally(cause);
        if (channel != null) {
            channel.close();
        }
    }

    /** Closes the connection; the future completes once it is closed. */
    CompletableFuture<Void> close() {
        if (channel != null) {
            channel.close();
        } else {
            closed.complete(null);
        }
        return closed;
    }
}
