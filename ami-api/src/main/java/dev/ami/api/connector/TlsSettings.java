package dev.ami.api.connector;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The TLS listener of manager.conf {@code [general]}: the same protocol as TCP, inside TLS.
 *
 * @param enabled     {@code tlsenable}
 * @param bindAddress the address of {@code tlsbindaddr} (default: {@code bindaddr})
 * @param port        the port of {@code tlsbindaddr} (default and whenever it equals the TCP port: 5039)
 * @param certFile    {@code tlscertfile}: PEM certificate chain (and the key, when no private key file is set)
 * @param privateKey  {@code tlsprivatekey}: PEM private key file, or empty
 * @param cipher      {@code tlscipher}, an OpenSSL cipher string, as written
 * @param options     the library flags Asterisk accepts ({@code tlsservercipherorder}, {@code tlsdisablev1},
 *                    {@code tlsdisablev11}, {@code tlsdisablev12}) as {@code name=value}, in that order:
 *                    stored and exported; the Java runtime's own protocol defaults apply
 */
public record TlsSettings(boolean enabled, String bindAddress, int port, String certFile, String privateKey,
        String cipher, java.util.List<String> options) {

    /** Asterisk's TLS port when tlsbindaddr names none. */
    public static final int DEFAULT_PORT = 5039;

    /** TLS off, with Asterisk's defaults for the rest. */
    public static final TlsSettings DISABLED = new TlsSettings(false, "::", DEFAULT_PORT, "asterisk.pem", "", "");

    public TlsSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(cipher, "cipher");
        options = java.util.List.copyOf(options);
    }

    /** Settings without library flags. */
    public TlsSettings(boolean enabled, String bindAddress, int port, String certFile, String privateKey, String cipher) {
        this(enabled, bindAddress, port, certFile, privateKey, cipher, java.util.List.of());
    }

    /**
     * @param dir the configuration folder
     * @return these settings with relative certificate and key paths resolved against the folder
     */
    public TlsSettings resolvedAgainst(Path dir) {
        return new TlsSettings(enabled, bindAddress, port, resolve(dir, certFile), resolve(dir, privateKey), cipher,
                options);
    }

    /**
     * @param newPort a port
     * @return these settings listening on that port
     */
    public TlsSettings withPort(int newPort) {
        return new TlsSettings(enabled, bindAddress, newPort, certFile, privateKey, cipher, options);
    }

    private static String resolve(Path dir, String file) {
        return file.isEmpty() ? file : dir.resolve(file).toString();
    }
}
