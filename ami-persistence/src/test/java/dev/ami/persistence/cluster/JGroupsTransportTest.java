package dev.ami.persistence.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jgroups.JChannel;
import org.jgroups.protocols.FORK;
import org.jgroups.protocols.SHARED_LOOPBACK;
import org.jgroups.protocols.SHARED_LOOPBACK_PING;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.NameCache;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real JGroups channels in this JVM, each with ami's fork on top, as on two servers. */
class JGroupsTransportTest {

    private final List<JChannel> channels = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        channels.forEach(JChannel::close);
    }

    private JChannel channel(String name) throws Exception {
        JChannel channel = new JChannel(new SHARED_LOOPBACK(), new SHARED_LOOPBACK_PING(), new NAKACK2(),
                new UNICAST3(), new STABLE(), new GMS().setJoinTimeout(1_000), new FORK());
        channel.setName(name);
        channel.connect("ami-test-" + ProcessHandle.current().pid());
        channels.add(channel);
        return channel;
    }

    @Test
    void oneSendersMessagesReachTheOtherNodeInOrderAndNotItself() throws Exception {
        JGroupsTransport a = new JGroupsTransport(channel("node-a"));
        JGroupsTransport b = new JGroupsTransport(channel("node-b"));
        Recorder atA = new Recorder();
        Recorder atB = new Recorder();
        a.start(atA);
        b.start(atB);

        for (int i = 0; i < 500; i++) {
            a.send(new byte[] {(byte) (i >> 8), (byte) i});
        }

        for (int i = 0; i < 500; i++) {
            Received r = atB.messages.poll(20, TimeUnit.SECONDS);
            assertEquals("node-a", r.node());
            assertArrayEquals(new byte[] {(byte) (i >> 8), (byte) i}, r.message());
        }
        assertEquals(0, atA.messages.size());
        assertEquals("node-a", a.localNode());
        assertEquals(List.of("node-a", "node-b"), atA.members.get("now"));
    }

    @Test
    void aNodeThatLeavesLeavesTheOthersView() throws Exception {
        JGroupsTransport a = new JGroupsTransport(channel("node-a"));
        JChannel channelB = channel("node-b");
        JGroupsTransport b = new JGroupsTransport(channelB);
        Recorder atA = new Recorder();
        a.start(atA);
        b.start(new Recorder());

        b.close();
        channelB.close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!List.of("node-a").equals(atA.members.get("now")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("node-a"), atA.members.get("now"));
    }

    @Test
    void aMemberIsKnownByItsLogicalName() {
        ExtendedUUID address = ExtendedUUID.randomUUID("nodeX");
        address.put("v", "16.0.5".getBytes(StandardCharsets.US_ASCII));
        NameCache.add(address, "nodeX");

        assertEquals("nodeX", JGroupsTransport.name(address));
        UUID unnamed = UUID.randomUUID();
        assertEquals(unnamed.toString(), JGroupsTransport.name(unnamed));
    }

    private record Received(String node, byte[] message) {
    }

    private static final class Recorder implements ClusterTransport.Listener {

        final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
        final Map<String, List<String>> members = new ConcurrentHashMap<>();

        @Override
        public void received(String node, byte[] message) {
            messages.add(new Received(node, message));
        }

        @Override
        public void membersChanged(List<String> now) {
            members.put("now", now);
        }
    }
}
