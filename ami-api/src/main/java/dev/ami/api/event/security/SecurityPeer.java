package dev.ami.api.event.security;

import dev.ami.api.net.Addresses;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * Who a security event is about: the service and session that saw the request, and both ends of
 * its connection, as Asterisk's security events name them.
 *
 * @param service       the {@code Service} header: {@code AMI} for manager sessions
 * @param sessionId     the {@code SessionID} header
 * @param localAddress  the {@code LocalAddress} header, see {@link #address}
 * @param remoteAddress the {@code RemoteAddress} header, see {@link #address}
 * @param sessionTv     the {@code SessionTV} header: when the session logged in, the epoch before
 */
public record SecurityPeer(String service, String sessionId, String localAddress, String remoteAddress,
        Instant sessionTv) {

    public SecurityPeer {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(sessionTv, "sessionTv");
    }

    /**
     * Asterisk's address form, {@code IPV4/TCP/127.0.0.1/5038} (main/security_events.c,
     * security_event_ipaddr_to_string). On an IPv6 listener (bindaddr {@code ::}) an IPv4 client
     * arrives IPv4-mapped: Asterisk names the family IPV6 and prints the address as IPv4
     * ({@code IPV6/TCP/127.0.0.1/5038}); Java has already unmapped the address.
     *
     * @param address      the address and port
     * @param transport    {@code TCP}, {@code TLS} (or {@code UDP})
     * @param ipv6Listener true if the connection came in on a listener bound to an IPv6 address
     * @return the text
     */
    public static String address(InetSocketAddress address, String transport, boolean ipv6Listener) {
        String family = address.getAddress() instanceof Inet4Address && !ipv6Listener ? "IPV4" : "IPV6";
        return family + "/" + transport + "/" + Addresses.text(address.getAddress()) + "/" + address.getPort();
    }
}
