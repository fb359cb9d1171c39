package dev.ami.server.routing;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.codec.AmiMessageEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One routed event in the form sessions receive it: the wire text that event filters search and
 * the bytes that are written, each made once and shared by every session that gets the event.
 *
 * <p>The bytes are a plain array, never modified once made: each session copies them into its own
 * outgoing batch, so nothing is reference counted per session and the garbage collector frees
 * them.
 */
public final class OutboundEvent {

    private final String name;
    private final Authority classes;
    private final ManagerMessage message;
    private final long routedNanos;
    private final String upstream;
    private String text;
    private byte[] bytes;

    OutboundEvent(String name, Authority classes, ManagerMessage message, long routedNanos) {
        this(name, classes, message, routedNanos, null);
    }

    OutboundEvent(String name, Authority classes, ManagerMessage message, long routedNanos, String upstream) {
        this.name = name;
        this.classes = classes;
        this.message = message;
        this.routedNanos = routedNanos;
        this.upstream = upstream;
    }

    public String name() {
        return name;
    }

    /** @return the upstream it came from (a session's account must be allowed it), or null for this server's own */
    public String upstream() {
        return upstream;
    }

    /** @return the classes a session must read to receive it */
    public Authority classes() {
        return classes;
    }

    /** @return the whole event as written: Event, Privilege, Timestamp, body, ChanVariable */
    public ManagerMessage message() {
        return message;
    }

    /** @return when the router took it, for the sessions' lag figures */
    public long routedNanos() {
        return routedNanos;
    }

    /** @return the wire form as text, what Asterisk's event filters search; made on first use */
    public String text() {
        if (text == null) {
            text = AmiMessageEncoder.text(message);
        }
        return text;
    }

    /**
     * The wire form's bytes, made on first use. The first call must be on the routing thread,
     * before the event is handed to another thread (a session queue that takes the event makes
     * them), so that every session thread sees the array complete; callers must not modify it.
     *
     * @return the bytes exactly as {@link AmiMessageEncoder#write} writes the message
     */
    public byte[] bytes() {
        if (bytes == null) {
            bytes = latin1(text());
        }
        return bytes;
    }

    /** ISO-8859-1 with '?' for each char past 0xFF, as Netty's writeCharSequence writes it. */
    static byte[] latin1(String wire) {
        byte[] encoded = wire.getBytes(StandardCharsets.ISO_8859_1);
        if (encoded.length == wire.length()) {
            return encoded;
        }
        // a surrogate pair became one '?' above; the encoder writes one per char
        encoded = new byte[wire.length()];
        for (int i = 0; i < encoded.length; i++) {
            char c = wire.charAt(i);
            encoded[i] = c > 0xFF ? (byte) '?' : (byte) c;
        }
        return encoded;
    }
}
