package dev.ami.server.tcp;

import dev.ami.api.AmiVersion;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.action.ActionDispatcher;
import dev.ami.server.action.ActionRegistry;
import dev.ami.server.codec.AmiFrameDecoder;
import dev.ami.server.codec.AmiMessageEncoder;
import dev.ami.server.codec.DecodedAction;
import dev.ami.server.session.AmiSession;
import dev.ami.server.session.ConnectorContext;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.WriteTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Binds one connection to its {@link AmiSession}: greets on connect, answers bad frames as
 * Asterisk does, hands good ones to the dispatcher, and logs the end of the session.
 *
 * <p>Requests are run in order, at most {@value #REQUESTS_PER_TURN} per turn of the event loop,
 * with one flush per turn: a client that pipelines thousands of requests in one read (a 64 KiB
 * read of blank lines is 65,536 of them) waits for later turns while reading is paused, so the
 * other connections on its event loop are served in between. Requests also wait while the
 * connection does not take bytes, so a client that sends without reading cannot grow our
 * outbound buffer; the writetimeout then ends it.
 */
public final class AmiSessionHandler extends SimpleChannelInboundHandler<DecodedAction> {

    /** How many requests of one connection are run before the event loop turns to other work. */
    static final int REQUESTS_PER_TURN = 64;

    /** How many framed requests of one connection may wait; beyond that framing (and reading) pauses. */
    static final int MAX_HELD = 2 * REQUESTS_PER_TURN;

    private static final Logger LOG = Logger.getLogger(AmiSessionHandler.class.getName());
    private static final byte[] GREETING = AmiMessageEncoder.line(AmiVersion.GREETING);

    private final ConnectorContext connector;
    private final ActionDispatcher dispatcher;
    private final String transportName;
    private AmiSession session;
    private ChannelTransport transport;
    private final Deque<DecodedAction> held = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private AmiFrameDecoder decoder;
    private boolean turnScheduled;
    private boolean running;
    /** The client has shut down its side: close once what it sent is answered. */
    private boolean inputShutdown;

    /**
     * @param connector     what the sessions share
     * @param actions       the actions sessions may run
     * @param transportName {@code TCP} or {@code TLS}
     */
    public AmiSessionHandler(ConnectorContext connector, ActionRegistry actions, String transportName) {
        this.connector = connector;
        this.dispatcher = new ActionDispatcher(connector, actions);
        this.transportName = transportName;
    }

    /** @return this connection's session; null before the connection is active */
    public AmiSession session() {
        return session;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.decoder = ctx.pipeline().get(AmiFrameDecoder.class);
        GeneralSettings general = connector.configuration().general();
        transport = new ChannelTransport(ctx.channel(), transportName);
        session = new AmiSession(transport, connector.clock().instant());
        if (connector.isShuttingDown()) {
            // the stop began after this connection was accepted (a TLS handshake that ended meanwhile)
            session.close();
            return;
        }
        // authlimit, then ami's admission limits (one address or network cannot fill authlimit for
        // everybody else): one connection too many is closed at once, without a greeting
        String refused = Admission.admit(connector.sessions(), general, true, session.remoteAddress(),
                () -> connector.sessions().add(session));
        if (refused != null) {
            LOG.fine(() -> "AMI " + refused + "; refused " + session.remoteHost());
            session.close();
            return;
        }
        transport.setOnIdle(() -> outsideThePipeline(this::runHeld));
        transport.setOnDrain(this::drain);
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
        held.add(frame);
        if (held.size() >= MAX_HELD) {
            decoder.pause();
            ctx.channel().config().setAutoRead(false);
        }
    }

    /** @return how many framed requests wait (for tests of the bound) */
    int heldCount() {
        return held.size();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (session != null) {
            runHeld();
        }
        ctx.fireChannelReadComplete();
    }

    /** Runs one turn's worth of the requests received, then reads on or pauses until they are done. */
    private void runHeld() {
        if (running) {
            // never a request inside another one's reply: the rest waits for the next turn
            scheduleTurn();
            return;
        }
        int budget = REQUESTS_PER_TURN;
        running = true;
        transport.deferFlushes();
        try {
            DecodedAction frame;
            while (budget > 0 && mayRun() && (frame = nextFrame()) != null) {
                handle(frame);
                budget--;
            }
        } finally {
            running = false;
            transport.flushDeferred();
        }
        if (session.isClosing()) {
            held.clear();
            return;
        }
        if (held.isEmpty() && !decoder.isPaused()) {
            if (transport.isBusy()) {
                return; // onIdle resumes
            }
            if (transport.isDraining()) {
                closeOnceEventsAreWritten();
            } else if (inputShutdown) {
                transport.closeAfterWrites();
            } else {
                ctx.channel().config().setAutoRead(true);
            }
            return;
        }
        ctx.channel().config().setAutoRead(false);
        // Out of budget: continue in a later turn. A scheduled task (unlike an executed one, which the
        // loop may run again and again for up to a second before it polls the sockets) runs after
        // the loop has served the I/O that is ready. Busy or unwritable: onIdle or writability resumes.
        if (budget == 0) {
            scheduleTurn();
        }
    }

    /**
     * The server is stopping: nothing more is read from the socket; the requests already read (held
     * here or still in the decoder's buffer) are answered, those not yet started with the
     * dispatcher's {@code Asterisk is shutting down}, after the one whose work is under way; then
     * the connection closes. {@link ChannelTransport#closeWhenAnswered} bounds how long this takes.
     */
    private void drain() {
        ctx.channel().config().setAutoRead(false);
        runHeld();
    }

    /**
     * Stopping, with every request read answered: the queued events (the Shutdown event among them)
     * go out while the client takes them, then the connection closes once everything is written.
     * A connection that does not take them waits for writability (or for the stop's limit).
     */
    private void closeOnceEventsAreWritten() {
        session.resumeEvents();
        if (session.pendingEvents() == 0 || ctx.channel().isWritable()) {
            // writable: what is still queued was routed after this very drain and may be left behind
            transport.closeAfterWrites();
        }
    }

    /** @return the next request, framing more of what was read if framing had paused; null if none */
    private DecodedAction nextFrame() {
        DecodedAction frame = held.poll();
        if (frame == null && decoder.isPaused()) {
            decoder.resume();
            frame = held.poll();
        }
        return frame;
    }

    private void scheduleTurn() {
        if (!turnScheduled) {
            turnScheduled = true;
            ctx.executor().schedule(() -> {
                turnScheduled = false;
                outsideThePipeline(this::runHeld);
            }, 0, TimeUnit.NANOSECONDS);
        }
    }

    /** Work run as a task of its own: a failure ends the session as one in the pipeline would, rather than stalling it. */
    private void outsideThePipeline(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            exceptionCaught(ctx, e);
        }
    }

    private boolean mayRun() {
        return !transport.isBusy() && !session.isClosing() && ctx.channel().isWritable();
    }

    private void handle(DecodedAction frame) {
        if (session.isClosing()) {
            return;
        }
        // Anything the client sends ends a pending WaitEvent, as in Asterisk.
        session.endWait();
        if (!frame.isValid()) {
            session.send(ManagerResponse.error(frame.action()).message(frame.error()).build());
            return;
        }
        dispatcher.dispatch(session, frame.action());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent && session != null) {
            inputShutdown = true;
            runHeld();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (session != null && ctx.channel().isWritable()) {
            // this may be signalled from inside a flush, in the middle of a reply: resume in a task of its own
            ctx.executor().execute(() -> outsideThePipeline(() -> {
                session.resumeEvents();
                runHeld();
            }));
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
                LOG.info(() -> "Manager '" + session.loginName() + "' logged off from " + session.remoteHost());
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
