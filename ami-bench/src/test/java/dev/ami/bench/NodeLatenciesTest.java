package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Local and cross-node latencies from the send, and the hop's cost per probe. */
class NodeLatenciesTest {

    @Test
    void bothArrivalsAreTimedFromTheSendAndTheHopPerProbe() {
        NodeLatencies l = new NodeLatencies();
        // sent at 1,000 ns: A read it 10 µs later, B 100 µs later
        l.add(1_000, 11_000, 101_000);
        NodeLatencies.Summary s = l.summary();
        assertEquals(1, s.probes());
        assertEquals(10.0, s.local().p50Micros());
        assertEquals(100.0, s.cross().p50Micros());
        assertEquals(90.0, s.added().p50Micros());
    }

    @Test
    void theHopIsTakenPerProbeNotAsADifferenceOfQuantiles() {
        NodeLatencies l = new NodeLatencies();
        // probe 1: A slow, B on time; probe 2: A fast, B late
        l.add(0, 90_000, 100_000);
        l.add(0, 10_000, 200_000);
        NodeLatencies.Summary s = l.summary();
        // the hop was 10 and 190 µs; quantiles of local (10, 90) and cross (100, 200) would suggest 90 and 110
        assertEquals(10.0, s.added().p50Micros());
        assertEquals(190.0, s.added().maxMicros());
    }

    @Test
    void aMissingArrivalIsCountedNotTimed() {
        NodeLatencies l = new NodeLatencies();
        l.add(0, 5_000, NodeLatencies.MISSING);
        l.add(0, 7_000, 9_000);
        NodeLatencies.Summary s = l.summary();
        assertEquals(2, s.probes());
        assertEquals(0, s.missingLocal());
        assertEquals(1, s.missingCross());
        assertEquals(9.0, s.cross().maxMicros());
        assertEquals(2.0, s.added().maxMicros());
    }
}
