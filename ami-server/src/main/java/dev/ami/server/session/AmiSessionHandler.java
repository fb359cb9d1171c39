package dev.ami.server.session;

import dev.ami.api.AmiVersion;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.action.ActionDispatcher;
import dev.ami.server.codec.AmiMessageEncoder;
import dev.ami.server.codec.DecodedAction;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.WriteTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Binds one connection to its {@link AmiSession}: greets on connect, answers bad frames as
 * Asterisk does, hands good ones to the dispatcher, and logs the end of the session.
 */
public final class AmiSessionHandler extends SimpleChannelInboundHandler<DecodedAction> {

    private static final Logger LOG = Logger.getLogger(AmiSessionHandler.class.getName());
    private static final byte[] GREETING = AmiMessageEncoder.line(AmiVersion.GREETING);

    private final ConnectorContext connector;
    private final ActionDispatcher dispatcher;
    private final String transport;
    private AmiSession session;
    private final Deque<DecodedAction> held = new ArrayDeque<>();

    public AmiSessionHandler(ConnectorContext connector, String transport) {
        this.connector = connector;
        this.dispatcher = new ActionDispatcher(connector);
        this.transport = transport;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        GeneralSettings general = connector.configuration().general();
        session = new AmiSession(ctx.channel(), connector.clock().instant(), transport);
        // authlimit: one connection too many is closed at once, without a greeting.
        if (connector.sessions().unauthenticatedCount() >= general.authLimit()) {
            LOG.fine(() -> "AMI authlimit " + general.authLimit() + " reached; refused " + session.remoteHost());
            session.close();
            return;
        }
        connector.sessions().add(session);
        session.setOnIdle(this::runHeld);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(GREETING));
        // authtimeout: a connection that has not logged in by then is closed without a word.
        session.expireUnlessAuthenticated(Duration.ofSeconds(general.authTimeoutSeconds()), () -> {
            LOG.info(() -> "Client from " + session.remoteHost() + ", failed to authenticate in "
                    + general.authTimeoutSeconds() + " seconds");
            session.close();
        });
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DecodedAction frame) {
        if (session.isBusy()) {
            held.add(frame);
            return;
        }
        handle(frame);
    }

    private void runHeld() {
        DecodedAction frame;
        while (!session.isBusy() && (frame = held.poll()) != null) {
            handle(frame);
        }
    }

    private void handle(DecodedAction frame) {
        if (session.isClosing()) {
            return;
        }
        // Anything the client sends ends a pending WaitEvent, as in Asterisk.
        session.finishWait(null);
        if (!frame.isValid()) {
            session.send(ManagerResponse.error(frame.action()).message(frame.error()).build());
            return;
        }
        dispatcher.dispatch(session, frame.action());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (session != null && ctx.channel().isWritable()) {
            session.writable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            session.closed();
        }
        if (session == null || !connector.sessions().remove(session)) {
            ctx.fireChannelInactive();
            return;
        }
        if (session.isAuthenticated()) {
            if (session.account().displayConnects()) {
                LOG.info(() -> "Manager '" + session.account().username() + "' logged off from " + session.remoteHost());
            }
        } else if (connector.configuration().general().displayConnects()) {
            LOG.info(() -> "Connect attempt from '" + session.remoteHost() + "' unable to authenticate");
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset by the peer is routine; anything else is a bug worth a stack trace.
        if (cause instanceof WriteTimeoutException) {
            LOG.warning(() -> "AMI session " + (session == null ? "?" : session.remoteHost())
                    + " closed: a write did not complete within its writetimeout");
        } else if (cause instanceof java.io.IOException) {
            LOG.fine(() -> "AMI connection from " + ctx.channel().remoteAddress() + " failed: " + cause);
        } else {
            LOG.log(Level.WARNING, "AMI session " + ctx.channel().remoteAddress() + " failed; closing it", cause);
        }
        ctx.close();
    }
}
