package dev.ami.admin.login;

import jakarta.security.enterprise.credential.Credential;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AmiIdentityStore} validates: a request's HTTP Basic credentials, or the name and
 * secret of the console's login form, with the request they came on (its client address is judged
 * by the account's permit/deny and named in the security events). It keeps the store's whole
 * decision ({@link #result()}): a {@code CredentialValidationResult} says only valid or not, and
 * the identity store handler answers every invalid one with the same constant, while the mechanism
 * needs how long the refusal waits.
 */
public final class AmiCredential implements Credential {

    private final LoginRequest request;
    private final String username;
    private final String secret;
    private LoginResult result;

    private AmiCredential(LoginRequest request, String username, String secret) {
        this.request = Objects.requireNonNull(request, "request");
        this.username = username;
        this.secret = secret;
    }

    /**
     * @param request a request whose {@code Authorization} header is to be checked
     * @return the credential
     */
    public static AmiCredential basic(LoginRequest request) {
        return new AmiCredential(request, null, null);
    }

    /**
     * @param request  the console's login request
     * @param username the name offered
     * @param secret   the secret offered
     * @return the credential
     */
    public static AmiCredential console(LoginRequest request, String username, String secret) {
        return new AmiCredential(request, Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(secret, "secret"));
    }

    /** Decides by the rules of an AMI login and keeps the decision. */
    LoginResult decide(HttpLogin login, Instant now) {
        result = username == null ? login.check(request, now) : login.login(username, secret, request, now);
        return result;
    }

    /** @return the identity store's decision, empty before it decided (or if no store took it) */
    public Optional<LoginResult> result() {
        return Optional.ofNullable(result);
    }

    /** @return the request the credentials came on */
    public LoginRequest request() {
        return request;
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "AmiCredential[username=" + username + ", secret=****]";
    }
}
