package dev.ami.server.connector;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.server.action.BuiltInActions;
import dev.ami.server.event.SystemEvents;
import dev.ami.server.session.AmiChannelInitializer;
import dev.ami.server.session.ConnectorContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The TCP listener of the connector: binds where the configuration says, and owns the live
 * sessions through its {@link ConnectorContext}. Calls are serialized by the adapter.
 */
final class AmiListener {

    private static final Logger LOG = Logger.getLogger(AmiListener.class.getName());

    private final EventLoopGroup group;
    private ConnectorContext context;
    private Channel serverChannel;

    AmiListener(EventLoopGroup group) {
        this.group = group;
    }

    /**
     * Applies a configuration snapshot: the first one binds the listener (unless AMI is disabled);
     * later ones replace the snapshot the sessions log in against.
     */
    synchronized void apply(ManagerConfiguration configuration) {
        if (context == null) {
            context = new ConnectorContext(configuration, BuiltInActions.registry(), Clock.systemDefaultZone());
        } else {
            context.reload(configuration);
        }
        GeneralSettings general = configuration.general();
        if (!general.enabled()) {
            LOG.info("AMI is disabled (enabled = no in manager.conf [general]); no listener is bound");
            return;
        }
        if (serverChannel != null) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(general.bindAddress(), general.port());
        try {
            serverChannel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new AmiChannelInitializer(context, "TCP"))
                    .bind(address).syncUninterruptibly().channel();
            LOG.info(() -> "AMI listening on " + address + " (" + configuration.accounts().size() + " accounts)");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "AMI cannot listen on " + address + " (manager.conf [general] bindaddr/port): " + e, e);
        }
    }

    /** @return the address the listener is bound to, or null */
    synchronized InetSocketAddress boundAddress() {
        return serverChannel == null ? null : (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops accepting connections, tells every session the server is shutting down, and closes them. */
    synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            LOG.info(() -> "AMI listener on " + serverChannel.localAddress() + " closed");
            serverChannel = null;
        }
        if (context != null) {
            context.publish(SystemEvents.shutdown(), SystemEvents.CLASS);
            context.sessions().closeAll();
        }
    }
}
