package dev.ami.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ManagerCookieTest {

    private static OptionalInt id(String... cookieHeaders) {
        return ManagerCookie.sessionId(Arrays.asList(cookieHeaders));
    }

    @Test
    void setCookieIsAsteriskByteForByte() {
        assertEquals("mansession_id=\"56a0f3d4\"; Version=1; Max-Age=60", ManagerCookie.setCookie(0x56a0f3d4, 60));
        assertEquals("mansession_id=\"0000abcd\"; Version=1; Max-Age=5", ManagerCookie.setCookie(0xabcd, 5));
        assertEquals("mansession_id=\"f906dd03\"; Version=1; Max-Age=300", ManagerCookie.setCookie(0xf906dd03, 300));
    }

    @Test
    void readsTheIdAsCurlSendsItBack() {
        assertEquals(OptionalInt.of(0x56a0f3d4), id("mansession_id=\"56a0f3d4\""));
        assertEquals(OptionalInt.of(0xf906dd03), id("mansession_id=\"f906dd03\""), "ids above 2^31 survive");
    }

    @Test
    void quotesAreOptionalAndTheNameIsCaseInsensitive() {
        assertEquals(OptionalInt.of(0x56a0f3d4), id("mansession_id=56a0f3d4"));
        assertEquals(OptionalInt.of(0x56a0f3d4), id("MANSESSION_ID=\"56A0F3D4\""));
        assertEquals(OptionalInt.of(0x56a0f3d4), id("  ManSession_Id  =  \" 56a0f3d4 \"  "));
    }

    @Test
    void findsItAmongOtherCookies() {
        assertEquals(OptionalInt.of(0x1234abcd), id("a=1; mansession_id=\"1234abcd\"; b=\"x\""));
        assertEquals(OptionalInt.of(0x1234abcd), id("a;=b; mansession_id=1234abcd;c=;;"), "broken cookies are skipped");
    }

    @Test
    void withinAHeaderTheLastMansessionIdIsTheOneRead() {
        assertEquals(OptionalInt.of(0x2), id("mansession_id=1; mansession_id=2"));
        assertEquals(OptionalInt.empty(), id("mansession_id=1234abcd; mansession_id=zz"),
                "even when the last is not hex and an earlier one was");
        assertEquals(OptionalInt.of(0x1), id("mansession_id=1; mansession_id="), "an empty value is no cookie");
        assertEquals(OptionalInt.of(0x1), id("mansession_id=1; mansession_id=\"\""), "nor is an empty quoted one");
    }

    @Test
    void onlyTheLastCookieHeaderCounts() {
        assertEquals(OptionalInt.empty(), id("mansession_id=1234abcd", "theme=dark"));
        assertEquals(OptionalInt.of(0x2), id("mansession_id=1", "mansession_id=2"));
        assertEquals(OptionalInt.of(0x1), id("mansession_id=1", "  "), "an empty header is no header to Asterisk");
        assertEquals(OptionalInt.of(0x1), id("mansession_id=1", null));
    }

    @Test
    void nonHexAndZeroMeanNoSession() {
        assertEquals(OptionalInt.empty(), id("mansession_id=zz"));
        assertEquals(OptionalInt.empty(), id("mansession_id=\"g1\""));
        assertEquals(OptionalInt.empty(), id("mansession_id=\"56a0f3d4"), "an unbalanced quote stays and is not hex");
        assertEquals(OptionalInt.empty(), id("mansession_id=0"));
        assertEquals(OptionalInt.empty(), id("mansession_id=\"00000000\""));
        assertEquals(OptionalInt.empty(), id("mansession_id=0x"));
        assertEquals(OptionalInt.empty(), id());
        assertEquals(OptionalInt.empty(), ManagerCookie.sessionId(List.of()));
        assertEquals(OptionalInt.empty(), id("other=56a0f3d4"));
    }

    @Test
    void hexIsReadAsSscanfReadsIt() {
        assertEquals(OptionalInt.of(0x1a2b), id("mansession_id=1a2bzz"), "leading hex digits are enough");
        assertEquals(OptionalInt.of(0x1a), id("mansession_id=0x1A"));
        assertEquals(OptionalInt.of(0x23456789), id("mansession_id=123456789"), "the low 32 bits are kept");
        assertEquals(OptionalInt.of(0xffffffff), id("mansession_id=-1"));
        assertEquals(OptionalInt.of(0xffffffff), id("mansession_id=11112222333344445"), "past 64 bits: saturated");
        assertEquals(OptionalInt.empty(), id("mansession_id=" + "0".repeat(30) + "ff"), "30 characters at most");
        assertEquals(OptionalInt.of(0xff), id("mansession_id=" + "0".repeat(28) + "ff"));
    }
}
