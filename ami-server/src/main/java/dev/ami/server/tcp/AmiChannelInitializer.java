package dev.ami.server.tcp;

import dev.ami.api.connector.Account;
import dev.ami.server.action.ActionRegistry;
import dev.ami.server.codec.AmiFrameDecoder;
import dev.ami.server.codec.AmiMessageEncoder;
import dev.ami.server.session.ConnectorContext;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** The pipeline of one AMI connection: framing in, messages out, then the session. */
public final class AmiChannelInitializer extends ChannelInitializer<Channel> {

    /** The name of the write-timeout handler in the pipeline. */
    public static final String WRITE_TIMEOUT = "write-timeout";

    private static final Logger LOG = Logger.getLogger(AmiChannelInitializer.class.getName());
    private static final AmiMessageEncoder ENCODER = new AmiMessageEncoder();

    private final ConnectorContext connector;
    private final ActionRegistry actions;
    private final String transport;
    private final Supplier<SslContext> tls;

    /** A plain TCP pipeline. */
    public AmiChannelInitializer(ConnectorContext connector, ActionRegistry actions, String transport) {
        this(connector, actions, transport, (Supplier<SslContext>) null);
    }

    /**
     * @param connector what the sessions share
     * @param actions   the actions sessions may run
     * @param transport {@code TCP} or {@code TLS}, as security events name it
     * @param tls       the server TLS context
     */
    public AmiChannelInitializer(ConnectorContext connector, ActionRegistry actions, String transport,
            SslContext tls) {
        this(connector, actions, transport, () -> tls);
    }

    /**
     * @param connector what the sessions share
     * @param actions   the actions sessions may run
     * @param transport {@code TCP} or {@code TLS}, as security events name it
     * @param tls       the server TLS context for each new connection (a reloaded certificate
     *                  takes effect for the next one), or null for plain TCP
     */
    public AmiChannelInitializer(ConnectorContext connector, ActionRegistry actions, String transport,
            Supplier<SslContext> tls) {
        this.connector = connector;
        this.actions = actions;
        this.transport = transport;
        this.tls = tls;
    }

    @Override
    public void initChannel(Channel channel) {
        if (tls == null) {
            addSessionHandlers(channel);
            return;
        }
        // The same protocol inside TLS, from the end of the handshake (TlsStart).
        channel.pipeline()
                .addLast("tls", tls.get().newHandler(channel.alloc()))
                .addLast("tls-start", new TlsStart(connector, ctx -> addSessionHandlers(ctx.channel())));
    }

    private void addSessionHandlers(Channel channel) {
        channel.pipeline()
                // Asterisk's writetimeout: a write that cannot complete in time ends the session.
                // Before login the default applies; LoginAction sets the account's value.
                .addLast(WRITE_TIMEOUT, new WriteStallGuard(Account.DEFAULT_WRITE_TIMEOUT, connector.counters()::writeStalled))
                .addLast("frames", new AmiFrameDecoder())
                .addLast("messages", ENCODER)
                .addLast("session", new AmiSessionHandler(connector, actions, transport));
    }
}
