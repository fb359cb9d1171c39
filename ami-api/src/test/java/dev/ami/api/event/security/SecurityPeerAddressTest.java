package dev.ami.api.event.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The LocalAddress/RemoteAddress form of Asterisk's security events. */
class SecurityPeerAddressTest {

    @Test
    void familyTransportShortestAddressAndPort() {
        assertEquals("IPV4/TCP/127.0.0.1/5038",
                SecurityPeer.address(new InetSocketAddress("127.0.0.1", 5038), "TCP", false));
        assertEquals("IPV6/TLS/::1/5039", SecurityPeer.address(new InetSocketAddress("::1", 5039), "TLS", true));
        assertEquals("IPV6/TCP/fe80::1/40000",
                SecurityPeer.address(new InetSocketAddress("fe80:0:0:0:0:0:0:1", 40000), "TCP", true));
    }

    @Test
    void anIpv4ClientOfAnIpv6ListenerIsIpv6FamilyWithItsIpv4Address() {
        // bindaddr = :: (Asterisk's default): the client arrives IPv4-mapped
        assertEquals("IPV6/TCP/127.0.0.1/40000",
                SecurityPeer.address(new InetSocketAddress("::ffff:127.0.0.1", 40000), "TCP", true));
    }
}
