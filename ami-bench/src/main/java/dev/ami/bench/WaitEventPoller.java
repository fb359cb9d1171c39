package dev.ami.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP manager session of scenario i on its own keep-alive connection: logs in through
 * {@code /rawman} with {@code events=user}, then loops {@code action=waitevent}, the next one sent
 * as soon as the previous one is answered, and checks every UserEvent an answer carries. On the
 * client's event loop; no thread waits.
 */
final class WaitEventPoller extends ChannelInboundHandlerAdapter
        implements EventReader, HttpResponseParser.Sink, AmiParser.Sink {

    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[64 * 1024];
        }
    };

    final CompletableFuture<Void> loggedIn = new CompletableFuture<>();
    private final RawmanRequests requests;
    private final int timeoutSeconds;
    private final SequenceTally sequence;
    private final HttpResponseParser http = new HttpResponseParser(this);
    private final AmiParser ami = new AmiParser(this, false);
    private Channel channel;
    private String cookie;
    private ByteBuf waitEvent;
    private volatile boolean open;
    private volatile boolean stopping;
    private volatile long polls;
    private volatile String failure;

    WaitEventPoller(RawmanRequests requests, int producers, int timeoutSeconds) {
        this.requests = requests;
        this.timeoutSeconds = timeoutSeconds;
        this.sequence = new SequenceTally(producers);
    }

    @Override
    public boolean isOpen() {
        return open && failure == null;
    }

    @Override
    public SequenceTally sequence() {
        return sequence;
    }

    /** @return the session cookie, once logged in */
    String cookie() {
        return cookie;
    }

    long polls() {
        return polls;
    }

    String failure() {
        return failure;
    }

    /** No further WaitEvent once the pending one is answered (a Logoff on another connection ends it). */
    void stop() {
        stopping = true;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        open = true;
        channel.writeAndFlush(Unpooled.wrappedBuffer(requests.login("user", false)));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            byte[] scratch = SCRATCH.get();
            while (buf.isReadable()) {
                int n = Math.min(scratch.length, buf.readableBytes());
                buf.readBytes(scratch, 0, n);
                http.feed(scratch, 0, n);
            }
        } catch (RuntimeException e) {
            fail(e.toString());
        } finally {
            buf.release();
        }
    }

    @Override
    public void response(int status, String setCookie, boolean close, byte[] body, int offset, int length) {
        if (status != 200) {
            fail("HTTP status " + status);
            return;
        }
        if (cookie == null) {
            if (setCookie == null || !startsWith(body, offset, length, "Response: Success\r\n")) {
                fail("login refused: " + new String(body, offset, Math.min(length, 200),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
                loggedIn.completeExceptionally(new IOException("HTTP login refused: " + failure));
                return;
            }
            cookie = setCookie;
            waitEvent = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(requests.waitEvent(cookie, timeoutSeconds)));
            loggedIn.complete(null);
        } else {
            polls++;
            ami.feed(body, offset, length);
        }
        if (close) {
            fail("the server closes the connection");
        } else if (!stopping && failure == null) {
            channel.writeAndFlush(waitEvent.duplicate());
        }
    }

    @Override
    public void greeting(String line) {
        // rawman answers have none
    }

    @Override
    public void message(AmiMessage m) {
        if (m.response != null && !m.isResponse(AmiMessage.SUCCESS) && failure == null && !stopping) {
            // the session is gone (an unknown cookie starts an unauthenticated one)
            fail("WaitEvent answered " + m);
            return;
        }
        sequence.onMessage(m);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open = false;
        loggedIn.completeExceptionally(new IOException("the server closed the connection before the login"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause.toString());
    }

    private void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        loggedIn.completeExceptionally(new IOException(why));
        if (channel != null) {
            channel.close();
        }
    }

    private static boolean startsWith(byte[] b, int offset, int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[offset + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
