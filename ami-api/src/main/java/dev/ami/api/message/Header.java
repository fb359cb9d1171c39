package dev.ami.api.message;

import java.util.Objects;

/**
 * One line of an outbound message (a response or an event): normally {@code Name: value}; or, for
 * the lines Asterisk copies verbatim from a request into an event (UserEvent), a raw line.
 *
 * @param name  the header name as written on the wire, or the whole line when {@code value} is null
 * @param value the value, written after exactly one space following the colon; null for a raw line
 */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A line written exactly as given (spacing as the client sent it).
     *
     * @param line the line without its terminator
     * @return the header
     */
    public static Header raw(String line) {
        return new Header(line, null);
    }

    /**
     * @param text a header name or value
     * @return true if the text holds no line break (it would end the header, or the message, early)
     */
    public static boolean isSingleLine(String text) {
        return text.indexOf('\r') < 0 && text.indexOf('\n') < 0;
    }

    /**
     * @param header a header
     * @throws IllegalArgumentException if its name or value holds a line break
     */
    public static void requireSingleLine(Header header) {
        if (!isSingleLine(header.name()) || (header.value() != null && !isSingleLine(header.value()))) {
            throw new IllegalArgumentException("header " + header.name().strip() + " holds a line break");
        }
    }

    /** @return true when this is a raw line rather than a name and a value */
    public boolean isRaw() {
        return value == null;
    }
}
