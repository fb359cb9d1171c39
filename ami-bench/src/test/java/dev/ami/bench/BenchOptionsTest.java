package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final String[] SET = {"bench.wildfly.home", "bench.ear", "bench.target"};
    /** the bench.* properties of the JVM (Maven hands its -D switches to the tests too), put back after */
    private final Properties saved = new Properties();

    @BeforeEach
    void onlyTheRequiredOnes() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("bench.")) {
                saved.setProperty(name, System.getProperty(name));
                System.clearProperty(name);
            }
        }
        for (String name : SET) {
            System.setProperty(name, "/tmp/x");
        }
    }

    @AfterEach
    void restore() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("bench.")) {
                System.clearProperty(name);
            }
        }
        saved.forEach((k, v) -> System.setProperty((String) k, (String) v));
    }

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
