package dev.ami.server.session;

import dev.ami.api.connector.Account;
import dev.ami.server.codec.AmiFrameDecoder;
import dev.ami.server.codec.AmiMessageEncoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.util.concurrent.TimeUnit;

/** The pipeline of one AMI connection: framing in, messages out, then the session. */
public final class AmiChannelInitializer extends ChannelInitializer<Channel> {

    /** The name of the write-timeout handler in the pipeline. */
    public static final String WRITE_TIMEOUT = "write-timeout";

    private static final AmiMessageEncoder ENCODER = new AmiMessageEncoder();

    private final ConnectorContext connector;
    private final String transport;

    public AmiChannelInitializer(ConnectorContext connector, String transport) {
        this.connector = connector;
        this.transport = transport;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                // Asterisk's writetimeout: a write that cannot complete in time ends the session.
                // Before login the default applies; LoginAction sets the account's value.
                .addLast(WRITE_TIMEOUT, new WriteTimeoutHandler(Account.DEFAULT_WRITE_TIMEOUT, TimeUnit.MILLISECONDS))
                .addLast("frames", new AmiFrameDecoder())
                .addLast("messages", ENCODER)
                .addLast("session", new AmiSessionHandler(connector, transport));
    }
}
