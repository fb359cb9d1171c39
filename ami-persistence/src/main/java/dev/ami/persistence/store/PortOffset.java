package dev.ami.persistence.store;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.TlsSettings;
import java.util.logging.Logger;

/**
 * {@code -Dami.port.offset=N}: this node listens for AMI (TCP and TLS) on manager.conf's ports plus N,
 * so that several nodes of one cluster, sharing one store, can run on one host, as WildFly's
 * {@code jboss.socket.binding.port-offset} shifts the server's own ports (the HTTP manager's
 * listener among them). Unset, the ports are manager.conf's.
 */
final class PortOffset {

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
        TlsSettings tls = settings.tls();
        return settings.toBuilder().port(settings.port() + offset)
                .tls(new TlsSettings(tls.enabled(), tls.bindAddress(), tls.port() + offset, tls.certFile(),
                        tls.privateKey(), tls.cipher(), tls.options()))
                .build();
    }
}
