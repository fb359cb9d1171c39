package dev.ami.server.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The upstream's byte stream as Asterisk 22 writes it: a greeting line, then messages ended by a blank line. */
class UpstreamFrameDecoderTest {

    private EmbeddedChannel channel = new EmbeddedChannel(new UpstreamFrameDecoder());

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private UpstreamFrame next() {
        return channel.readInbound();
    }

    @Test
    void theGreetingIsOneLineAndTheChallengeAnswerFollows() {
        send("Asterisk Call Manager/11.0.0\r\n");
        assertEquals(new UpstreamFrame.Greeting("Asterisk Call Manager/11.0.0"), next());
        send("Response: Success\r\nActionID: ch1\r\nChallenge: 113238125\r\n\r\n");
        assertEquals(message("Response: Success", "ActionID: ch1", "Challenge: 113238125"), next());
        assertNull(next());
    }

    @Test
    void messagesInOneReadAndSplitAcrossReadsKeepTheirOrderAndBytes() {
        String login = "Response: Success\r\nActionID: l1\r\nMessage: Authentication accepted\r\n\r\n"
                + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 95\r\nLastReload: 95\r\nStatus: Fully Booted\r\n\r\n";
        String text = "Asterisk Call Manager/11.0.0\r\n" + login + "Event: UserEvent\r\nPrivilege: user,all\r\n"
                + "UserEvent: MyEvent\r\nX-Empty: \r\nTrailing:  kept  \r\n\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertEquals(new UpstreamFrame.Greeting("Asterisk Call Manager/11.0.0"), next());
        assertEquals(message("Response: Success", "ActionID: l1", "Message: Authentication accepted"), next());
        assertEquals(message("Event: FullyBooted", "Privilege: system,all", "Uptime: 95", "LastReload: 95",
                "Status: Fully Booted"), next());
        assertEquals(message("Event: UserEvent", "Privilege: user,all", "UserEvent: MyEvent", "X-Empty: ",
                "Trailing:  kept  "), next());
        assertNull(next());
    }

    @Test
    void bareLfLatinOneAndStrayBlankLines() {
        send("Asterisk Call Manager/11.0.0\n\r\n\nEvent: X\nPrivilege: user,all\nName: M\u00fcller\r\n\n\n");
        assertEquals(new UpstreamFrame.Greeting("Asterisk Call Manager/11.0.0"), next());
        assertEquals(message("Event: X", "Privilege: user,all", "Name: M\u00fcller"), next());
        assertNull(next());
    }

    @Test
    void anOldAsterisksCommandOutputKeepsItsBlankLinesUpToTheEndMarker() {
        send("Asterisk Call Manager/1.1\r\n"
                + "Response: Follows\r\nPrivilege: Command\r\nActionID: c1\r\nfirst\n\nafter a blank line\n"
                + "--END COMMAND--\r\n\r\n"
                + "Response: Follows\r\nPrivilege: Command\r\nno line end--END COMMAND--\r\n\r\n"
                + "Event: Next\r\nPrivilege: user,all\r\n\r\n");
        assertEquals(new UpstreamFrame.Greeting("Asterisk Call Manager/1.1"), next());
        assertEquals(message("Response: Follows", "Privilege: Command", "ActionID: c1", "first", "", "after a blank line",
                "--END COMMAND--"), next());
        assertEquals(message("Response: Follows", "Privilege: Command", "no line end--END COMMAND--"), next());
        assertEquals(message("Event: Next", "Privilege: user,all"), next());
        assertNull(next());
    }

    @Test
    void aLineOrAMessagePastTheLimitIsReportedOnceAndNothingMoreIsFramed() {
        channel = new EmbeddedChannel(new UpstreamFrameDecoder(30, 40));
        send("Asterisk Call Manager/11.0.0\r\nOutput: 0123456789\r\n\r\n");
        assertEquals(new UpstreamFrame.Greeting("Asterisk Call Manager/11.0.0"), next());
        assertEquals(message("Output: 0123456789"), next());
        send("Output: 0123456789012345678901234\r\n\r\nEvent: Y\r\n\r\n");
        assertEquals(new UpstreamFrame.TooLong("the upstream sent a line longer than 30 bytes"), next());
        assertNull(next());

        channel = new EmbeddedChannel(new UpstreamFrameDecoder(30, 40));
        send("Asterisk Call Manager/11.0.0\r\nOutput: 0123456789012345678901");
        next();
        assertNull(next()); // a line may still end in time
        send("89abcdefgh"); // no line end yet, already too long
        assertEquals(new UpstreamFrame.TooLong("the upstream sent a line longer than 30 bytes"), next());

        channel = new EmbeddedChannel(new UpstreamFrameDecoder(30, 40));
        send("Asterisk Call Manager/11.0.0\r\n");
        next();
        send("Output: 1\r\nOutput: 2\r\nOutput: 3\r\nOutput: 4\r\n");
        assertEquals(new UpstreamFrame.TooLong("the upstream sent a message longer than 40 bytes"), next());
        send("\r\nEvent: Z\r\n\r\n");
        assertNull(next());
    }

    private static UpstreamFrame message(String... lines) {
        return new UpstreamFrame.Message(UpstreamMessage.of(lines));
    }
}
