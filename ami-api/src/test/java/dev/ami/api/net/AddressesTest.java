package dev.ami.api.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Asterisk prints IPv6 addresses in their shortest form (RFC 5952), not Java's full form. */
class AddressesTest {

    private static String text(String literal) throws UnknownHostException {
        return Addresses.text(InetAddress.getByName(literal));
    }

    @Test
    void ipv6IsPrintedShortestAndIpv4AsIs() throws UnknownHostException {
        assertEquals("::1", text("0:0:0:0:0:0:0:1"));
        assertEquals("::", text("0:0:0:0:0:0:0:0"));
        assertEquals("2001:db8::1", text("2001:0db8:0:0:0:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", text("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
        assertEquals("2001:0:0:1::1", text("2001:0:0:1:0:0:0:1"), "the longest run is shortened");
        assertEquals("2001:db8::1:0:0:1", text("2001:db8:0:0:1:0:0:1"), "on a tie, the first run");
        assertEquals("fe80::", text("fe80:0:0:0:0:0:0:0"));
        assertEquals("192.168.0.1", text("192.168.0.1"));
        assertEquals("10.0.0.1", text("::ffff:10.0.0.1"), "Java unmaps IPv4-mapped addresses, as Asterisk prints them");
    }
}
