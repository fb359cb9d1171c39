package dev.ami.server.upstream;

/** What {@link UpstreamFrameDecoder} hands on: the greeting, a message, or why the stream cannot be read further. */
public sealed interface UpstreamFrame {

    /**
     * The line an AMI server sends first, on its own ({@code Asterisk Call Manager/11.0.0}).
     *
     * @param line the line without its line end
     */
    record Greeting(String line) implements UpstreamFrame {
    }

    /**
     * A message: its lines up to the blank line that ended it.
     *
     * @param message the message
     */
    record Message(UpstreamMessage message) implements UpstreamFrame {
    }

    /**
     * A line or a message past the limits: nothing more is framed, the session must end.
     *
     * @param reason what was too long, in words for a log
     */
    record TooLong(String reason) implements UpstreamFrame {
    }
}
