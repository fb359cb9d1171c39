package dev.ami.server.codec;

import dev.ami.api.message.ManagerAction;

/**
 * One message as framed off the wire: the header lines that were kept, and the framing error, if
 * any, that stops it from being run. Asterisk still answers a bad frame (echoing its ActionID),
 * so a bad frame is a value, not an exception.
 *
 * @param action the header lines received (at most {@link AmiFrameDecoder#MAX_HEADERS})
 * @param error  the error text Asterisk answers with, or null when the frame is good
 */
public record DecodedAction(ManagerAction action, String error) {

    /** Answer to a message with more than {@link AmiFrameDecoder#MAX_HEADERS} header lines. */
    public static final String TOO_MANY_LINES = "Too many lines in message or allocation failure";

    /** Answer to a message in which a line overflowed the input buffer. */
    public static final String LINE_TOO_LONG = "Failed to parse message: line too long";

    /** @return true when the frame may be dispatched */
    public boolean isValid() {
        return error == null;
    }
}
