package dev.ami.server.connector;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.TlsSettings;
import dev.ami.server.action.ActionRegistry;
import dev.ami.server.action.BuiltInActions;
import dev.ami.server.event.SystemEvents;
import dev.ami.server.http.HttpManagerService;
import dev.ami.server.session.ConfigurationReloader;
import dev.ami.server.session.ConnectorContext;
import dev.ami.server.tcp.AmiChannelInitializer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
    /** The built-in actions and those applications add; kept across configuration changes. */
    private final ActionRegistry actions = BuiltInActions.registry();
    private Channel serverChannel;
    private InetSocketAddress configuredAddress;
    private Channel tlsChannel;
    /** How often the TLS certificate files are looked at for a change. */
    static final long CERTIFICATE_CHECK_SECONDS = 10;

    private TlsSettings configuredTls;
    /** The TLS context for new connections; replaced when the certificate files change. */
    private final AtomicReference<SslContext> tlsContext = new AtomicReference<>();
    private String tlsFiles = "";
    private String refusedTlsFiles = "";
    private ScheduledFuture<?> certificateWatch;
    /** The HTTP manager's sessions, on this connector's loops; the web side hands it requests. */
    private HttpManagerService httpManager;

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
            context = new ConnectorContext(configuration, Clock.systemDefaultZone(), reloader);
        } else {
            context.reload(configuration);
            context.endShutdown();
        }
        if (httpManager == null) {
            ConnectorContext shared = context;
            httpManager = new HttpManagerService(shared, actions, group, () -> shared.configuration().http(),
                    Clock.systemDefaultZone());
            httpManager.start();
        }
        if (certificateWatch == null) {
            certificateWatch = group.next().scheduleWithFixedDelay(this::reloadCertificateIfChanged,
                    CERTIFICATE_CHECK_SECONDS, CERTIFICATE_CHECK_SECONDS, TimeUnit.SECONDS);
        }
        GeneralSettings general = configuration.general();
        if (!general.enabled()) {
            closeServerChannel();
            closeTlsChannel();
            LOG.info("AMI is disabled (enabled = no in manager.conf [general]); no listener is bound");
            return;
        }
        applyTls(general.tls());
        InetSocketAddress address = new InetSocketAddress(general.bindAddress(), general.port());
        if (serverChannel != null && address.equals(configuredAddress)) {
            return;
        }
        closeServerChannel();
        configuredAddress = address;
        try {
            serverChannel = listen(new AmiChannelInitializer(context, actions, "TCP"), address);
            LOG.info(() -> "AMI listening on " + address + " (" + configuration.accounts().size() + " accounts)");
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            LOG.log(Level.SEVERE, "AMI cannot listen on " + address + " (manager.conf [general] bindaddr/port): " + e, e);
        }
    }

    /**
     * Binds, moves or closes the TLS listener; with the same settings, takes a changed certificate
     * (a Reload). A certificate or key that cannot be used is logged with its file and the reason,
     * and what ran goes on: the TCP listener, every session, and a TLS listener already up with its
     * previous certificate.
     */
    private void applyTls(TlsSettings tls) {
        if (!tls.enabled()) {
            closeTlsChannel();
            return;
        }
        if (tlsChannel != null && tls.equals(configuredTls)) {
            reloadCertificateIfChanged();
            return;
        }
        InetSocketAddress address = new InetSocketAddress(tls.bindAddress(), tls.port());
        String files = TlsContextFactory.filesDigest(tls);
        SslContext sslContext;
        try {
            sslContext = TlsContextFactory.serverContext(tls);
        } catch (IllegalArgumentException e) {
            LOG.severe(tlsChannel == null ? "AMI over TLS is not started (manager.conf [general]): " + e.getMessage()
                    : "AMI over TLS keeps its listener and certificate (manager.conf [general]): " + e.getMessage());
            return;
        }
        closeTlsChannel();
        configuredTls = tls;
        tlsContext.set(sslContext);
        tlsFiles = files;
        refusedTlsFiles = "";
        try {
            tlsChannel = listen(new AmiChannelInitializer(context, actions, "TLS", tlsContext::get), address);
            LOG.info(() -> "AMI over TLS listening on " + address);
        } catch (Exception e) { // as above
            configuredTls = null;
            LOG.log(Level.SEVERE, "AMI cannot listen for TLS on " + address + " (manager.conf [general] tlsbindaddr): " + e, e);
        }
    }

    /**
     * Takes the TLS certificate and key again if their files changed (a Reload, and every
     * {@value #CERTIFICATE_CHECK_SECONDS} s): new connections get the new certificate, sessions
     * already connected keep theirs. Files that cannot be used are logged once and the previous
     * certificate stays.
     */
    synchronized void reloadCertificateIfChanged() {
        TlsSettings tls = configuredTls;
        if (tlsChannel == null || tls == null) {
            return;
        }
        String files = TlsContextFactory.filesDigest(tls);
        if (files.equals(tlsFiles) || files.equals(refusedTlsFiles)) {
            return;
        }
        try {
            tlsContext.set(TlsContextFactory.serverContext(tls));
            tlsFiles = files;
            refusedTlsFiles = "";
            LOG.info(() -> "AMI over TLS took the changed certificate " + tls.certFile() + " for new connections");
        } catch (IllegalArgumentException e) {
            refusedTlsFiles = files;
            LOG.severe("AMI over TLS keeps its previous certificate: " + e.getMessage());
        }
    }

    private Channel listen(AmiChannelInitializer initializer, InetSocketAddress address) {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // a client that sends its requests and then shuts down its side (printf … | nc) is
                // answered in full before the connection closes, as Asterisk does
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(initializer)
                .bind(address).syncUninterruptibly().channel();
    }

    private void closeTlsChannel() {
        closeListening(tlsChannel, "AMI TLS listener");
        tlsChannel = null;
    }

    private void closeServerChannel() {
        closeListening(serverChannel, "AMI listener");
        serverChannel = null;
    }

    private static void closeListening(Channel channel, String what) {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            LOG.info(() -> what + " on " + channel.localAddress() + " closed");
        }
    }

    /** @return what the sessions share, or null before the first configuration */
    synchronized ConnectorContext context() {
        return context;
    }

    /** @return the HTTP manager, or null before the first configuration and after {@link #close()} */
    synchronized HttpManagerService httpManager() {
        return httpManager;
    }

    /** @return the actions sessions may run, to which applications add theirs */
    ActionRegistry actions() {
        return actions;
    }

    /** @return the address the TLS listener is bound to, or null */
    synchronized InetSocketAddress boundTlsAddress() {
        return tlsChannel == null ? null : (InetSocketAddress) tlsChannel.localAddress();
    }

    /** @return true if the listener is bound, or AMI is switched off (manager.conf enabled = no) */
    synchronized boolean listening() {
        return serverChannel != null || context != null && !context.configuration().general().enabled();
    }

    /** @return the address the listener is bound to, or null */
    synchronized InetSocketAddress boundAddress() {
        return serverChannel == null ? null : (InetSocketAddress) serverChannel.localAddress();
    }

    /** @return the bound listeners' addresses by transport, TCP first (ConnectorLink.listenerAddresses) */
    synchronized Map<String, InetSocketAddress> listenerAddresses() {
        Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
        if (serverChannel != null) {
            addresses.put("TCP", boundAddress());
        }
        if (tlsChannel != null) {
            addresses.put("TLS", boundTlsAddress());
        }
        return Collections.unmodifiableMap(addresses);
    }

    /** Stops accepting connections, tells every session the server is shutting down, and closes them. */
    synchronized void close() {
        if (certificateWatch != null) {
            certificateWatch.cancel(false);
            certificateWatch = null;
        }
        closeServerChannel();
        closeTlsChannel();
        if (context != null) {
            context.beginShutdown();
            context.publish(SystemEvents.shutdown());
            context.sessions().closeAll();
        }
        if (httpManager != null) {
            httpManager.stop();
            httpManager = null;
        }
    }
}
