package dev.ami.http.rest;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * HTTP Basic authentication with an AMI account that holds {@code config} write: the same right
 * that UpdateConfig needs over AMI. Anything else is answered 401 before the resource runs.
 */
// a CDI bean, so that the store can be injected (RESTEasy then takes the instance from CDI)
@ApplicationScoped
@Provider
@ConfigWriters
@Priority(Priorities.AUTHENTICATION)
public class ConfigWriterFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(ConfigWriterFilter.class.getName());

    @Inject
    ConfigurationStore store;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String[]> credentials = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isPresent() && allowed(credentials.get()[0], credentials.get()[1])) {
            return;
        }
        LOG.info(() -> "Configuration request refused: " + (credentials.isEmpty() ? "no credentials"
                : "account '" + credentials.get()[0] + "' without config write or wrong secret"));
        request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ami\", charset=\"UTF-8\"")
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("An AMI account with config write is needed (HTTP Basic authentication)\n").build());
    }

    private boolean allowed(String username, String secret) {
        Optional<Account> account = store.currentConfiguration().account(username);
        return account.filter(a -> a.secret() != null)
                .filter(a -> a.write().intersects(Authority.of(AuthorityClass.CONFIG)))
                .filter(a -> MessageDigest.isEqual(a.secret().getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8)))
                .isPresent();
    }

    static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
