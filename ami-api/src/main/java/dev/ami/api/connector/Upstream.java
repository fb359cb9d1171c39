package dev.ami.api.connector;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.Header;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One upstream AMI server (a real Asterisk, or another ami) that ami keeps one session with: its
 * events reach ami's own clients, and actions ami does not implement itself are forwarded to it.
 *
 * @param name       how accounts and requests name it (letters, digits, {@code .}, {@code _}, {@code -};
 *                   at most 80); unique without regard to case
 * @param host       host name or address of its AMI listener
 * @param port       its AMI port (5038, or 5039 for TLS)
 * @param tls        whether to speak TLS to it
 * @param tlsVerify  with TLS, whether its certificate must chain to a trusted one and name the host
 * @param tlsCaFile  with TLS, a PEM file of certificates to trust instead of the JVM's; empty for the JVM's
 * @param username   the account ami logs in with on the upstream
 * @param secret     that account's secret in clear text (the store keeps it encrypted)
 * @param events     the event classes ami asks the upstream for at login ({@link Authority#ALL}: all,
 *                   {@link Authority#NONE}: none)
 * @param enabled    whether ami connects to it at all
 * @param nameEvents whether ami adds an {@code Upstream: <name>} header to each of its events (off by
 *                   default, so that clients see exactly what the upstream sent)
 */
public record Upstream(String name, String host, int port, boolean tls, boolean tlsVerify, String tlsCaFile,
        String username, String secret, Authority events, boolean enabled, boolean nameEvents) {

    /** Asterisk's AMI port. */
    public static final int DEFAULT_PORT = 5038;

    /** The header that names the upstream, on its events (when asked) and on a request that picks one. */
    public static final String HEADER = "Upstream";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,80}");

    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(events, "events");
        tlsCaFile = tlsCaFile == null ? "" : tlsCaFile;
        secret = secret == null ? "" : secret;
        if (!isValidName(name)) {
            throw new IllegalArgumentException("an upstream name is 1 to 80 letters, digits, '.', '_' or '-': " + name);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("upstream " + name + ": port " + port + " is not 1-65535");
        }
        // they are written into the Login request: a line break would add lines of its own
        if (!Header.isSingleLine(host) || !Header.isSingleLine(username) || !Header.isSingleLine(secret)) {
            throw new IllegalArgumentException("upstream " + name + ": host, username and secret are one line each");
        }
    }

    /**
     * @param name a candidate name
     * @return whether it may name an upstream
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** @return {@code host:port}, brackets around an IPv6 address */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "Upstream[name=" + name + ", address=" + address() + ", tls=" + tls + ", username=" + username
                + ", secret=****, events=" + events.privilege() + ", enabled=" + enabled + "]";
    }
}
