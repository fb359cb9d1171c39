package dev.ami.persistence.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.OtherNodes;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.event.ManagerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterRelayTest {

    private final InMemoryCluster cluster = new InMemoryCluster();
    private final List<ClusterRelay> relays = new ArrayList<>();

    @AfterEach
    void close() {
        relays.forEach(ClusterRelay::close);
    }

    private ClusterRelay node(InMemoryCluster.Transport transport, FakeConnector connector, Runnable storeChanged,
            int capacity) {
        ClusterRelay relay = new ClusterRelay(transport, Thread::new, capacity, storeChanged);
        relays.add(relay);
        relay.attach(connector.link);
        return relay;
    }

    private ClusterRelay node(String name, FakeConnector connector) {
        return node(cluster.node(name), connector, () -> { }, ClusterOutbox.CAPACITY);
    }

    static ManagerEvent userEvent(int n) {
        return ManagerEvent.of("UserEvent", AuthorityClass.USER).header("UserEvent", "n" + n).build();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void eventsRoutedOnOneNodeAreRoutedOnTheOthersInTheProducersOrderAndNotSentBack() throws Exception {
        FakeConnector a = new FakeConnector();
        FakeConnector b = new FakeConnector();
        FakeConnector c = new FakeConnector();
        node("a", a);
        node("b", b);
        node("c", c);
        List<ManagerEvent> fired = IntStream.range(0, 2_000).mapToObj(ClusterRelayTest::userEvent).toList();

        fired.forEach(a::publish);

        await("b and c route a's 2,000 events", () -> b.routed.size() == 2_000 && c.routed.size() == 2_000);
        assertEquals(fired, b.routed);
        assertEquals(fired, c.routed);
        Thread.sleep(100); // nothing may come back to a (b and c route them, their subscribers see them)
        assertEquals(2_000, a.routed.size());
    }

    @Test
    void eventsAboutOneServerAndAnUpstreamsEventsStayOnIt() throws Exception {
        FakeConnector a = new FakeConnector();
        FakeConnector b = new FakeConnector();
        node("a", a);
        node("b", b);

        a.publish(ManagerEvent.of("Shutdown", AuthorityClass.SYSTEM).header("Shutdown", "Cleanly").build());
        a.publish(ManagerEvent.of("Reload", AuthorityClass.SYSTEM).header("Module", "All").build());
        a.publish(new ManagerEvent("Newchannel", dev.ami.api.authority.Authority.of(AuthorityClass.CALL), List.of(),
                null, "pbx1"));
        a.publish(userEvent(1));

        await("b routes the UserEvent", () -> b.routed.size() == 1);
        assertEquals("UserEvent", b.routed.get(0).name());
    }

    @Test
    void aNodeAloneQueuesNothing() throws Exception {
        FakeConnector a = new FakeConnector();
        InMemoryCluster.Transport transport = cluster.node("a");
        ClusterRelay relay = node(transport, a, () -> { }, ClusterOutbox.CAPACITY);

        a.publish(userEvent(1));
        Thread.sleep(100);

        assertEquals(0, relay.statistics().relayed());
        assertTrue(transport.sent.stream().noneMatch(m -> ClusterCodec.decode(m) instanceof ClusterMessage.Events));
    }

    @Test
    void aSlowLinkNeverHoldsUpTheProducerAndTheGapIsCountedOnBothSides() throws Exception {
        FakeConnector a = new FakeConnector();
        FakeConnector b = new FakeConnector();
        InMemoryCluster.Transport linkA = cluster.node("a");
        ClusterRelay relayA = node(linkA, a, () -> { }, 10);
        ClusterRelay relayB = node("b", b);
        await("a sees b", () -> relayA.statistics().members().size() == 2);
        CountDownLatch hold = new CountDownLatch(1);
        linkA.hold = hold;
        a.publish(userEvent(0));
        linkA.waiting.await(); // the sender took event 0 and waits on the link

        for (int i = 1; i <= 100; i++) {
            a.publish(userEvent(i)); // returns at once although the link waits
        }

        assertEquals(101, a.routed.size());
        linkA.hold = null;
        hold.countDown();
        await("b routes what was queued", () -> b.routed.size() == 11);
        a.publish(userEvent(101));
        await("b routes the event after the gap", () -> b.routed.size() == 12);
        assertEquals(90, relayA.statistics().lost());
        assertEquals(List.of("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "n101"),
                b.routed.stream().map(e -> e.header("UserEvent").orElseThrow()).toList());
        assertEquals(90, relayB.statistics().missed());
    }

    @Test
    void aLinkThatRefusesLosesTheEventsCountedAndTheNextOnesGoThrough() throws Exception {
        FakeConnector a = new FakeConnector();
        FakeConnector b = new FakeConnector();
        InMemoryCluster.Transport linkA = cluster.node("a");
        ClusterRelay relayA = node(linkA, a, () -> { }, ClusterOutbox.CAPACITY);
        ClusterRelay relayB = node("b", b);
        await("a sees b", () -> relayA.statistics().members().size() == 2);
        a.publish(userEvent(0)); // b counts gaps from the first event it gets from a
        await("b routes event 0", () -> b.routed.size() == 1);
        linkA.refuse = true;
        a.publish(userEvent(1));
        await("the refused event is counted", () -> relayA.statistics().lost() == 1);

        linkA.refuse = false;
        a.publish(userEvent(2));

        await("b routes event 2", () -> b.routed.size() == 2);
        assertEquals(Optional.of("n2"), b.routed.get(1).header("UserEvent"));
        assertEquals(1, relayB.statistics().missed());
    }

    @Test
    void aCommitOnOneNodeMakesTheOthersRereadTheStore() throws Exception {
        AtomicInteger rereadOnB = new AtomicInteger();
        ClusterRelay a = node(cluster.node("a"), new FakeConnector(), () -> { }, ClusterOutbox.CAPACITY);
        node(cluster.node("b"), new FakeConnector(), rereadOnB::incrementAndGet, ClusterOutbox.CAPACITY);
        await("a sees b", () -> a.statistics().members().size() == 2);
        int afterJoin = rereadOnB.get();

        a.storeChangedHere();

        await("b re-reads the store", () -> rereadOnB.get() == afterJoin + 1);
    }

    @Test
    void aNodeThatJoinsMakesTheOthersRereadTheStoreInCaseItChangedWhileApart() throws Exception {
        AtomicInteger rereadOnA = new AtomicInteger();
        node(cluster.node("a"), new FakeConnector(), rereadOnA::incrementAndGet, ClusterOutbox.CAPACITY);
        assertEquals(0, rereadOnA.get());

        node("b", new FakeConnector());

        assertEquals(1, rereadOnA.get());
    }

    @Test
    void sessionsLoggedInOnOneNodeAreKnownOnTheOthersUntilTheyEndOrTheNodeLeaves() throws Exception {
        FakeConnector a = new FakeConnector();
        FakeConnector b = new FakeConnector();
        InMemoryCluster.Transport linkA = cluster.node("a");
        node(linkA, a, () -> { }, ClusterOutbox.CAPACITY);
        node("b", b);
        Instant at = Instant.parse("2026-12-06T12:00:00Z");
        a.sessions = List.of(
                new SessionStatistics("s1", "Admin", "192.0.2.1:40000", "TCP", at, at, 0, 0, 0, 0, 0),
                new SessionStatistics("s2", "", "192.0.2.2:40000", "TCP", at, null, 0, 0, 0, 0, 0));

        a.otherNodes.localSessionsChanged();

        await("b knows a's session", () -> b.otherNodes.nodeWithLogin("admin").isPresent());
        assertEquals(Optional.of("a"), b.otherNodes.nodeWithLogin("ADMIN"));
        assertEquals(List.of(new OtherNodes.RemoteSession("a", "s1", "Admin", "192.0.2.1:40000", "TCP", at)),
                b.otherNodes.sessions());
        assertEquals("b", b.otherNodes.localNode());

        a.sessions = List.of();
        a.otherNodes.localSessionsChanged();
        await("b forgets the ended session", () -> b.otherNodes.nodeWithLogin("admin").isEmpty());

        a.sessions = List.of(new SessionStatistics("s3", "admin", "192.0.2.1:40001", "TCP", at, at, 0, 0, 0, 0, 0));
        a.otherNodes.localSessionsChanged();
        await("b knows the new session", () -> b.otherNodes.nodeWithLogin("admin").isPresent());
        cluster.leave("a");
        assertTrue(b.otherNodes.sessions().isEmpty());
    }

    @Test
    void aNodeThatJoinsLearnsTheSessionsAlreadyLoggedIn() throws Exception {
        FakeConnector a = new FakeConnector();
        Instant at = Instant.parse("2026-12-06T12:00:00Z");
        a.sessions = List.of(new SessionStatistics("s1", "admin", "192.0.2.1:40000", "TCP", at, at, 0, 0, 0, 0, 0));
        node("a", a);
        FakeConnector b = new FakeConnector();

        node("b", b);

        await("b knows a's session", () -> b.otherNodes.nodeWithLogin("admin").isPresent());
    }

    @Test
    void aMessageThatCannotBeReadIsCountedAndTheNextOneIsRouted() throws Exception {
        FakeConnector b = new FakeConnector();
        InMemoryCluster.Transport linkB = cluster.node("b");
        ClusterRelay relayB = node(linkB, b, () -> { }, ClusterOutbox.CAPACITY);

        linkB.deliver("x", new byte[] {1, 1, 0});
        linkB.deliver("x", ClusterCodec.encode(new ClusterMessage.Events(0, List.of(userEvent(1)))));

        assertEquals(1, relayB.statistics().malformed());
        assertEquals(1, b.routed.size());
    }

    @Test
    void aSessionOfAnotherNodeIsEndedByThatNodeOnly() throws Exception {
        ClusterRelay a = node("a", new FakeConnector());
        FakeConnector b = new FakeConnector();
        FakeConnector c = new FakeConnector();
        node("b", b);
        node("c", c);
        Instant at = Instant.parse("2026-12-06T12:00:00Z");

        a.kickElsewhere(new OtherNodes.RemoteSession("b", "s7", "admin", "192.0.2.1:40000", "TCP", at));

        await("b ends s7", () -> b.kicked.equals(List.of("s7")));
        Thread.sleep(100);
        assertTrue(c.kicked.isEmpty());
    }

    @Test
    void aConnectorThatStartsAgainIsJoinedAndTheOldOneLetGo() throws Exception {
        FakeConnector first = new FakeConnector();
        ClusterRelay relay = node("a", first);
        FakeConnector second = new FakeConnector();

        relay.attach(second.link);

        assertSame(OtherNodes.NONE, first.otherNodes);
        assertTrue(first.subscribers.isEmpty());
        assertSame(relay, second.otherNodes);
        assertEquals(1, second.subscribers.size());
        assertFalse(relay.statistics().members().isEmpty());
    }
}
