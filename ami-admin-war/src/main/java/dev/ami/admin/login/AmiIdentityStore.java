package dev.ami.admin.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Instant;

/**
 * The AMI accounts as a Jakarta Security identity store: an {@link AmiCredential} is valid by the
 * rules of an AMI login ({@link HttpLogin}: account, permit/deny, secret, the shared throttle), its
 * security event published with {@code Service: REST}; the caller's groups are its {@link Roles}.
 * Other credentials are not this store's.
 */
@ApplicationScoped
public class AmiIdentityStore implements IdentityStore {

    @Inject
    Logins logins;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof AmiCredential ami)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        LoginResult result = ami.decide(logins.login(), Instant.now());
        result.event().ifPresent(logins::publish);
        return result.admitted() ? new CredentialValidationResult(result.username(), result.groups())
                : CredentialValidationResult.INVALID_RESULT;
    }
}
