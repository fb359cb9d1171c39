package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario n's second node: its ports, its cluster's member list and the listeners' split. */
@ExtendWith(BenchDefaults.class)
class TwoNodeOptionsTest {

    private BenchOptions a;

    @BeforeEach
    void benchDefaults() {
        a = BenchOptions.fromSystemProperties();
    }

    @Test
    void bothNodesNameBothJGroupsPortsSevenSixHundredPlusTheirOffsets() {
        TwoNodeOptions two = TwoNodeOptions.fromSystemProperties();
        assertEquals("127.0.0.1[8100],127.0.0.1[8500]", two.members(a.portOffset()));
        assertTrue(two.nodeA(a).properties().contains("-Dami.cluster.members=127.0.0.1[8100],127.0.0.1[8500]"));
        assertTrue(two.nodeB(a).properties().contains("-Dami.cluster.members=127.0.0.1[8100],127.0.0.1[8500]"));
        assertTrue(two.nodeA(a).properties().contains("-Djboss.node.name=bench-a"));
        assertTrue(two.nodeB(a).properties().contains("-Djboss.node.name=bench-b"));
    }

    @Test
    void nodeBListensElsewhereAndKeepsItsOwnFolders() {
        TwoNodeOptions two = TwoNodeOptions.fromSystemProperties();
        WildFlyServer.Node b = two.nodeB(a);
        assertEquals(900, b.portOffset());
        assertEquals(a.amiPort() + 100, b.amiPort());
        assertEquals(0, b.httpPort(), "no HTTP manager on B");
        assertEquals("-b", b.suffix());
        assertTrue(b.properties().contains("-Dami.port.offset=100"), b.properties().toString());
        WildFlyServer.Node nodeA = two.nodeA(a);
        assertEquals(a.amiPort(), nodeA.amiPort());
        assertEquals("", nodeA.suffix());
        assertTrue(nodeA.properties().stream().noneMatch(p -> p.startsWith("-Dami.port.offset")));
    }

    @Test
    void theOddListenerGoesToNodeA() {
        assertEquals(50, new TwoNodeOptions(900, 100, 100, 1, 1).listenersOnA());
        assertEquals(50, new TwoNodeOptions(900, 100, 100, 1, 1).listenersOnB());
        assertEquals(51, new TwoNodeOptions(900, 100, 101, 1, 1).listenersOnA());
        assertEquals(50, new TwoNodeOptions(900, 100, 101, 1, 1).listenersOnB());
    }

    @Test
    void nodeBMustNotTakeNodeAsPorts() {
        assertThrows(IllegalArgumentException.class, () -> new TwoNodeOptions(900, 0, 100, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TwoNodeOptions(a.portOffset(), 100, 100, 1, 1)
                .checkAgainst(a));
        // jgroups-tcp-fd, 57600 plus the offset, must stay a port
        assertThrows(IllegalArgumentException.class, () -> new TwoNodeOptions(8000, 100, 100, 1, 1));
    }

    @Test
    void theCountsComeFromBenchNodesProperties() {
        System.setProperty("bench.nodes.listeners", "10");
        System.setProperty("bench.nodes.events", "500");
        System.setProperty("bench.nodes.probes", "20");
        TwoNodeOptions two = TwoNodeOptions.fromSystemProperties();
        assertEquals(10, two.listeners());
        assertEquals(500, two.events());
        assertEquals(20, two.probes());
    }
}
