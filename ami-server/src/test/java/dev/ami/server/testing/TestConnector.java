package dev.ami.server.testing;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.server.action.ActionRegistry;
import dev.ami.server.action.BuiltInActions;
import dev.ami.server.session.ConnectorContext;
import dev.ami.server.tcp.AmiChannelInitializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A connector with the accounts of the protocol test vectors, and embedded connections to it. */
public final class TestConnector {

    public static final List<Account> ACCOUNTS = List.of(
            Account.of("admin", "s3cret", Authority.ALL, Authority.ALL),
            Account.of("callonly", "pw", Authority.parse("call"), Authority.parse("call")),
            Account.of("nosecret", null, Authority.ALL, Authority.ALL));

    public static final GeneralSettings GENERAL =
            GeneralSettings.builder().enabled(true).bindAddress("127.0.0.1").build();

    public final ConnectorContext context;
    /** The built-in actions; tests add their own. */
    public final ActionRegistry actions = BuiltInActions.registry();

    public TestConnector() {
        this(GENERAL, ACCOUNTS);
    }

    /** What the next Reload applies; tests change it to simulate an edit of the store. */
    public volatile ManagerConfiguration stored;

    public TestConnector(GeneralSettings general, List<Account> accounts) {
        stored = new ManagerConfiguration(general, accounts);
        context = new ConnectorContext(stored, Clock.fixed(Instant.parse("2026-11-28T03:33:42.208Z"), ZoneOffset.UTC),
                this::reloadStored);
    }

    /** When set, what the next Reload waits for (slow work under way), instead of applying {@link #stored}. */
    public volatile CompletableFuture<ManagerConfiguration> slowReload;

    private CompletableFuture<ManagerConfiguration> reloadStored() {
        CompletableFuture<ManagerConfiguration> slow = slowReload;
        if (slow != null) {
            return slow;
        }
        context.reload(stored);
        return CompletableFuture.completedFuture(stored);
    }

    /** @return a new connection; nothing read yet */
    public Connection open() {
        return open(new InetSocketAddress("127.0.0.1", 40000));
    }

    /** @return a new connection from this client address; nothing read yet */
    public Connection open(InetSocketAddress remote) {
        return new Connection(new Channel(context, actions, remote));
    }

    /** @return a new connection, greeting already consumed */
    public Connection connect() {
        Connection c = open();
        String greeting = c.read();
        if (!greeting.equals("Asterisk Call Manager/11.0.0\r\n")) {
            throw new AssertionError("unexpected greeting " + greeting);
        }
        return c;
    }

    /** @return a connection logged in as this account; what the login wrote is left unread */
    public Connection login(String user, String secret) {
        Connection c = connect();
        c.send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\n\r\n");
        return c;
    }

    /** @return admin's session that receives security events, everything before them read */
    public Connection securityWatcher() {
        Connection c = login("admin", "s3cret");
        c.read();
        c.exchange("Action: Events\r\nEventMask: security\r\n\r\n");
        return c;
    }

    /**
     * @param text the challenge followed by the secret
     * @return the MD5 login key for it: lowercase hex, computed here independently of the server
     */
    public static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An embedded channel with real-looking socket addresses. */
    static final class Channel extends EmbeddedChannel {
        private final InetSocketAddress remote;

        Channel(ConnectorContext context, ActionRegistry actions, InetSocketAddress remote) {
            super(false, false);
            this.remote = remote;
            new AmiChannelInitializer(context, actions, "TCP").initChannel(this);
            registerNow();
        }

        private void registerNow() {
            try {
                super.register();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected SocketAddress localAddress0() {
            return new InetSocketAddress(remote.getAddress().getAddress().length == 4 ? "127.0.0.1" : "::1", 5038);
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return remote;
        }
    }

    /** The client side of one embedded connection. */
    public record Connection(EmbeddedChannel channel) {

        public void send(String text) {
            channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
        }

        /** @return everything the server has written so far, as text */
        public String read() {
            // routed events are written by a task on the session's own loop
            channel.runPendingTasks();
            StringBuilder sb = new StringBuilder();
            ByteBuf buf;
            while ((buf = channel.readOutbound()) != null) {
                sb.append(buf.toString(StandardCharsets.ISO_8859_1));
                buf.release();
            }
            return sb.toString();
        }

        /** @return the server's session for this connection */
        public dev.ami.server.session.AmiSession session() {
            return channel.pipeline().get(dev.ami.server.tcp.AmiSessionHandler.class).session();
        }

        public String exchange(String text) {
            send(text);
            return read();
        }
    }
}
