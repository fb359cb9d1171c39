package dev.ami.server.upstream;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One message an upstream AMI server sent (a response or an event), its lines exactly as received:
 * ISO-8859-1, without line ends, the blank line that ended it not included. Header lookups follow
 * Asterisk's rules (name without regard to case, blanks after the colon skipped).
 *
 * @param lines the lines in the order received
 */
public record UpstreamMessage(List<String> lines) {

    public UpstreamMessage {
        lines = List.copyOf(lines);
    }

    /**
     * @param lines the lines
     * @return the message
     */
    public static UpstreamMessage of(String... lines) {
        return new UpstreamMessage(List.of(lines));
    }

    /**
     * @param name a header name
     * @return the value of the first line with that name
     */
    public Optional<String> value(String name) {
        return new ManagerAction(lines).header(name);
    }

    /** @return true for a {@code Response:} message, the answer to a request */
    public boolean isResponse() {
        return !lines.isEmpty() && value("Response").isPresent() && startsWith("Response");
    }

    /** @return the event's name when this is an event ({@code Event:} on its first line) */
    public Optional<String> eventName() {
        return startsWith("Event") ? value("Event") : Optional.empty();
    }

    /**
     * @return true for an event sent to every session allowed to see it: Asterisk's broadcast events
     *         carry {@code Privilege:}, while the items and the end of a list, written to the asking
     *         session only, do not (main/manager.c, manager_event versus astman_append)
     */
    public boolean isBroadcastEvent() {
        return eventName().isPresent() && value("Privilege").isPresent();
    }

    /**
     * The classes a session must read to receive this event, from its {@code Privilege:} line.
     * Asterisk lists every class the event belongs to and then {@code all}; a line naming no class we
     * know ({@code <none>}, or {@code all} alone) asks for every class, so that only a session that
     * reads everything receives an event whose classes are not understood.
     *
     * @return the classes; never empty
     */
    public Authority privilege() {
        int bits = 0;
        for (String token : value("Privilege").orElse("").split(",")) {
            String name = token.strip();
            if (!name.isEmpty() && !name.equals("all")) {
                bits |= Authority.parse(name).bits();
            }
        }
        return bits == 0 || bits == Authority.ALL.bits() ? Authority.ALL : new Authority(bits);
    }

    /**
     * @return every line as a raw header, so that it is written back byte for byte
     */
    public ManagerMessage asMessage() {
        List<Header> headers = new ArrayList<>(lines.size());
        for (String line : lines) {
            headers.add(Header.raw(line));
        }
        return new ManagerMessage(headers);
    }

    private boolean startsWith(String name) {
        String first = lines.isEmpty() ? "" : lines.get(0);
        return first.length() > name.length() && first.charAt(name.length()) == ':'
                && first.regionMatches(true, 0, name, 0, name.length());
    }
}
