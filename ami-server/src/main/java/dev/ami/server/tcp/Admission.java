package dev.ami.server.tcp;

import dev.ami.api.connector.AdmissionPolicy;
import dev.ami.api.connector.GeneralSettings;
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
     * Checks the limits and, if they admit the connection, counts it, as one step for all
     * connections ({@link SessionRegistry#admitting}).
     *
     * @param sessions  the live sessions and their counts
     * @param general   authlimit and the admission shares
     * @param authLimit true to check authlimit too (a session starting); false for a TLS handshake,
     *                  which Asterisk does not count towards it
     * @param remote    the new connection's client
     * @param count     counts the admitted connection
     * @return why the connection is refused, or null if it was admitted and counted
     */
    static String admit(SessionRegistry sessions, GeneralSettings general, boolean authLimit, InetSocketAddress remote,
            Runnable count) {
        return sessions.admitting(() -> {
            String why = authLimit && sessions.unauthenticatedCount() >= general.authLimit()
                    ? "authlimit " + general.authLimit() + " reached"
                    : refusal(sessions, general.admission(), remote);
            if (why == null) {
                count.run();
            }
            return why;
        });
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
