package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BenchDefaults.class)
class BenchOptionsTest {

    @Test
    void defaultsAreAsteriskMeasurementsOwn() {
        BenchOptions options = BenchOptions.fromSystemProperties();
        assertEquals("yes", options.displayConnects());
        assertTrue(options.managerConf().contains("\ndisplayconnects = yes\n"), options.managerConf());
        assertTrue(options.managerConf().contains("\ntimestampevents = no\n"), options.managerConf());
        assertEquals(20_000, options.pingCount());
        assertEquals(64, options.pipelineDepth());
        assertEquals(2_000, options.loginCycles());
        assertArrayEquals(new int[] {2_000}, options.idleSessions());
        for (String s : "a,l,p,u,d,e,h,j".split(",")) {
            assertTrue(options.runs(s), s);
        }
    }

    @Test
    void idleSessionsTakeAList() {
        System.setProperty("bench.idle.sessions", "2000, 100000");
        assertArrayEquals(new int[] {2_000, 100_000}, BenchOptions.fromSystemProperties().idleSessions());
    }

    @Test
    void aBurstHoldsAtMostFiveMillionDeliveries() {
        BenchOptions options = BenchOptions.fromSystemProperties();
        assertEquals(20_000, options.burstEvents(10));
        assertEquals(20_000, options.burstEvents(100));
        assertEquals(5_000, options.burstEvents(1_000));
        assertEquals(500, options.burstEvents(10_000));
    }
}
