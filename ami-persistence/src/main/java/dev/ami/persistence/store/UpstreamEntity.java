package dev.ami.persistence.store;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Upstream;
import dev.ami.persistence.manager.StoredLengths;
import dev.ami.persistence.manager.UpstreamSection;
import dev.ami.persistence.manager.UpstreamsConfReader;
import dev.ami.persistence.secret.SecretCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/** A stored upstream AMI server (upstreams.conf's section); its secret encrypted as an account's is. */
@Entity
@Table(name = "upstream")
@NamedQuery(name = UpstreamEntity.ALL, query = "select u from UpstreamEntity u order by u.nameKey")
@NamedQuery(name = UpstreamEntity.BY_KEY, query = "select u from UpstreamEntity u where u.nameKey = :key")
public class UpstreamEntity {

    /** Every upstream, by name without regard to case. */
    static final String ALL = "UpstreamEntity.all";
    /** The upstream whose name, without regard to case, is {@code :key} ({@link #key}). */
    static final String BY_KEY = "UpstreamEntity.byKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = StoredLengths.UPSTREAM_NAME)
    private String name;

    @Column(name = "name_key", nullable = false, unique = true, length = StoredLengths.UPSTREAM_NAME)
    private String nameKey;

    @Column(nullable = false, length = StoredLengths.NAME)
    private String host;

    @Column(nullable = false)
    private int port;

    @Column(nullable = false)
    private boolean tls;

    @Column(name = "tls_verify", nullable = false)
    private boolean tlsVerify;

    @Column(name = "tls_ca_file", nullable = false, length = StoredLengths.VALUE)
    private String tlsCaFile;

    @Column(nullable = false, length = StoredLengths.NAME)
    private String username;

    @Column(nullable = false, length = StoredLengths.VALUE)
    private String secret;

    /** The classes as upstreams.conf's {@code events} writes them ({@link UpstreamSection#events}). */
    @Column(nullable = false, length = StoredLengths.VALUE)
    private String events;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "name_events", nullable = false)
    private boolean nameEvents;

    protected UpstreamEntity() {
    }

    /**
     * @param upstream the upstream, its secret in clear
     * @param cipher   encrypts the secret
     */
    UpstreamEntity(Upstream upstream, SecretCipher cipher) {
        replace(upstream, cipher, false);
    }

    /**
     * @param name an upstream's name
     * @return how the store matches it: without regard to case
     */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Replaces the upstream in place (the row keeps its id).
     *
     * @param upstream   as it is to be
     * @param cipher     encrypts the secret
     * @param keepSecret true to keep the stored secret, whatever the upstream's is
     */
    void replace(Upstream upstream, SecretCipher cipher, boolean keepSecret) {
        name = upstream.name();
        nameKey = key(upstream.name());
        host = upstream.host();
        port = upstream.port();
        tls = upstream.tls();
        tlsVerify = upstream.tlsVerify();
        tlsCaFile = upstream.tlsCaFile();
        username = upstream.username();
        if (!keepSecret) {
            secret = cipher.encrypt(upstream.secret());
        }
        events = UpstreamSection.events(upstream.events());
        enabled = upstream.enabled();
        nameEvents = upstream.nameEvents();
    }

    /** @return the upstream's name as configured */
    String name() {
        return name;
    }

    /**
     * @param cipher decrypts the secret
     * @return the upstream, its secret in clear
     */
    Upstream toUpstream(SecretCipher cipher) {
        Authority classes = UpstreamsConfReader.events(events);
        if (classes == null) {
            throw new IllegalStateException("the stored events of upstream " + name + " no longer read: " + events);
        }
        return new Upstream(name, host, port, tls, tlsVerify, tlsCaFile, username, cipher.decrypt(secret), classes,
                enabled, nameEvents);
    }

    /**
     * A digest of the stored row (its id and every column, the secret encrypted), as an account's
     * ETag is made ({@link AccountEntity#digest()}).
     *
     * @return SHA-256 of the row, base64url without padding
     */
    String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String value : new String[] {String.valueOf(id), name, nameKey, host, Integer.toString(port),
                    Boolean.toString(tls), Boolean.toString(tlsVerify), tlsCaFile, username, secret, events,
                    Boolean.toString(enabled), Boolean.toString(nameEvents)}) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
