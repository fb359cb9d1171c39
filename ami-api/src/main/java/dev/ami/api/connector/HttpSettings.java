package dev.ami.api.connector;

import java.util.List;
import java.util.Objects;

/**
 * The {@code [general]} settings of http.conf: Asterisk's HTTP server, which carries AMI over HTTP
 * ({@code /manager}, {@code /rawman}, {@code /mxml}) when manager.conf has {@code webenabled}.
 *
 * @param enabled                 {@code enabled}
 * @param bindAddress             {@code bindaddr}; empty: none (Asterisk then starts no HTTP server)
 * @param bindPort                {@code bindport} (8088)
 * @param prefix                  {@code prefix}, as written (Asterisk serves under {@code /<prefix>})
 * @param serverName              {@code servername}; empty removes the Server header
 * @param sessionLimit            {@code sessionlimit} (100)
 * @param sessionInactivityMillis {@code session_inactivity} (30000)
 * @param sessionKeepAliveMillis  {@code session_keep_alive} (15000; 0 disables keep-alive)
 * @param enableStatic            {@code enable_static}
 * @param enableStatus            {@code enable_status}
 * @param redirects               {@code redirect} lines ({@code from to}), in order
 * @param tls                     the HTTPS listener (default port 8089)
 * @param restrictions            the {@code type = restriction} sections, in order; a request any of
 *                                them denies gets 403
 */
public record HttpSettings(boolean enabled, String bindAddress, int bindPort, String prefix, String serverName,
        int sessionLimit, int sessionInactivityMillis, int sessionKeepAliveMillis, boolean enableStatic,
        boolean enableStatus, List<String> redirects, TlsSettings tls, List<UriRestriction> restrictions) {

    /** Asterisk's HTTP port. */
    public static final int DEFAULT_PORT = 8088;
    /** Asterisk's HTTPS port. */
    public static final int DEFAULT_TLS_PORT = 8089;
    /** The Server header Asterisk 22.10.1 sends by default. */
    public static final String DEFAULT_SERVER_NAME = "Asterisk/22.10.1";

    /** Asterisk's defaults for an http.conf without these lines (or without the file). */
    public static final HttpSettings DEFAULTS = new HttpSettings(false, "", DEFAULT_PORT, "", DEFAULT_SERVER_NAME,
            100, 30000, 15000, false, false, List.of(),
            new TlsSettings(false, "", DEFAULT_TLS_PORT, "asterisk.pem", "", ""), List.of());

    public HttpSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(tls, "tls");
        redirects = List.copyOf(redirects);
        restrictions = List.copyOf(restrictions);
    }
}
