package dev.ami.server.tcp;

import dev.ami.server.session.ConnectorContext;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Behind the SslHandler of a TLS connection until its handshake ends: the session starts
 * (greeting, writetimeout, authtimeout) only once the handshake is done, so a slow handshake is
 * not taken for a stalled reader, and SslHandler's own timeout bounds a client that never finishes
 * it. Meanwhile the connection counts towards its address's and network's admission shares
 * ({@link Admission}), so that clients that open TLS connections and never handshake cannot hold
 * more sockets than the shares allow; a connection over a share is closed at once, as a plain one is.
 */
final class TlsStart extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(TlsStart.class.getName());

    private final ConnectorContext connector;
    private final Consumer<ChannelHandlerContext> startSession;
    private Runnable release = () -> { };

    /**
     * @param connector    the shares and the counts
     * @param startSession adds the session's handlers once the handshake has succeeded
     */
    TlsStart(ConnectorContext connector, Consumer<ChannelHandlerContext> startSession) {
        this.connector = connector;
        this.startSession = startSession;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // the session handlers are not there yet; they see channelActive after the handshake
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        String overLimit = Admission.admit(connector.sessions(), connector.configuration().general(), false, remote, () -> {
            if (remote != null) {
                release = connector.sessions().handshaking(remote.getAddress());
            }
        });
        if (overLimit != null) {
            LOG.fine(() -> "AMI " + overLimit + "; refused TLS from " + remote);
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            // the listener allows half-closed connections for sessions; a client that stopped
            // sending before its handshake was done can never finish it
            release.run();
            ctx.close();
            return;
        }
        if (!(event instanceof SslHandshakeCompletionEvent done)) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        // the session counts itself from here, or the connection ends
        release.run();
        if (done.isSuccess()) {
            startSession.accept(ctx);
            ctx.pipeline().remove(this);
            ctx.fireChannelActive();
        } else {
            LOG.fine(() -> "AMI TLS handshake with " + ctx.channel().remoteAddress() + " failed: " + done.cause());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release.run();
        ctx.fireChannelInactive();
    }
}
