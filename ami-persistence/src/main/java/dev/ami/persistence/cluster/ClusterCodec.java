package dev.ami.persistence.cluster;

import dev.ami.api.authority.Authority;
import dev.ami.api.event.EventChannel;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.message.Header;
import dev.ami.persistence.cluster.ClusterMessage.Events;
import dev.ami.persistence.cluster.ClusterMessage.Kick;
import dev.ami.persistence.cluster.ClusterMessage.NodeSession;
import dev.ami.persistence.cluster.ClusterMessage.Sessions;
import dev.ami.persistence.cluster.ClusterMessage.StoreChanged;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads {@link ClusterMessage}s: a version byte, a type byte and the fields, strings as
 * a length and UTF-8. A plain format of our own rather than Java serialization, which would let
 * whatever reaches the cluster port build objects of its choosing on every node. Reading checks
 * every count and length against hard limits and reports a bad message instead of trusting it.
 */
public final class ClusterCodec {

    static final byte VERSION = 1;
    private static final byte EVENTS = 1;
    private static final byte STORE_CHANGED = 2;
    private static final byte SESSIONS = 3;
    private static final byte KICK = 4;

    /** Longest string read (a header value): 1 MiB, far above any AMI line. */
    static final int MAX_STRING = 1 << 20;
    /** Most items in one list (events in a batch, headers, sessions, variables). */
    static final int MAX_ITEMS = 1 << 20;

    private ClusterCodec() {
    }

    /**
     * @param message a message
     * @return its bytes
     */
    public static byte[] encode(ClusterMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            if (message instanceof Events e) {
                out.writeByte(EVENTS);
                out.writeLong(e.sequence());
                out.writeInt(e.events().size());
                for (ManagerEvent event : e.events()) {
                    writeEvent(out, event);
                }
            } else if (message instanceof Sessions s) {
                out.writeByte(SESSIONS);
                out.writeInt(s.sessions().size());
                for (NodeSession session : s.sessions()) {
                    writeString(out, session.id());
                    writeString(out, session.username());
                    writeString(out, session.remoteAddress());
                    writeString(out, session.transport());
                    out.writeLong(session.loggedInAt().toEpochMilli());
                }
            } else if (message instanceof Kick k) {
                out.writeByte(KICK);
                writeString(out, k.node());
                writeString(out, k.id());
            } else {
                out.writeByte(STORE_CHANGED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes what a node sent
     * @return the message
     * @throws MalformedClusterMessage naming what is wrong and at which byte
     */
    public static ClusterMessage decode(byte[] bytes) {
        Reader in = new Reader(bytes);
        try {
            byte version = in.data.readByte();
            if (version != VERSION) {
                throw in.malformed("version " + version + " (this node reads version " + VERSION + ")");
            }
            byte type = in.data.readByte();
            ClusterMessage message = switch (type) {
                case EVENTS -> readEvents(in);
                case STORE_CHANGED -> new StoreChanged();
                case SESSIONS -> readSessions(in);
                case KICK -> new Kick(in.string(), in.string());
                default -> throw in.malformed("unknown message type " + type);
            };
            if (in.data.available() > 0) {
                throw in.malformed(in.data.available() + " bytes after the end of the message");
            }
            return message;
        } catch (EOFException e) {
            throw in.malformed("the message ends early");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Events readEvents(Reader in) throws IOException {
        long sequence = in.data.readLong();
        int count = in.count("events");
        List<ManagerEvent> events = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            events.add(readEvent(in));
        }
        return new Events(sequence, events);
    }

    private static Sessions readSessions(Reader in) throws IOException {
        int count = in.count("sessions");
        List<NodeSession> sessions = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            sessions.add(new NodeSession(in.string(), in.string(), in.string(), in.string(),
                    Instant.ofEpochMilli(in.data.readLong())));
        }
        return new Sessions(sessions);
    }

    private static void writeEvent(DataOutputStream out, ManagerEvent event) throws IOException {
        writeString(out, event.name());
        out.writeInt(event.classes().bits());
        out.writeInt(event.headers().size());
        for (Header h : event.headers()) {
            out.writeBoolean(h.isRaw());
            writeString(out, h.name());
            if (!h.isRaw()) {
                writeString(out, h.value());
            }
        }
        EventChannel channel = event.channel();
        out.writeBoolean(channel != null);
        if (channel != null) {
            writeString(out, channel.name());
            out.writeInt(channel.variables().size());
            for (Map.Entry<String, String> v : channel.variables().entrySet()) {
                writeString(out, v.getKey());
                writeString(out, v.getValue());
            }
        }
    }

    private static ManagerEvent readEvent(Reader in) throws IOException {
        String name = in.string();
        Authority classes = new Authority(in.data.readInt());
        int headerCount = in.count("headers");
        List<Header> headers = new ArrayList<>(Math.min(headerCount, 64));
        for (int i = 0; i < headerCount; i++) {
            boolean raw = in.data.readBoolean();
            String headerName = in.string();
            headers.add(raw ? Header.raw(headerName) : new Header(headerName, in.string()));
        }
        EventChannel channel = null;
        if (in.data.readBoolean()) {
            String channelName = in.string();
            int variableCount = in.count("channel variables");
            Map<String, String> variables = new HashMap<>();
            for (int i = 0; i < variableCount; i++) {
                variables.put(in.string(), in.string());
            }
            channel = new EventChannel(channelName, variables);
        }
        try {
            return new ManagerEvent(name, classes, headers, channel);
        } catch (IllegalArgumentException e) {
            throw in.malformed("event " + name.strip() + ": " + e.getMessage());
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** The input with its position, for messages that say where a message went wrong. */
    private static final class Reader {

        private final int length;
        final DataInputStream data;

        Reader(byte[] bytes) {
            this.length = bytes.length;
            this.data = new DataInputStream(new ByteArrayInputStream(bytes));
        }

        int position() {
            try {
                return length - data.available();
            } catch (IOException e) {
                return -1;
            }
        }

        MalformedClusterMessage malformed(String problem) {
            return new MalformedClusterMessage(problem + " (at byte " + position() + " of " + length + ")");
        }

        int count(String what) throws IOException {
            int n = data.readInt();
            if (n < 0 || n > MAX_ITEMS) {
                throw malformed(n + " " + what + " (at most " + MAX_ITEMS + ")");
            }
            return n;
        }

        String string() throws IOException {
            int n = data.readInt();
            if (n < 0 || n > MAX_STRING || n > data.available()) {
                throw malformed("a string of " + n + " bytes (" + data.available() + " left, at most " + MAX_STRING + ")");
            }
            byte[] utf8 = new byte[n];
            data.readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }
    }
}
