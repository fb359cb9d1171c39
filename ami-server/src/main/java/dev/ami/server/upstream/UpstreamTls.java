package dev.ami.server.upstream;

import dev.ami.api.connector.Upstream;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import javax.net.ssl.SSLException;

/** The client side of TLS to an upstream, with the JDK's provider as the listeners use. */
final class UpstreamTls {

    private UpstreamTls() {
    }

    /**
     * Read at each attempt, so that a replaced CA file is taken at the next reconnect.
     *
     * @param upstream its settings: with tlsVerify, the certificate must chain to the JVM's trust or
     *                 to tlsCaFile's certificates and name the host; without, anything is accepted
     * @return the context
     * @throws IllegalArgumentException when tlsCaFile cannot be read
     */
    static SslContext context(Upstream upstream) {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        try {
            if (!upstream.tlsVerify()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            } else {
                if (!upstream.tlsCaFile().isEmpty()) {
                    builder.trustManager(new File(upstream.tlsCaFile()));
                }
                builder.endpointIdentificationAlgorithm("HTTPS");
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the tlscafile " + upstream.tlsCaFile() + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /** @return the handler for one connection; it names the host (SNI, and the name checked) */
    static SslHandler handler(SslContext context, Upstream upstream, ByteBufAllocator alloc) {
        return context.newHandler(alloc, upstream.host(), upstream.port());
    }
}
