package dev.ami.server.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.server.testing.Allocations;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The AMI decoder against generated input (jqwik; 1,000 inputs per property in every build, a
 * million with {@code -Djqwik.tries.default=1000000}): bytes biased towards what the protocol is
 * made of (line ends, colons, NUL, long lines, many headers), mixed with the bad inputs of
 * Asterisk's security history and the recorded sessions. Nothing escapes the decoder, no frame
 * breaks Asterisk's limits, and how the bytes are split across reads never changes the frames.
 */
class AmiFrameDecoderFuzzTest {

    /** Bad inputs of the security history and the recordings, each also a building block. */
    private static final List<String> SEEDS = List.of(
            "Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\n\r\n",
            "Action: Ping\0junk\r\n\r\n",
            "action:ping\nactionid:7\n\n",
            "Action : X\r\n\r\n",
            "Action: UserEvent\r\nUserEvent: %s%n%x\r\n\r\n",
            "X".repeat(1100) + "\r\n\r\n",
            "X: y\r\n".repeat(129) + "\r\n",
            "\r\n\r\n\r\n\r\n",
            "Action: Ping\r",
            "\n\n\0\0\r\r");

    @Property
    void nothingEscapesNoFrameBreaksTheLimitsAndSplittingDoesNotMatter(@ForAll("input") byte[] input,
            @ForAll("cuts") List<Integer> cuts) {
        List<DecodedAction> whole = decode(input, List.of());
        List<DecodedAction> split = decode(input, cuts);
        assertEquals(whole, split, "the frames do not depend on how the bytes arrive");
        for (DecodedAction frame : whole) {
            assertTrue(frame.action().lines().size() <= AmiFrameDecoder.MAX_HEADERS, "at most 128 header lines");
            for (String line : frame.action().lines()) {
                assertTrue(line.length() < AmiFrameDecoder.LINE_BUFFER, "a line fits Asterisk's buffer");
                assertTrue(line.indexOf('\0') < 0 && line.indexOf('\n') < 0, "no NUL and no line feed in a line");
            }
        }
    }

    /**
     * No unbounded allocation: what decoding an input allocates grows at most linearly with its
     * length, however it is split (the thread's allocation counter, after a warm-up so that class
     * loading is not counted). The bound is loose on purpose (16 bytes per input byte plus 64 KiB for
     * the test channel; about 4.5 bytes per byte were measured): a decoder that copied its
     * cumulation on every read, or kept every overlong line, would exceed it many times over.
     */
    @Property
    void allocationGrowsAtMostLinearlyWithTheInput(@ForAll("input") byte[] input, @ForAll("cuts") List<Integer> cuts) {
        long allocated = Allocations.of(() -> decode(input, cuts));
        assertTrue(allocated <= 16L * input.length + 64 * 1024, allocated + " bytes allocated for " + input.length);
    }

    /** Loads and compiles what decoding uses, so the allocation property counts decoding alone. */
    @BeforeContainer
    static void warmUp() {
        for (int i = 0; i < 2_000; i++) {
            decode(String.join("", SEEDS).getBytes(StandardCharsets.ISO_8859_1), List.of(7, 300, 1));
        }
    }

    private static List<DecodedAction> decode(byte[] input, List<Integer> cuts) {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder());
        int from = 0;
        for (int cut : cuts) {
            int to = Math.min(input.length, from + cut);
            channel.writeInbound(Unpooled.wrappedBuffer(input, from, to - from));
            from = to;
        }
        channel.writeInbound(Unpooled.wrappedBuffer(input, from, input.length - from));
        channel.checkException();
        List<DecodedAction> frames = new ArrayList<>();
        for (DecodedAction frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add(frame);
        }
        channel.finishAndReleaseAll();
        return frames;
    }

    @Provide
    Arbitrary<byte[]> input() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(SEEDS),
                Arbitraries.of("\r\n", "\n", "\r", "\0", ":", ": ", " ", "Action", "ActionID", "Ping", "\r\n\r\n"),
                Arbitraries.strings().withChars("AaXx:; \r\n\0\u00ff").ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(60),
                Arbitraries.strings().withChars("Ax").ofMinLength(900).ofMaxLength(1200));
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 300).list().ofMaxSize(20);
    }
}
