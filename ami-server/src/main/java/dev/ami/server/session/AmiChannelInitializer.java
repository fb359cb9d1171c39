package dev.ami.server.session;

import dev.ami.server.codec.AmiFrameDecoder;
import dev.ami.server.codec.AmiMessageEncoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/** The pipeline of one AMI connection: framing in, messages out, then the session. */
public final class AmiChannelInitializer extends ChannelInitializer<Channel> {

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
                .addLast("frames", new AmiFrameDecoder())
                .addLast("messages", ENCODER)
                .addLast("session", new AmiSessionHandler(connector, transport));
    }
}
