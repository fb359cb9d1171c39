package dev.ami.persistence.store;

import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.secret.SecretCipher;
import java.util.Objects;

/**
 * A stored account as the administration shows it: never its secret.
 *
 * @param account   the account with its secret left out (null)
 * @param hasSecret whether it has a secret (an account without one cannot log in)
 * @param etag      a digest of the stored row, the encrypted secret included: it changes whenever the account
 *                  does, and a row inserted again (an import) never gets an old one back
 */
public record AccountState(AccountDefinition account, boolean hasSecret, String etag) {

    public AccountState {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(etag, "etag");
        if (account.secret() != null) {
            throw new IllegalArgumentException("an account's state never carries its secret");
        }
    }

    static AccountState of(AccountEntity entity, SecretCipher cipher) {
        AccountDefinition a = entity.toDefinition(cipher);
        return new AccountState(new AccountDefinition(a.username(), null, a.read(), a.write(), a.acl(),
                a.allowMultipleLogin(), a.displayConnects(), a.writeTimeout(), a.eventFilters(), a.variables(),
                a.namedAcls(), a.upstream(), a.upstreams()), entity.hasSecret(), entity.digest());
    }
}
