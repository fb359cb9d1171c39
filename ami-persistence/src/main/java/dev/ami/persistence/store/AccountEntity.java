package dev.ami.persistence.store;

import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AclLine;
import dev.ami.persistence.manager.FilterLine;
import dev.ami.persistence.manager.StoredLengths;
import dev.ami.persistence.secret.SecretCipher;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** A stored AMI account; read and write lists are kept as written in manager.conf. */
@Entity
@Table(name = "account")
@NamedQuery(name = AccountEntity.ALL, query = "select a from AccountEntity a order by a.id")
@NamedQuery(name = AccountEntity.BY_KEY, query = "select a from AccountEntity a where a.usernameKey = :key")
@NamedQuery(name = AccountEntity.BY_NAME, query = "select a from AccountEntity a order by a.usernameKey")
@NamedQuery(name = AccountEntity.COUNT, query = "select count(a) from AccountEntity a")
@NamedQuery(name = AccountEntity.NAMED_LIKE, query = "select a from AccountEntity a"
        + " where locate(:part, a.usernameKey) > 0 order by a.usernameKey")
@NamedQuery(name = AccountEntity.COUNT_NAMED_LIKE, query = "select count(a) from AccountEntity a"
        + " where locate(:part, a.usernameKey) > 0")
public class AccountEntity {

    static final String ALL = "AccountEntity.all";
    /** The account whose name, without regard to case, is {@code :key} ({@link #key}). */
    static final String BY_KEY = "AccountEntity.byKey";
    /** Every account, by name without regard to case. */
    static final String BY_NAME = "AccountEntity.byName";
    static final String COUNT = "AccountEntity.count";
    /** Accounts whose names hold {@code :part} (not empty, made by {@link #key}), by name. */
    static final String NAMED_LIKE = "AccountEntity.namedLike";
    static final String COUNT_NAMED_LIKE = "AccountEntity.countNamedLike";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = StoredLengths.NAME)
    private String username;

    @Column(name = "username_key", nullable = false, unique = true, length = StoredLengths.NAME)
    private String usernameKey;

    @Column(length = StoredLengths.VALUE)
    private String secret;

    @Column(name = "read_classes", nullable = false, length = StoredLengths.VALUE)
    private String readClasses;

    @Column(name = "write_classes", nullable = false, length = StoredLengths.VALUE)
    private String writeClasses;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_acl", joinColumns = @JoinColumn(name = "account_id"))
    @OrderColumn(name = "position")
    private List<AclEntryEmbeddable> acl = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_event_filter", joinColumns = @JoinColumn(name = "account_id"))
    @OrderColumn(name = "position")
    private List<FilterEntryEmbeddable> eventFilters = new ArrayList<>();

    @Column(name = "allow_multiple_login")
    private Boolean allowMultipleLogin;

    @Column(name = "display_connects")
    private Boolean displayConnects;

    @Column(name = "write_timeout")
    private Integer writeTimeout;

    /** setvar values, one per line. */
    @Column(name = "set_vars", nullable = false, length = StoredLengths.LIST)
    private String setVars = "";

    /** named acl lines' names, one per line. */
    @Column(name = "named_acls", nullable = false, length = StoredLengths.LIST)
    private String namedAcls = "";

    /** ami's own upstream option: the default upstream's name, or null. */
    @Column(length = StoredLengths.UPSTREAM_NAME)
    private String upstream;

    /** ami's own upstreams option: the names it may use, comma-separated as written back; empty for every upstream. */
    @Column(nullable = false, length = StoredLengths.VALUE)
    private String upstreams = "";

    protected AccountEntity() {
    }

    /** Encrypts a secret stored in clear by a version before secrets were encrypted. */
    void encryptLegacySecret(SecretCipher cipher) {
        if (secret != null && !SecretCipher.isEncrypted(secret)) {
            secret = cipher.encrypt(secret);
        }
    }

    /**
     * @param definition the account
     * @param cipher     encrypts the secret for storage
     */
    public AccountEntity(AccountDefinition definition, SecretCipher cipher) {
        username = definition.username();
        usernameKey = key(definition.username());
        secret = cipher.encrypt(definition.secret());
        assign(definition);
    }

    /**
     * @param name an account name
     * @return how the store matches it: without regard to case, as a login does
     */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** @return the account's name as configured */
    String username() {
        return username;
    }

    /**
     * Replaces the account in place (its row keeps its id): name, options and, unless
     * {@code keepSecret}, the secret, encrypted anew.
     *
     * @param definition the account as it is to be
     * @param cipher     encrypts the secret
     * @param keepSecret true to keep the stored secret, whatever the definition says
     */
    void replace(AccountDefinition definition, SecretCipher cipher, boolean keepSecret) {
        username = definition.username();
        usernameKey = key(definition.username());
        if (!keepSecret) {
            secret = cipher.encrypt(definition.secret());
        }
        acl.clear();
        eventFilters.clear();
        assign(definition);
    }

    private void assign(AccountDefinition definition) {
        readClasses = definition.read();
        writeClasses = definition.write();
        definition.acl().forEach(line -> acl.add(new AclEntryEmbeddable(line)));
        allowMultipleLogin = definition.allowMultipleLogin();
        displayConnects = definition.displayConnects();
        writeTimeout = definition.writeTimeout();
        definition.eventFilters().forEach(line -> eventFilters.add(new FilterEntryEmbeddable(line)));
        setVars = String.join("\n", definition.variables());
        namedAcls = String.join("\n", definition.namedAcls());
        upstream = definition.upstream();
        upstreams = String.join(",", definition.upstreams());
    }

    private static List<String> lines(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    /** @param cipher decrypts the stored secret @return the account as configured */
    public AccountDefinition toDefinition(SecretCipher cipher) {
        return new AccountDefinition(username, cipher.decrypt(secret), readClasses, writeClasses,
                acl.stream().map(AclEntryEmbeddable::toLine).toList(), allowMultipleLogin, displayConnects, writeTimeout,
                eventFilters.stream().map(FilterEntryEmbeddable::toLine).toList(), lines(setVars), lines(namedAcls), upstream,
                upstreams.isEmpty() ? List.of() : List.of(upstreams.split(",")));
    }

    /** @return true if the account has a secret (it can log in) */
    boolean hasSecret() {
        return secret != null;
    }

    /**
     * A digest of the stored row: its id and every column, the secret in its encrypted form. It
     * changes with every change of the row, the secret's included, which the stored form shows
     * without revealing it (each encryption draws a new nonce). An import deletes and inserts every
     * account: the new rows have new ids and newly encrypted secrets, so a digest taken before an
     * import never matches one taken after it, as a version counter restarting with the row could.
     *
     * @return SHA-256 of the row, base64url without padding
     */
    String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            DigestOutput out = new DigestOutput(sha);
            out.text(String.valueOf(id));
            out.text(username);
            out.text(usernameKey);
            out.text(secret);
            out.text(readClasses);
            out.text(writeClasses);
            out.count(acl.size());
            acl.forEach(a -> {
                AclLine line = a.toLine();
                out.text(line.permit() ? "permit" : "deny");
                out.text(line.value());
            });
            out.text(String.valueOf(allowMultipleLogin));
            out.text(String.valueOf(displayConnects));
            out.text(String.valueOf(writeTimeout));
            out.count(eventFilters.size());
            eventFilters.forEach(f -> {
                FilterLine line = f.toLine();
                out.text(line.key());
                out.text(line.value());
            });
            out.text(setVars);
            out.text(namedAcls);
            out.text(upstream);
            out.text(upstreams);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Feeds values to a digest unambiguously: each text with its length (-1 for null), each list with its size. */
    private record DigestOutput(MessageDigest sha) {

        void text(String value) {
            if (value == null) {
                count(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            count(bytes.length);
            sha.update(bytes);
        }

        void count(int n) {
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(n).array());
        }
    }
}
