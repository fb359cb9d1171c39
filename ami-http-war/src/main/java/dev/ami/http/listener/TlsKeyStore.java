package dev.ami.http.listener;

import dev.ami.persistence.secret.OwnerOnlyFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.wildfly.common.iteration.CodePointIterator;
import org.wildfly.security.pem.Pem;
import org.wildfly.security.pem.PemEntry;

/**
 * http.conf's {@code tlscertfile} and {@code tlsprivatekey} (PEM, as Asterisk reads them: the key
 * may also sit in the certificate file, PKCS#8 or PKCS#1) as the PKCS#12 key store WildFly's TLS
 * takes, written to the data folder readable by the server's user only. Elytron reads the PEM.
 */
final class TlsKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsKeyStore() {
    }

    /**
     * @param file     the key store written
     * @param password its password (random, made here)
     */
    record Written(Path file, String password) {
    }

    /**
     * @param certFile the PEM certificate chain (and possibly the key)
     * @param keyFile  the PEM private key, or null to take it from the certificate file
     * @param target   where to write the key store (replaced)
     * @return the key store and its password
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static Written write(Path certFile, Path keyFile, Path target) {
        List<X509Certificate> chain = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        read(certFile, chain, keys);
        if (keyFile != null) {
            read(keyFile, new ArrayList<>(), keys);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(certFile + " holds no PEM certificate");
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException((keyFile == null ? certFile : keyFile) + " holds no PEM private key");
        }
        String password = HexFormat.of().formatHex(bytes(24));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("ami-http", keys.get(0), password.toCharArray(), chain.toArray(new X509Certificate[0]));
            Files.deleteIfExists(target);
            OwnerOnlyFiles.create(target, "");
            try (OutputStream out = Files.newOutputStream(target)) {
                store.store(out, password.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(certFile + ": the certificate and key do not make a key store: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + target + ": " + e, e);
        }
        return new Written(target, password);
    }

    private static byte[] bytes(int count) {
        byte[] b = new byte[count];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void read(Path file, List<X509Certificate> chain, List<PrivateKey> keys) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            Iterator<PemEntry<?>> entries = Pem.parsePemContent(CodePointIterator.ofString(text));
            while (entries.hasNext()) {
                Object entry = entries.next().getEntry();
                if (entry instanceof X509Certificate certificate) {
                    chain.add(certificate);
                } else if (entry instanceof PrivateKey key) {
                    keys.add(key);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not PEM that can be read: " + e.getMessage(), e);
        }
    }
}
