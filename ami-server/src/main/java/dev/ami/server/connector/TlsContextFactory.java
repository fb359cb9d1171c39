package dev.ami.server.connector;

import dev.ami.api.connector.TlsSettings;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.wildfly.security.ssl.CipherSuiteSelector;

/**
 * Builds the server TLS context of manager.conf's {@code tls*} options: PEM certificate chain and
 * key as Asterisk reads them, and {@code tlscipher} as an OpenSSL cipher string.
 */
final class TlsContextFactory {

    private TlsContextFactory() {
    }

    /**
     * @return a server context for these settings
     * @throws IllegalArgumentException naming the option and the file or value that cannot be used
     */
    static SslContext serverContext(TlsSettings tls) {
        File cert = new File(tls.certFile());
        // Asterisk looks for the key in the certificate file when tlsprivatekey is not set
        File key = tls.privateKey().isEmpty() ? cert : new File(tls.privateKey());
        SslContextBuilder builder;
        try {
            builder = SslContextBuilder.forServer(cert, key).sslProvider(SslProvider.JDK);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the certificate " + cert
                    + (key.equals(cert) ? "" : " or the private key " + key)
                    + " (tlscertfile/tlsprivatekey) cannot be read: " + rootMessage(e), e);
        }
        if (!tls.cipher().isEmpty()) {
            builder.ciphers(cipherSuites(tls.cipher()));
        }
        try {
            return builder.build();
        } catch (Exception e) {
            throw new IllegalArgumentException("the certificate " + cert
                    + (key.equals(cert) ? "" : " or the private key " + key)
                    + " (tlscertfile/tlsprivatekey) cannot be used: " + rootMessage(e), e);
        }
    }

    /**
     * @return a digest of the certificate and key files' contents, to tell when they changed; a
     *         file that cannot be read gives a digest of its own (and the reload then says why)
     */
    static String filesDigest(TlsSettings tls) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : tls.privateKey().isEmpty() ? List.of(tls.certFile()) : List.of(tls.certFile(), tls.privateKey())) {
                try {
                    sha.update(Files.readAllBytes(Path.of(file)));
                } catch (IOException | RuntimeException unreadable) {
                    sha.update(("unreadable " + file + ": " + unreadable).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * The Java suites an OpenSSL cipher string selects. As with OpenSSL, the string governs TLS 1.2
     * and older; the TLS 1.3 suites stay the runtime's defaults.
     */
    static List<String> cipherSuites(String cipher) {
        SSLParameters runtime;
        SSLParameters defaults;
        try {
            runtime = SSLContext.getDefault().getSupportedSSLParameters();
            defaults = SSLContext.getDefault().getDefaultSSLParameters();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no default TLS context", e);
        }
        String[] selected;
        try {
            selected = CipherSuiteSelector.fromString(cipher).evaluate(runtime.getCipherSuites());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tlscipher = " + cipher + " is not a valid cipher string: "
                    + rootMessage(e), e);
        }
        if (selected.length == 0) {
            throw new IllegalArgumentException("tlscipher = " + cipher
                    + " selects no cipher suite that this Java runtime supports");
        }
        List<String> suites = new ArrayList<>();
        Arrays.stream(defaults.getCipherSuites()).filter(TlsContextFactory::isTls13Suite).forEach(suites::add);
        Arrays.stream(selected).filter(s -> !suites.contains(s)).forEach(suites::add);
        return suites;
    }

    private static boolean isTls13Suite(String suite) {
        return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
