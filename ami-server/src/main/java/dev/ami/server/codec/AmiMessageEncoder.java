package dev.ami.server.codec;

import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a response or event as Asterisk does: {@code Name: value\r\n} per header, exactly one
 * space after the colon, and an empty line at the end. Text is written as ISO-8859-1 so that bytes
 * a client sent are echoed unchanged.
 */
@ChannelHandler.Sharable
public final class AmiMessageEncoder extends MessageToByteEncoder<ManagerMessage> {

    private static final byte[] SEPARATOR = {':', ' '};
    private static final byte[] CRLF = {'\r', '\n'};

    @Override
    protected void encode(ChannelHandlerContext ctx, ManagerMessage message, ByteBuf out) {
        write(message, out);
    }

    /**
     * Writes a message's wire form.
     *
     * @param message the message
     * @param out     where its bytes go
     */
    public static void write(ManagerMessage message, ByteBuf out) {
        for (Header header : message.headers()) {
            out.writeCharSequence(header.name(), StandardCharsets.ISO_8859_1);
            if (!header.isRaw()) {
                out.writeBytes(SEPARATOR);
                out.writeCharSequence(header.value(), StandardCharsets.ISO_8859_1);
            }
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
    }

    /**
     * @param message the message
     * @return how many bytes {@link #write} writes for it (one per char)
     */
    public static int length(ManagerMessage message) {
        int length = CRLF.length;
        for (Header header : message.headers()) {
            length += header.name().length() + CRLF.length;
            if (!header.isRaw()) {
                length += SEPARATOR.length + header.value().length();
            }
        }
        return length;
    }

    /**
     * The message exactly as it goes on the wire, as text: what Asterisk's event filters search.
     *
     * @param message the message
     * @return its wire form, final empty line included
     */
    public static String text(ManagerMessage message) {
        StringBuilder sb = new StringBuilder(128);
        for (Header header : message.headers()) {
            sb.append(header.name());
            if (!header.isRaw()) {
                sb.append(": ").append(header.value());
            }
            sb.append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /**
     * The greeting line, the only output that is not a message.
     *
     * @param line the text without terminator
     * @return the bytes with CRLF
     */
    public static byte[] line(String line) {
        return (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
