package dev.ami.persistence.store;

import dev.ami.persistence.manager.AccountDefinition;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A stored AMI account; read and write lists are kept as written in manager.conf. */
@Entity
@Table(name = "account")
@NamedQuery(name = AccountEntity.ALL, query = "select a from AccountEntity a order by a.id")
public class AccountEntity {

    static final String ALL = "AccountEntity.all";

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
        usernameKey = definition.username().toLowerCase(Locale.ROOT);
        secret = cipher.encrypt(definition.secret());
        readClasses = definition.read();
        writeClasses = definition.write();
        definition.acl().forEach(line -> acl.add(new AclEntryEmbeddable(line)));
        allowMultipleLogin = definition.allowMultipleLogin();
        displayConnects = definition.displayConnects();
        writeTimeout = definition.writeTimeout();
        definition.eventFilters().forEach(line -> eventFilters.add(new FilterEntryEmbeddable(line)));
        setVars = String.join("\n", definition.variables());
        namedAcls = String.join("\n", definition.namedAcls());
    }

    private static List<String> lines(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    /** @param cipher decrypts the stored secret @return the account as configured */
    public AccountDefinition toDefinition(SecretCipher cipher) {
        return new AccountDefinition(username, cipher.decrypt(secret), readClasses, writeClasses,
                acl.stream().map(AclEntryEmbeddable::toLine).toList(), allowMultipleLogin, displayConnects, writeTimeout,
                eventFilters.stream().map(FilterEntryEmbeddable::toLine).toList(), lines(setVars), lines(namedAcls));
    }
}
