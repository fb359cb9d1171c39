package dev.ami.server.connector;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.TlsSettings;
import dev.ami.server.action.ActionRegistry;
import dev.ami.server.action.BuiltInActions;
import dev.ami.server.http.HttpManagerService;
import dev.ami.server.session.ConfigurationReloader;
import dev.ami.server.session.ConnectorContext;
import dev.ami.server.tcp.AmiChannelInitializer;
import dev.ami.server.upstream.UpstreamConnections;
import dev.ami.server.upstream.UpstreamForwarding;
import dev.ami.server.upstream.UpstreamRelay;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The TCP listener of the connector: binds where the configuration says, and owns the live
 * sessions through its {@link ConnectorContext}. Changes are serialized by this object's lock,
 * which a stop holds while its sessions drain; what other threads read while that lasts (the
 * HTTP manager, the bound addresses, the periodic certificate check) takes no part of that lock.
 */
final class AmiListener {

    private static final Logger LOG = Logger.getLogger(AmiListener.class.getName());

    private final EventLoopGroup group;
    /** The loops accepted connections are registered on: the accepting one first (ConnectionLoops). */
    private final ConnectionLoops connectionLoops;
    private final ConfigurationReloader reloader;
    private final Duration drainLimit;
    private volatile ConnectorContext context;
    /** The built-in actions and those applications add; kept across configuration changes. */
    private final ActionRegistry actions = BuiltInActions.registry();
    private volatile Channel serverChannel;
    private InetSocketAddress configuredAddress;
    private volatile Channel tlsChannel;
    /** How often the TLS certificate files are looked at for a change. */
    static final long CERTIFICATE_CHECK_SECONDS = 10;

    /**
     * Guards the certificate fields below. The periodic check runs on an event loop and takes only
     * this lock: were it to wait for the listener's lock while a stop holds it, the sessions of its
     * loop could not drain.
     */
    private final Object certificates = new Object();
    private volatile TlsSettings configuredTls;
    /** The TLS context for new connections; replaced when the certificate files change. */
    private final AtomicReference<SslContext> tlsContext = new AtomicReference<>();
    private String tlsFiles = "";
    private String refusedTlsFiles = "";
    private ScheduledFuture<?> certificateWatch;
    /** The HTTP manager's sessions, on this connector's loops; the web side hands it requests. */
    private volatile HttpManagerService httpManager;
    /** True from a stop until the next configuration is applied: a second close has nothing to stop. */
    private boolean stopped;
    /** Runs once, once the port first opens (see {@link RequestPathWarmup}); null: none. */
    private RequestPathWarmup warmup;
    /** Runs the warm-up: it blocks on a socket, so neither on an event loop nor on the caller's thread. */
    private final Executor warmupThread;
    /** The sessions with the upstream AMI servers, on the listener's loops; made once, follows each configuration. */
    private final UpstreamConnections upstreams;

    AmiListener(EventLoopGroup group, ConfigurationReloader reloader) {
        this(group, reloader, StopSequence.DRAIN_LIMIT);
    }

    /**
     * @param group      the event loops of the listeners and sessions
     * @param reloader   what re-reads the stored configuration
     * @param drainLimit how long a session may take to answer what it has received when the listener closes
     */
    AmiListener(EventLoopGroup group, ConfigurationReloader reloader, Duration drainLimit) {
        this(group, reloader, drainLimit, null, Runnable::run);
    }

    /**
     * @param group      the event loops of the listeners and sessions
     * @param reloader   what re-reads the stored configuration
     * @param drainLimit how long a session may take to answer what it has received when the listener closes
     * @param warmup     run once the port first opens, or null
     * @param warmupThread where the warm-up runs (a container thread; not an event loop)
     */
    AmiListener(EventLoopGroup group, ConfigurationReloader reloader, Duration drainLimit, RequestPathWarmup warmup,
            Executor warmupThread) {
        this.group = group;
        this.connectionLoops = new ConnectionLoops(group);
        this.reloader = reloader;
        this.drainLimit = drainLimit;
        this.warmup = warmup;
        this.warmupThread = warmupThread;
        // host names of upstreams are looked up where the warm-up runs: a container thread, as a lookup blocks
        UpstreamRelay relay = new UpstreamRelay(() -> context);
        this.upstreams = new UpstreamConnections(group, relay, warmupThread);
        actions.forwardTo(new UpstreamForwarding(upstreams, relay.requests()));
    }

    /**
     * Applies a configuration snapshot: logins use it at once; the listener binds where it says,
     * moves when bindaddr or port changed, and closes (keeping its sessions) when AMI is disabled.
     */
    synchronized void apply(ManagerConfiguration configuration) {
        stopped = false;
        if (context == null) {
            context = new ConnectorContext(configuration, Clock.systemDefaultZone(), reloader);
        } else {
            context.reload(configuration);
            context.endShutdown();
        }
        context.upstreams(upstreams::statuses);
        upstreams.apply(configuration.upstreams());
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
            warmUpOnce(general);
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
        synchronized (certificates) {
            configuredTls = tls;
            tlsContext.set(sslContext);
            tlsFiles = files;
            refusedTlsFiles = "";
        }
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
    void reloadCertificateIfChanged() {
        synchronized (certificates) {
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
    }

    /**
     * Starts the warm-up the first time the port opens. It runs beside the first clients rather
     * than before the port opens, so that it costs the start nothing (another second or two to a
     * start that is meant to take a few), and holds no lock of the listener's.
     */
    private void warmUpOnce(GeneralSettings general) {
        RequestPathWarmup once = warmup;
        if (once == null) {
            return;
        }
        warmup = null;
        try {
            warmupThread.execute(() -> once.run(group, actions, general, this::listen, reloader));
        } catch (RuntimeException e) { // no thread for it: the first requests are simply slower
            LOG.log(Level.FINE, "AMI request path warm-up not started", e);
        }
    }

    private Channel listen(AmiChannelInitializer initializer, InetSocketAddress address) {
        return new ServerBootstrap()
                .group(group, connectionLoops)
                .channel(NioServerSocketChannel.class)
                // the system's largest listen backlog (net.core.somaxconn), where Asterisk asks for 10:
                // a flood is accepted and refused by the admission limits, not left half-open in the kernel
                .option(ChannelOption.SO_BACKLOG, NetUtil.SOMAXCONN)
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
    ConnectorContext context() {
        return context;
    }

    /** @return the HTTP manager, or null before the first configuration and after {@link #close()} */
    HttpManagerService httpManager() {
        return httpManager;
    }

    /**
     * @return the sessions with the upstream AMI servers (issue 17): forwarded actions find theirs here
     */
    UpstreamConnections upstreams() {
        return upstreams;
    }

    /** @return the actions sessions may run, to which applications add theirs */
    ActionRegistry actions() {
        return actions;
    }

    /** @return the address the TLS listener is bound to, or null */
    InetSocketAddress boundTlsAddress() {
        Channel tls = tlsChannel;
        return tls == null ? null : (InetSocketAddress) tls.localAddress();
    }

    /** @return true if the listener is bound, or AMI is switched off (manager.conf enabled = no) */
    boolean listening() {
        ConnectorContext shared = context;
        return serverChannel != null || shared != null && !shared.configuration().general().enabled();
    }

    /** @return the address the listener is bound to, or null */
    InetSocketAddress boundAddress() {
        Channel server = serverChannel;
        return server == null ? null : (InetSocketAddress) server.localAddress();
    }

    /** @return the bound listeners' addresses by transport, TCP first (ConnectorLink.listenerAddresses) */
    Map<String, InetSocketAddress> listenerAddresses() {
        Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
        InetSocketAddress tcp = boundAddress();
        if (tcp != null) {
            addresses.put("TCP", tcp);
        }
        InetSocketAddress tls = boundTlsAddress();
        if (tls != null) {
            addresses.put("TLS", tls);
        }
        return Collections.unmodifiableMap(addresses);
    }

    /**
     * Stops as Asterisk stops ({@link StopSequence}): no new connections; the Shutdown event to
     * every session; each session answers what it had received and closes, within the drain limit.
     * Returns once every session has closed (or the limit and its grace have passed).
     *
     * @return what the stop did
     */
    synchronized StopSequence.Outcome close() {
        if (certificateWatch != null) {
            certificateWatch.cancel(false);
            certificateWatch = null;
        }
        closeServerChannel();
        closeTlsChannel();
        StopSequence.Outcome outcome = StopSequence.Outcome.NONE;
        if (context != null && !stopped) {
            stopped = true;
            outcome = StopSequence.begin(context, drainLimit).await();
        }
        // after the drain: a request forwarded to an upstream is answered before its session goes
        upstreams.close();
        if (httpManager != null) {
            httpManager.stop(); // the purge, and any session made after the drain
            httpManager = null;
        }
        return outcome;
    }
}
