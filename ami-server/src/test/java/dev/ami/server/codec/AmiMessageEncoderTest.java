package dev.ami.server.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire form, and its length known before writing (a turn's replies share one buffer sized by it). */
class AmiMessageEncoderTest {

    @Test
    void theLengthIsWhatIsWritten() {
        for (ManagerMessage message : List.of(new ManagerMessage(List.of()),
                new ManagerMessage(List.of(new Header("Response", "Success"),
                        new Header("Message", "caf\u00e9 \u20ac \ud83d\ude00"), Header.raw("Raw: line"),
                        new Header("Empty", ""))))) {
            ByteBuf out = Unpooled.buffer();
            AmiMessageEncoder.write(message, out);
            assertEquals(out.readableBytes(), AmiMessageEncoder.length(message));
            assertEquals(AmiMessageEncoder.text(message).length(), AmiMessageEncoder.length(message));
            out.release();
        }
    }
}
