package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopbackSourcesTest {

    @Test
    void hundredThousandSessionsUseFiveAddressesFromTwoOn() {
        LoopbackSources sources = new LoopbackSources(100_000, 20_000);
        assertEquals(5, sources.addressCount());
        assertEquals(List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6"), sources.all());
        assertEquals("127.0.0.2 .. 127.0.0.6", sources.describe());
    }

    @Test
    void noAddressHoldsMoreThanItsShare() {
        LoopbackSources sources = new LoopbackSources(50_001, 10_000);
        Map<String, Integer> perAddress = new HashMap<>();
        for (int i = 0; i < 50_001; i++) {
            perAddress.merge(sources.addressOf(i), 1, Integer::sum);
        }
        assertEquals(6, perAddress.size());
        perAddress.values().forEach(n -> assertEquals(true, n <= 10_000, "at most 10,000 per address, not " + n));
        assertEquals(1, perAddress.get("127.0.0.7"));
        assertEquals("127.0.0.2", sources.addressOf(9_999));
        assertEquals("127.0.0.3", sources.addressOf(10_000));
    }

    @Test
    void fewSessionsUseOneAddressAndNeverLoopbackOne() {
        LoopbackSources sources = new LoopbackSources(2_000, LoopbackSources.DEFAULT_PER_ADDRESS);
        assertEquals(List.of("127.0.0.2"), sources.all());
        assertEquals("127.0.0.2", sources.describe());
        assertEquals(List.of("127.0.0.2"), new LoopbackSources(0, 5).all());
    }

    @Test
    void addressesCarryIntoTheHigherOctets() {
        LoopbackSources sources = new LoopbackSources(300, 1);
        assertEquals("127.0.0.255", sources.addressOf(253));
        assertEquals("127.0.1.0", sources.addressOf(254));
        assertEquals("127.0.1.45", sources.addressOf(299));
    }

    @Test
    void refusesWhatCannotBeSpread() {
        assertThrows(IllegalArgumentException.class, () -> new LoopbackSources(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new LoopbackSources(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new LoopbackSources(Integer.MAX_VALUE, 1));
        LoopbackSources sources = new LoopbackSources(10, 5);
        assertThrows(IndexOutOfBoundsException.class, () -> sources.addressOf(10));
        assertThrows(IndexOutOfBoundsException.class, () -> sources.addressOf(-1));
    }
}
