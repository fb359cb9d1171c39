package dev.ami.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the server and its PostgreSQL that the test can cut and restore: cut, every
 * open connection is closed and new ones are refused, which is what the server sees of a
 * PostgreSQL that stops (its connections end, its port refuses), without stopping the machine's
 * PostgreSQL that other tests and programs share.
 */
final class DatabaseLink implements AutoCloseable {

    private final InetSocketAddress database;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private DatabaseLink(InetSocketAddress database, int port) {
        this.database = database;
        this.port = port;
    }

    /** @return a link to the database, open, on a free loopback port */
    static DatabaseLink to(String host, int port) throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        DatabaseLink link = new DatabaseLink(new InetSocketAddress(host, port), free);
        link.restore();
        return link;
    }

    int port() {
        return port;
    }

    /** Opens the link again on the same port. */
    void restore() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = s;
        spawn(() -> accept(s));
    }

    /** Closes every connection and refuses new ones until {@link #restore()}. */
    void cut() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket server = new Socket();
                try {
                    server.connect(database, 5_000);
                } catch (IOException down) {
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(server);
                if (s.isClosed()) { // cut while this one was connecting: it must not outlive the cut
                    close(client);
                    close(server);
                    continue;
                }
                spawn(() -> pump(client, server));
                spawn(() -> pump(server, client));
            } catch (IOException closedOrRefused) {
                // cut, or the database itself is down: the server sees a refused or ended connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed or the link was cut
        } finally {
            close(from);
            close(to);
        }
    }

    private static void spawn(Runnable work) {
        Thread t = new Thread(work, "database-link");
        t.setDaemon(true);
        t.start();
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
