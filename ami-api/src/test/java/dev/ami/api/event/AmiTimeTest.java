package dev.ami.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmiTimeTest {

    @Test
    void timestampHasSixDecimalsWhateverTheMicroseconds() {
        assertEquals("1795836836.849568", AmiTime.timestamp(Instant.ofEpochSecond(1795836836L, 849_568_123)));
        assertEquals("1795836836.000000", AmiTime.timestamp(Instant.ofEpochSecond(1795836836L, 0)));
        assertEquals("1795836836.000005", AmiTime.timestamp(Instant.ofEpochSecond(1795836836L, 5_999)));
        assertEquals("1795836836.099999", AmiTime.timestamp(Instant.ofEpochSecond(1795836836L, 99_999_000)));
        assertEquals("1795836836.100000", AmiTime.timestamp(Instant.ofEpochSecond(1795836836L, 100_000_000)));
        assertEquals("0.999999", AmiTime.timestamp(Instant.ofEpochSecond(0, 999_999_999)));
    }

    @Test
    void timestampMatchesTheFormattedFormForEveryDigitCount() {
        for (int micros = 0; micros < 1_000_000; micros += 7) {
            Instant instant = Instant.ofEpochSecond(1_700_000_000L, micros * 1000L);
            assertEquals("1700000000." + String.format("%06d", micros), AmiTime.timestamp(instant));
        }
    }
}
