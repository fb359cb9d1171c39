package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.TlsSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** manager.conf's tls options turned into a server context, and the errors a bad one gets. */
class TlsContextFactoryTest {

    @Test
    void separateCertificateAndKeyFiles() {
        assertNotNull(TlsContextFactory.serverContext(tls("ami-cert.pem", "ami-key.pem", "")));
    }

    @Test
    void theKeyIsFoundInTheCertificateFileWhenNoKeyFileIsSet() {
        assertNotNull(TlsContextFactory.serverContext(tls("ami-combined.pem", "", "")));
    }

    @Test
    void aBrokenCertificateIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsContextFactory.serverContext(tls("broken.pem", "ami-key.pem", "")));
        assertTrue(e.getMessage().contains(fixture("broken.pem")), e.getMessage());
        assertTrue(e.getMessage().contains("tlscertfile"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsContextFactory.serverContext(
                        new TlsSettings(true, "127.0.0.1", 0, "/nonexistent/asterisk.pem", "", "")));
        assertTrue(e.getMessage().contains("/nonexistent/asterisk.pem"), e.getMessage());
    }

    @Test
    void anOpenSslCipherStringSelectsJavaSuitesAndKeepsTls13() {
        List<String> suites = TlsContextFactory.cipherSuites("ECDHE+AESGCM:!aNULL");
        assertTrue(suites.contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), suites.toString());
        assertTrue(suites.contains("TLS_AES_128_GCM_SHA256"), suites.toString());
        assertFalse(suites.stream().anyMatch(s -> s.contains("_CBC_")), suites.toString());
        assertNotNull(TlsContextFactory.serverContext(tls("ami-cert.pem", "ami-key.pem", "ECDHE+AESGCM:!aNULL")));
    }

    @Test
    void aCipherStringThatSelectsNothingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsContextFactory.cipherSuites("eNULL:!eNULL"));
        assertEquals("tlscipher = eNULL:!eNULL selects no cipher suite that this Java runtime supports", e.getMessage());
    }

    private static TlsSettings tls(String cert, String key, String cipher) {
        return new TlsSettings(true, "127.0.0.1", 0, fixture(cert), key.isEmpty() ? "" : fixture(key), cipher);
    }

    static String fixture(String name) {
        try {
            return Path.of(TlsContextFactoryTest.class.getResource("/tls/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client for the self-signed test certificate. */
    static SSLSocketFactory trustingClient() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        context.init(null, new TrustManager[] {trustAll}, null);
        return context.getSocketFactory();
    }
}
