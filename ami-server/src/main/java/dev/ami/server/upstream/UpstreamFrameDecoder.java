package dev.ami.server.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames what an upstream AMI server sends: first the greeting, a single line with no blank line
 * after it (main/manager.c, session_do), then messages, each a run of lines ended by a blank line.
 * A line ends at LF, a CR right before it is dropped; text is ISO-8859-1, kept as received. Blank
 * lines between messages are skipped.
 *
 * <p>Before Asterisk 14 the answer to {@code Command} was {@code Response: Follows} and the raw
 * output, which may hold blank lines, up to {@value #END_COMMAND} (main/manager.c, action_command,
 * in those releases): such a message ends at the first blank line after a line that ends with that
 * marker (the output's last line carries it when it has no line end), its blank lines kept.
 *
 * <p>Unlike a client's requests, an upstream's messages may be long (Command output, a large
 * list), so the limits are generous: {@value #MAX_LINE} bytes a line and {@value #MAX_MESSAGE}
 * bytes a message. Past either, the decoder hands on a {@link UpstreamFrame.TooLong} once and then
 * discards everything: the session cannot be followed any more and must end.
 */
public final class UpstreamFrameDecoder extends ByteToMessageDecoder {

    /** The longest line, without its line end. */
    public static final int MAX_LINE = 64 * 1024;

    /** The most bytes one message may take, line ends included. */
    public static final int MAX_MESSAGE = 4 * 1024 * 1024;

    /** How Asterisk before 14 ends a Command's raw output. */
    static final String END_COMMAND = "--END COMMAND--";

    private final int maxLine;
    private final int maxMessage;
    private boolean greeted;
    private boolean broken;
    private List<String> lines = new ArrayList<>();
    private int messageBytes;

    /** A decoder with the limits above. */
    public UpstreamFrameDecoder() {
        this(MAX_LINE, MAX_MESSAGE);
    }

    /**
     * @param maxLine    the longest line, without its line end
     * @param maxMessage the most bytes one message may take
     */
    UpstreamFrameDecoder(int maxLine, int maxMessage) {
        this.maxLine = maxLine;
        this.maxMessage = maxMessage;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.isReadable()) {
            int from = in.readerIndex();
            // a line end is looked for no further than a line may reach, so a flood without one costs nothing
            int to = Math.min(in.writerIndex(), from + maxLine + 2);
            int lf = in.indexOf(from, to, (byte) '\n');
            if (lf < 0) {
                if (to - from > maxLine + 1) {
                    fail(in, out, "a line longer than " + maxLine + " bytes");
                }
                return; // wait for the rest of the line
            }
            int length = lf - from;
            if (length > 0 && in.getByte(lf - 1) == '\r') {
                length--;
            }
            if (length > maxLine) {
                fail(in, out, "a line longer than " + maxLine + " bytes");
                return;
            }
            String line = in.toString(from, length, StandardCharsets.ISO_8859_1);
            in.readerIndex(lf + 1);
            if (!greeted) {
                greeted = true;
                out.add(new UpstreamFrame.Greeting(line));
            } else if (line.isEmpty() && !inRawOutput()) {
                endOfMessage(out);
            } else {
                messageBytes += lf + 1 - from;
                if (messageBytes > maxMessage) {
                    fail(in, out, "a message longer than " + maxMessage + " bytes");
                    return;
                }
                lines.add(line);
            }
        }
    }

    /** @return true inside a {@code Response: Follows} message before its end marker */
    private boolean inRawOutput() {
        return !lines.isEmpty() && lines.get(0).equalsIgnoreCase("Response: Follows")
                && !lines.get(lines.size() - 1).endsWith(END_COMMAND);
    }

    private void endOfMessage(List<Object> out) {
        if (lines.isEmpty()) {
            return; // a stray blank line
        }
        out.add(new UpstreamFrame.Message(new UpstreamMessage(lines)));
        lines = new ArrayList<>();
        messageBytes = 0;
    }

    private void fail(ByteBuf in, List<Object> out, String reason) {
        broken = true;
        in.skipBytes(in.readableBytes());
        lines = List.of();
        out.add(new UpstreamFrame.TooLong("the upstream sent " + reason));
    }
}
