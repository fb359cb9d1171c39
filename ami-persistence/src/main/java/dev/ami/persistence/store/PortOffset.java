package dev.ami.persistence.store;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import java.util.logging.Logger;

/**
 * {@code -Dami.port.offset=N}: this node listens for AMI (TCP and TLS) on manager.conf's ports plus N,
 * and for the HTTP manager on http.conf's plus N (its listener's socket bindings are fixed, so
 * WildFly's {@code jboss.socket.binding.port-offset} leaves them where http.conf says), so that
 * several nodes of one cluster, sharing one store, can run on one host. Unset, the ports are the
 * files'.
 */
public final class PortOffset {

    static final String PROPERTY = "ami.port.offset";

    /** The largest offset: 5038 plus this stays a port. */
    static final int MAX = 60_000;

    private static final Logger LOG = Logger.getLogger(PortOffset.class.getName());

    private PortOffset() {
    }

    /**
     * @param value the property's value, or null
     * @return the offset; 0 when unset, or (logged) when it is not a number from 0 to {@value #MAX}
     */
    static int parse(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(value.strip());
            if (offset >= 0 && offset <= MAX) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.severe(() -> "-D" + PROPERTY + "=" + value + " is not a number from 0 to " + MAX
                + "; AMI listens on manager.conf's ports unshifted");
        return 0;
    }

    /**
     * @param settings the stored settings
     * @param offset   this node's offset
     * @return the settings with the TCP and TLS ports shifted
     */
    static GeneralSettings apply(GeneralSettings settings, int offset) {
        if (offset == 0) {
            return settings;
        }
        return settings.toBuilder().port(settings.port() + offset)
                .tls(settings.tls().withPort(settings.tls().port() + offset)).build();
    }

    /**
     * @param h      the stored http.conf settings
     * @param offset this node's offset
     * @return the settings with the HTTP and HTTPS ports shifted
     */
    static HttpSettings apply(HttpSettings h, int offset) {
        if (offset == 0) {
            return h;
        }
        return new HttpSettings(h.enabled(), h.bindAddress(), h.bindPort() + offset, h.prefix(), h.serverName(),
                h.sessionLimit(), h.sessionInactivityMillis(), h.sessionKeepAliveMillis(), h.enableStatic(),
                h.enableStatus(), h.redirects(), h.tls().withPort(h.tls().port() + offset), h.restrictions());
    }

    /**
     * @param h the stored http.conf settings
     * @return where this node's HTTP manager listens: the settings with this node's offset
     */
    public static HttpSettings forThisNode(HttpSettings h) {
        return apply(h, parse(System.getProperty(PROPERTY)));
    }
}
