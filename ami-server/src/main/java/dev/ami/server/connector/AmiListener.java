package dev.ami.server.connector;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.server.action.BuiltInActions;
import dev.ami.server.event.SystemEvents;
import dev.ami.server.session.AmiChannelInitializer;
import dev.ami.server.session.ConfigurationReloader;
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
    private final ConfigurationReloader reloader;
    private ConnectorContext context;
    private Channel serverChannel;
    private InetSocketAddress configuredAddress;

    AmiListener(EventLoopGroup group, ConfigurationReloader reloader) {
        this.group = group;
        this.reloader = reloader;
    }

    /**
     * Applies a configuration snapshot: logins use it at once; the listener binds where it says,
     * moves when bindaddr or port changed, and closes (keeping its sessions) when AMI is disabled.
     */
    synchronized void apply(ManagerConfiguration configuration) {
        if (context == null) {
            context = new ConnectorContext(configuration, BuiltInActions.registry(), Clock.systemDefaultZone(), reloader);
        } else {
            context.reload(configuration);
        }
        GeneralSettings general = configuration.general();
        if (!general.enabled()) {
            closeServerChannel();
            LOG.info("AMI is disabled (enabled = no in manager.conf [general]); no listener is bound");
            return;
        }
        InetSocketAddress address = new InetSocketAddress(general.bindAddress(), general.port());
        if (serverChannel != null && address.equals(configuredAddress)) {
            return;
        }
        closeServerChannel();
        configuredAddress = address;
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

    private void closeServerChannel() {
        if (serverChannel != null) {
            Channel closing = serverChannel;
            serverChannel = null;
            closing.close().syncUninterruptibly();
            LOG.info(() -> "AMI listener on " + closing.localAddress() + " closed");
        }
    }

    /** @return the address the listener is bound to, or null */
    synchronized InetSocketAddress boundAddress() {
        return serverChannel == null ? null : (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops accepting connections, tells every session the server is shutting down, and closes them. */
    synchronized void close() {
        closeServerChannel();
        if (context != null) {
            context.publish(SystemEvents.shutdown(), SystemEvents.CLASS);
            context.sessions().closeAll();
        }
    }
}
