package dev.ami.persistence.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.event.EventChannel;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.message.Header;
import dev.ami.persistence.cluster.ClusterMessage.Events;
import dev.ami.persistence.cluster.ClusterMessage.NodeSession;
import dev.ami.persistence.cluster.ClusterMessage.Sessions;
import dev.ami.persistence.cluster.ClusterMessage.StoreChanged;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterCodecTest {

    static final ManagerEvent USER_EVENT = ManagerEvent.of("UserEvent", AuthorityClass.USER, AuthorityClass.CALL)
            .header("UserEvent", "Grüße")
            .headers(List.of(Header.raw("Custom:   spaced  as sent"), new Header("Empty", "")))
            .build();

    static final ManagerEvent CHANNEL_EVENT = ManagerEvent.of("Newchannel", AuthorityClass.CALL)
            .header("Channel", "PJSIP/alice-00000001")
            .channel(new EventChannel("PJSIP/alice-00000001", Map.of("CDR(accountcode)", "42", "EMPTY", "")))
            .build();

    @Test
    void eventsComeBackAsSentHeadersRawLinesChannelAndAll() {
        Events sent = new Events(7_000_000_000L, List.of(USER_EVENT, CHANNEL_EVENT));

        Events back = assertInstanceOf(Events.class, ClusterCodec.decode(ClusterCodec.encode(sent)));

        assertEquals(sent, back);
        assertTrue(back.events().get(0).headers().get(1).isRaw());
        assertEquals("Custom:   spaced  as sent", back.events().get(0).headers().get(1).name());
        assertEquals(USER_EVENT.toMessage(), back.events().get(0).toMessage());
    }

    @Test
    void sessionsStoreChangesAndKicksComeBack() {
        Sessions sessions = new Sessions(List.of(new NodeSession("3f2a", "admin", "192.0.2.1:40000", "TCP",
                Instant.ofEpochMilli(1_765_000_000_123L))));

        assertEquals(sessions, ClusterCodec.decode(ClusterCodec.encode(sessions)));
        assertEquals(new StoreChanged(), ClusterCodec.decode(ClusterCodec.encode(new StoreChanged())));
        assertEquals(new ClusterMessage.Kick("node-b", "3f2a"),
                ClusterCodec.decode(ClusterCodec.encode(new ClusterMessage.Kick("node-b", "3f2a"))));
    }

    @Test
    void aMessageCutShortIsReportedWithWhereItEnded() {
        byte[] whole = ClusterCodec.encode(new Events(1, List.of(USER_EVENT)));

        MalformedClusterMessage e = assertThrows(MalformedClusterMessage.class,
                () -> ClusterCodec.decode(Arrays.copyOf(whole, whole.length - 3)));

        assertTrue(e.getMessage().contains("of " + (whole.length - 3) + ")"), e.getMessage());
    }

    @Test
    void anotherVersionAnUnknownTypeAndTrailingBytesAreRefused() {
        assertTrue(assertThrows(MalformedClusterMessage.class, () -> ClusterCodec.decode(new byte[] {9, 1}))
                .getMessage().startsWith("version 9"));
        assertTrue(assertThrows(MalformedClusterMessage.class, () -> ClusterCodec.decode(new byte[] {1, 77}))
                .getMessage().startsWith("unknown message type 77"));
        byte[] store = ClusterCodec.encode(new StoreChanged());
        assertTrue(assertThrows(MalformedClusterMessage.class,
                () -> ClusterCodec.decode(Arrays.copyOf(store, store.length + 2))).getMessage().startsWith("2 bytes after"));
        assertThrows(MalformedClusterMessage.class, () -> ClusterCodec.decode(new byte[0]));
    }

    @Test
    void countsAndLengthsBeyondTheLimitsAreRefusedBeforeAnythingIsAllocated() {
        byte[] manyEvents = ByteBuffer.allocate(14).put(ClusterCodec.VERSION).put((byte) 1).putLong(0)
                .putInt(Integer.MAX_VALUE).array();
        assertTrue(assertThrows(MalformedClusterMessage.class, () -> ClusterCodec.decode(manyEvents)).getMessage()
                .startsWith(Integer.MAX_VALUE + " events"));

        byte[] hugeName = ByteBuffer.allocate(18).put(ClusterCodec.VERSION).put((byte) 1).putLong(0).putInt(1)
                .putInt(ClusterCodec.MAX_STRING + 1).array();
        assertTrue(assertThrows(MalformedClusterMessage.class, () -> ClusterCodec.decode(hugeName)).getMessage()
                .startsWith("a string of " + (ClusterCodec.MAX_STRING + 1) + " bytes"));
    }

    @Test
    void anEventTheModelRefusesIsReportedByName() {
        Events broken = new Events(0, List.of(ManagerEvent.of("Bad", AuthorityClass.USER).header("A", "b").build()));
        byte[] bytes = ClusterCodec.encode(broken);
        // the header value "b" becomes a line break: the model refuses it, the codec names the event
        bytes[bytes.length - 2] = '\n';

        MalformedClusterMessage e = assertThrows(MalformedClusterMessage.class, () -> ClusterCodec.decode(bytes));

        assertTrue(e.getMessage().startsWith("event Bad: "), e.getMessage());
    }

    @Test
    void theSameMessageIsTheSameBytes() {
        Events events = new Events(3, List.of(USER_EVENT));
        assertArrayEquals(ClusterCodec.encode(events), ClusterCodec.encode(events));
    }
}
