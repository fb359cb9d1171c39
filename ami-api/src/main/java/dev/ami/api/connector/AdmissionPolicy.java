package dev.ami.api.connector;

/**
 * How many connections one client may hold before it has logged in ({@code [general]} options of
 * ami's own, on top of Asterisk's {@code authlimit} for all clients together), so that one address,
 * or one network, flooding the port cannot fill {@code authlimit} and lock everybody else out. A
 * connection over either limit is closed at once, before the greeting, as one over {@code authlimit}
 * is. 0 turns a limit off.
 *
 * @param perAddress {@code ami_authlimit_per_address}: from one address (10)
 * @param perNetwork {@code ami_authlimit_per_network}: from one IPv4 /24 or IPv6 /64 (25)
 */
public record AdmissionPolicy(int perAddress, int perNetwork) {

    /** The defaults: one address or network can take at most half of Asterisk's default authlimit of 50. */
    public static final AdmissionPolicy DEFAULTS = new AdmissionPolicy(10, 25);

    /** Checks that the limits are 0 or more. */
    public AdmissionPolicy {
        if (perAddress < 0 || perNetwork < 0) {
            throw new IllegalArgumentException("admission limits must be 0 or more");
        }
    }
}
