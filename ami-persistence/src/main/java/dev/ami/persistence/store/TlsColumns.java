package dev.ami.persistence.store;

import dev.ami.api.connector.TlsSettings;
import dev.ami.persistence.manager.StoredLengths;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The TLS listener's columns, the same in manager.conf's and http.conf's stored [general]. */
@Embeddable
public class TlsColumns {

    @Column(name = "tls_enabled", nullable = false)
    private boolean enabled;

    @Column(name = "tls_bind_address", nullable = false)
    private String bindAddress;

    @Column(name = "tls_port", nullable = false)
    private int port;

    @Column(name = "tls_cert_file", nullable = false, length = StoredLengths.VALUE)
    private String certFile;

    @Column(name = "tls_private_key", nullable = false, length = StoredLengths.VALUE)
    private String privateKey;

    @Column(name = "tls_cipher", nullable = false, length = StoredLengths.VALUE)
    private String cipher;

    /** The TLS library flags as name=value, one per line. */
    @Column(name = "tls_options", nullable = false, length = StoredLengths.VALUE)
    private String options;

    protected TlsColumns() {
    }

    TlsColumns(TlsSettings t) {
        enabled = t.enabled();
        bindAddress = t.bindAddress();
        port = t.port();
        certFile = t.certFile();
        privateKey = t.privateKey();
        cipher = t.cipher();
        options = String.join("\n", t.options());
    }

    TlsSettings toSettings() {
        return new TlsSettings(enabled, bindAddress, port, certFile, privateKey, cipher,
                options == null || options.isEmpty() ? java.util.List.of() : java.util.List.of(options.split("\n")));
    }
}
