package dev.ami.server.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AmiFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder());

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private DecodedAction next() {
        return channel.readInbound();
    }

    @Test
    void framesCrlfAndBareLfMessages() {
        send("Action: Ping\r\nActionID: 1\r\n\r\naction:ping\nactionid:7\n\n");
        assertEquals(List.of("Action: Ping", "ActionID: 1"), next().action().lines());
        assertEquals(List.of("action:ping", "actionid:7"), next().action().lines());
        assertNull(next());
    }

    @Test
    void acceptsOneByteAtATime() {
        for (byte b : "Action: Ping\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        DecodedAction frame = next();
        assertTrue(frame.isValid());
        assertEquals(Optional.of("Ping"), frame.action().action());
    }

    @Test
    void aLoneCrIsDataAndEveryEmptyLineEndsAMessage() {
        send("X: a\rb\r\n\r\n\r\n");
        assertEquals(List.of("X: a\rb"), next().action().lines());
        assertEquals(List.of(), next().action().lines());
    }

    @Test
    void contentAfterNulIsIgnored() {
        send("Action: Ping\0junk\r\n\0trailing\r\n");
        DecodedAction frame = next();
        assertEquals(List.of("Action: Ping"), frame.action().lines());
    }

    @Test
    void moreThan128LinesIsAnErrorThatStillCarriesTheFirstLines() {
        StringBuilder sb = new StringBuilder("Action: Ping\r\nActionID: many\r\n");
        for (int i = 0; i < 200; i++) {
            sb.append("X-").append(i).append(": y\r\n");
        }
        send(sb.append("\r\n").toString());
        DecodedAction frame = next();
        assertEquals(DecodedAction.TOO_MANY_LINES, frame.error());
        assertEquals(AmiFrameDecoder.MAX_HEADERS, frame.action().lines().size());
        assertEquals(Optional.of("many"), frame.action().actionId());
    }

    @Test
    void exactly128LinesIsFine() {
        StringBuilder sb = new StringBuilder("Action: Ping\r\n");
        for (int i = 0; i < 127; i++) {
            sb.append("X: y\r\n");
        }
        send(sb.append("\r\n").toString());
        assertTrue(next().isValid());
    }

    @Test
    void anOverlongLineMarksTheMessageAndTheSessionGoesOn() {
        send("Action: Ping\r\nActionID: long\r\nX: " + "a".repeat(2000) + "\r\n\r\nAction: Ping\r\n\r\n");
        DecodedAction bad = next();
        assertEquals(DecodedAction.LINE_TOO_LONG, bad.error());
        assertEquals(Optional.of("long"), bad.action().actionId());
        assertTrue(next().isValid());
    }

    @Test
    void aLineOf1022BytesFitsAnd1023EndsTheMessageAtOnce() {
        send("Action: Ping\r\nX: " + "a".repeat(1019) + "\r\n\r\n");
        DecodedAction fits = next();
        assertTrue(fits.isValid());
        assertEquals(1022, fits.action().lines().get(1).length());

        send("Action: Ping\r\nX: " + "a".repeat(1020) + "\r\n");
        DecodedAction edge = next();
        assertEquals(DecodedAction.LINE_TOO_LONG, edge.error());
    }
}
