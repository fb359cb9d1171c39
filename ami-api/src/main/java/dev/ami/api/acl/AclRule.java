package dev.ami.api.acl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One permit or deny entry of an account's ACL, as Asterisk's {@code permit=} and {@code deny=}
 * lines define them: an address and a mask of the same family.
 *
 * @param permit  true for permit, false for deny (a leading {@code !} already applied)
 * @param network the address, already masked
 * @param mask    the mask, of the same family as {@code network}
 */
public record AclRule(boolean permit, InetAddress network, InetAddress mask) {

    public AclRule {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(mask, "mask");
        if (network.getAddress().length != mask.getAddress().length) {
            throw new IllegalArgumentException("address and mask of different families");
        }
    }

    /**
     * Parses the value of one {@code permit=} or {@code deny=} line: a comma list of entries, each
     * {@code address}, {@code address/bits} or {@code address/mask} (IPv4 or IPv6, no host names),
     * optionally starting with {@code !} to reverse its sense.
     *
     * @param permit true for a permit line, false for a deny line
     * @param value  the value as written
     * @return the rules in order
     * @throws IllegalArgumentException naming the entry that is not an address
     */
    public static List<AclRule> parse(boolean permit, String value) {
        List<AclRule> rules = new ArrayList<>();
        for (String raw : value.split(",")) {
            String entry = raw.strip();
            boolean sense = permit;
            if (entry.startsWith("!")) {
                sense = !sense;
                entry = entry.substring(1).strip();
            }
            rules.add(entry(sense, entry));
        }
        return rules;
    }

    private static AclRule entry(boolean permit, String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress address = literal(host, entry);
        int length = address.getAddress().length;
        byte[] mask;
        if (slash < 0) {
            mask = prefixMask(length, length * 8);
        } else {
            String m = entry.substring(slash + 1).strip();
            if (!m.isEmpty() && m.chars().allMatch(Character::isDigit)) {
                int bits = Integer.parseInt(m);
                if (bits > length * 8) {
                    throw new IllegalArgumentException("'" + entry + "': a prefix of " + bits + " bits is too long");
                }
                mask = prefixMask(length, bits);
            } else {
                mask = literal(m, entry).getAddress();
                if (mask.length != length) {
                    throw new IllegalArgumentException("'" + entry + "': the mask is not of the address's family");
                }
            }
        }
        byte[] net = address.getAddress();
        for (int i = 0; i < length; i++) {
            net[i] &= mask[i];
        }
        try {
            return new AclRule(permit, InetAddress.getByAddress(net), InetAddress.getByAddress(mask));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Parses an IP literal without ever asking DNS. */
    private static InetAddress literal(String text, String entry) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("'" + entry + "' is not an IPv4 or IPv6 address with an optional mask");
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("'" + entry + "' is not an IPv4 address");
                }
            }
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address", e);
        }
    }

    private static byte[] prefixMask(int length, int bits) {
        byte[] mask = new byte[length];
        for (int i = 0; i < bits; i++) {
            mask[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return mask;
    }

    /**
     * @param client the client address
     * @return true if this rule applies to the client: same family, and inside the network.
     *         IPv4 rules also cover IPv4-mapped IPv6 clients; rules never cross families.
     */
    public boolean matches(InetAddress client) {
        byte[] c = asIpv4IfMapped(client).getAddress();
        byte[] n = network.getAddress();
        byte[] m = mask.getAddress();
        if (c.length != n.length) {
            return false;
        }
        for (int i = 0; i < c.length; i++) {
            if ((c[i] & m[i]) != n[i]) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress asIpv4IfMapped(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address || b.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        if (b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** @return the rule as a manager.conf entry, e.g. {@code 10.0.0.0/255.0.0.0} */
    public String entry() {
        return network.getHostAddress() + "/" + mask.getHostAddress();
    }
}
