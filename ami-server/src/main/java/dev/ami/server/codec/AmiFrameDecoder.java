package dev.ami.server.codec;

import dev.ami.api.message.ManagerAction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Frames the client byte stream into AMI messages with Asterisk's limits, as a small state machine
 * that never throws on bad input: a bad frame becomes a {@link DecodedAction} carrying the error
 * Asterisk answers with, and the session goes on.
 *
 * <ul>
 *   <li>A line ends at LF; one CR right before it is dropped (bare LF is accepted, a lone CR is
 *       data). Content from the first NUL on is ignored.</li>
 *   <li>A line holds at most {@value #LINE_BUFFER} bytes including its terminator. When the buffer
 *       fills without an LF, all but its last byte are discarded and the message is marked
 *       {@link DecodedAction#LINE_TOO_LONG}.</li>
 *   <li>A message holds at most {@value #MAX_HEADERS} lines; further lines are dropped and the
 *       message is marked {@link DecodedAction#TOO_MANY_LINES} (which takes precedence).</li>
 *   <li>An empty line ends a message, even one with no header at all.</li>
 * </ul>
 * Memory per session is therefore bounded by about {@code MAX_HEADERS * LINE_BUFFER} bytes.
 *
 * <p>Messages are handed on one at a time, and the session may {@link #pause()} framing while its
 * queue of requests is full: the bytes read stay buffered here (reading stops too) until it
 * {@link #resume()}s, so a client that pipelines a flood never makes the server hold more than a
 * bounded number of framed requests. An end of input seen while paused waits until the buffered
 * bytes are framed.
 */
public final class AmiFrameDecoder extends ByteToMessageDecoder {

    /** Asterisk's per-session input buffer. */
    public static final int LINE_BUFFER = 1024;

    /** Asterisk's AST_MAX_MANHEADERS. */
    public static final int MAX_HEADERS = 128;

    private static final Logger LOG = Logger.getLogger(AmiFrameDecoder.class.getName());

    private final byte[] line = new byte[LINE_BUFFER];
    private int lineLength;
    private List<String> headers = new ArrayList<>();
    private boolean lineTooLong;
    private boolean headersLost;
    private boolean paused;
    private boolean inputShutdownHeld;
    private ChannelHandlerContext context;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
    }

    /** Stops framing; what is read stays buffered. On the event loop. */
    public void pause() {
        paused = true;
    }

    /** @return true while framing is paused */
    public boolean isPaused() {
        return paused;
    }

    /**
     * Frames what is buffered, handing each message on at once (the session may pause again), and
     * passes on an end of input held meanwhile once nothing is left. On the event loop.
     */
    public void resume() {
        paused = false;
        try {
            if (internalBuffer().isReadable()) {
                channelRead(context, Unpooled.EMPTY_BUFFER);
            }
            if (inputShutdownHeld && !paused) {
                inputShutdownHeld = false;
                super.userEventTriggered(context, ChannelInputShutdownEvent.INSTANCE);
            }
        } catch (Exception e) {
            context.fireExceptionCaught(e);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent && paused && internalBuffer().isReadable()) {
            inputShutdownHeld = true;
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // A line's bytes are found with one search for its LF and copied in one go, rather than read
        // byte by byte (each read checks bounds and the buffer's reference count): the same rules.
        while (!paused && in.isReadable()) {
            int from = in.readerIndex();
            // the LF is looked for only as far as the line buffer has room, as Asterisk reads at most that
            int to = Math.min(in.writerIndex(), from + (LINE_BUFFER - lineLength));
            int lf = in.indexOf(from, to, (byte) '\n');
            int length = (lf < 0 ? to : lf) - from;
            in.readBytes(line, lineLength, length);
            lineLength += length;
            if (lf >= 0) {
                in.skipBytes(1);
                if (endOfLine(ctx, out)) {
                    return; // one message per call: it reaches the session before the next is framed
                }
            } else if (lineLength == LINE_BUFFER) {
                discardOverlongLine(ctx);
            }
        }
    }

    /** @return true if the line ended a message */
    private boolean endOfLine(ChannelHandlerContext ctx, List<Object> out) {
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        for (int i = 0; i < length; i++) {
            if (line[i] == 0) {
                length = i;
                break;
            }
        }
        lineLength = 0;
        if (length == 0) {
            out.add(finishMessage());
            return true;
        }
        if (headers.size() < MAX_HEADERS) {
            headers.add(new String(line, 0, length, StandardCharsets.ISO_8859_1));
        } else {
            headersLost = true;
        }
        return false;
    }

    private void discardOverlongLine(ChannelHandlerContext ctx) {
        // Once per message: a flood of one endless line must not become a flood of log lines.
        if (!lineTooLong) {
            // Asterisk's log line (main/manager.c, get_input), with the client's bytes escaped
            LOG.warning(() -> "Discarding message from " + ctx.channel().remoteAddress() + ". Line too long: "
                    + LogText.of(new String(line, 0, 25, StandardCharsets.ISO_8859_1), 25) + "...");
        }
        line[0] = line[LINE_BUFFER - 1];
        lineLength = 1;
        lineTooLong = true;
    }

    private DecodedAction finishMessage() {
        String error = headersLost ? DecodedAction.TOO_MANY_LINES
                : lineTooLong ? DecodedAction.LINE_TOO_LONG : null;
        DecodedAction frame = new DecodedAction(new ManagerAction(headers), error);
        headers = new ArrayList<>();
        headersLost = false;
        lineTooLong = false;
        return frame;
    }
}
