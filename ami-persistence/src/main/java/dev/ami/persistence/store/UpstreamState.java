package dev.ami.persistence.store;

import dev.ami.api.connector.Upstream;
import dev.ami.persistence.secret.SecretCipher;
import java.util.Objects;

/**
 * A stored upstream as the administration shows it: never its secret.
 *
 * @param upstream the upstream, its secret left out (empty)
 * @param etag     a digest of the stored row, the encrypted secret included (as an account's)
 */
public record UpstreamState(Upstream upstream, String etag) {

    public UpstreamState {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(etag, "etag");
        if (!upstream.secret().isEmpty()) {
            throw new IllegalArgumentException("an upstream's state never carries its secret");
        }
    }

    static UpstreamState of(UpstreamEntity entity, SecretCipher cipher) {
        Upstream u = entity.toUpstream(cipher);
        return new UpstreamState(new Upstream(u.name(), u.host(), u.port(), u.tls(), u.tlsVerify(), u.tlsCaFile(),
                u.username(), "", u.events(), u.enabled(), u.nameEvents()), entity.digest());
    }
}
