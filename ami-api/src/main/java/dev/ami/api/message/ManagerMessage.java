package dev.ami.api.message;

import java.util.List;
import java.util.Optional;

/**
 * An outbound AMI message: a response or an event, as an ordered list of headers.
 *
 * <p>On the wire every header is written as {@code Name: value\r\n} and the message ends with an
 * empty line. Header order is significant and preserved; names may repeat.
 *
 * @param headers the headers in the order they are written
 */
public record ManagerMessage(List<Header> headers) {

    public ManagerMessage {
        headers = List.copyOf(headers);
    }

    /**
     * A copy with one header inserted.
     *
     * @param index  where the header goes (0 = first)
     * @param header the header
     * @return the new message
     */
    public ManagerMessage with(int index, Header header) {
        java.util.List<Header> copy = new java.util.ArrayList<>(headers);
        copy.add(index, header);
        return new ManagerMessage(copy);
    }

    /**
     * The value of the first header with this name, compared without regard to case.
     *
     * @param name the header name
     * @return the value, or empty when no header has that name
     */
    public Optional<String> first(String name) {
        for (Header h : headers) {
            if (!h.isRaw() && h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }
}
