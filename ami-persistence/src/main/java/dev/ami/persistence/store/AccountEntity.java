package dev.ami.persistence.store;

import dev.ami.persistence.manager.AccountDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
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

    @Column(nullable = false)
    private String username;

    @Column(name = "username_key", nullable = false, unique = true)
    private String usernameKey;

    @Column(length = 1024)
    private String secret;

    @Column(name = "read_classes", nullable = false, length = 1024)
    private String readClasses;

    @Column(name = "write_classes", nullable = false, length = 1024)
    private String writeClasses;

    protected AccountEntity() {
    }

    public AccountEntity(AccountDefinition definition) {
        username = definition.username();
        usernameKey = definition.username().toLowerCase(Locale.ROOT);
        secret = definition.secret();
        readClasses = definition.read();
        writeClasses = definition.write();
    }

    public AccountDefinition toDefinition() {
        return new AccountDefinition(username, secret, readClasses, writeClasses);
    }
}
