package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void unreservedStaysTheRestIsPercentEncodedAsUtf8() {
        assertEquals("bob-1.x_y~", Segments.encode("bob-1.x_y~"));
        assertEquals("a%20b%2Fc%3Bd%7Be%7D", Segments.encode("a b/c;d{e}"));
        assertEquals("p%C3%A4ss", Segments.encode("päss"));
    }
}
