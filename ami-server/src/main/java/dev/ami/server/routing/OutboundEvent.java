package dev.ami.server.routing;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.codec.AmiMessageEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One routed event in the form sessions receive it: the wire text that event filters search and
 * the bytes that are written, each made once and shared by every session that gets the event.
 *
 * <p>The bytes are reference counted: the router holds one reference while it offers the event,
 * and each session queue that takes it holds one until it has written it.
 */
public final class OutboundEvent {

    private final String name;
    private final Authority classes;
    private final ManagerMessage message;
    private final long routedNanos;
    private String text;
    private ByteBuf bytes;

    OutboundEvent(String name, Authority classes, ManagerMessage message, long routedNanos) {
        this.name = name;
        this.classes = classes;
        this.message = message;
        this.routedNanos = routedNanos;
    }

    public String name() {
        return name;
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
     * Takes a reference to the shared bytes for a session queue, making them on first use. Called
     * on the routing thread only.
     *
     * @return the bytes, with one more reference that the caller must release or write
     */
    public ByteBuf retainBytes() {
        if (bytes == null) {
            String wire = text();
            bytes = ByteBufAllocator.DEFAULT.directBuffer(wire.length());
            AmiMessageEncoder.write(message, bytes);
        }
        return bytes.retain();
    }

    /**
     * @return a view of the shared bytes for one write; writing it consumes one reference taken
     *         with {@link #retainBytes()}
     */
    public ByteBuf writableView() {
        return bytes.duplicate();
    }

    /** Gives back a reference taken with {@link #retainBytes()} without writing. */
    public void releaseBytes() {
        bytes.release();
    }

    /** Drops the router's own reference, once every session has been offered the event. */
    void routed() {
        if (bytes != null) {
            bytes.release();
        }
    }
}
