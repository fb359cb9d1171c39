package dev.ami.server.tcp;

import dev.ami.api.connector.AdmissionPolicy;
import dev.ami.server.session.SessionRegistry;
import java.net.InetSocketAddress;

/**
 * ami's admission limits on connections that have not logged in yet, per client address and per
 * network ({@link AdmissionPolicy}), checked on every connect after Asterisk's {@code authlimit}.
 */
final class Admission {

    private Admission() {
    }

    /**
     * @param sessions the live sessions and their counts
     * @param policy   the limits
     * @param remote   the new connection's client
     * @return why the connection is refused, or null if it is admitted
     */
    static String refusal(SessionRegistry sessions, AdmissionPolicy policy, InetSocketAddress remote) {
        if (remote == null) {
            return null;
        }
        if (policy.perAddress() > 0 && sessions.unauthenticatedFrom(remote.getAddress()) >= policy.perAddress()) {
            return "ami_authlimit_per_address " + policy.perAddress() + " reached";
        }
        if (policy.perNetwork() > 0 && sessions.unauthenticatedFromNetwork(remote.getAddress()) >= policy.perNetwork()) {
            return "ami_authlimit_per_network " + policy.perNetwork() + " reached";
        }
        return null;
    }
}
