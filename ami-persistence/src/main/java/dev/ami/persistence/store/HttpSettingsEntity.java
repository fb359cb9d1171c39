package dev.ami.persistence.store;

import dev.ami.api.connector.HttpSettings;
import dev.ami.persistence.manager.StoredLengths;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** The stored {@code [general]} section of http.conf, a single row, with its restriction sections. */
@Entity
@Table(name = "http_settings")
public class HttpSettingsEntity {

    /** The id of the only row. */
    public static final int SINGLETON_ID = 1;

    @Id
    private int id = SINGLETON_ID;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "bind_address", nullable = false)
    private String bindAddress;

    @Column(name = "bind_port", nullable = false)
    private int bindPort;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "server_name", nullable = false)
    private String serverName;

    @Column(name = "session_limit", nullable = false)
    private int sessionLimit;

    @Column(name = "session_inactivity", nullable = false)
    private int sessionInactivity;

    @Column(name = "session_keep_alive", nullable = false)
    private int sessionKeepAlive;

    @Column(name = "enable_static", nullable = false)
    private boolean enableStatic;

    @Column(name = "enable_status", nullable = false)
    private boolean enableStatus;

    /** redirect lines, one per line. */
    @Column(nullable = false, length = StoredLengths.LIST)
    private String redirects;

    @Embedded
    private TlsColumns tls;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "http_restriction", joinColumns = @JoinColumn(name = "settings_id"))
    @OrderColumn(name = "position")
    private List<UriRestrictionEmbeddable> restrictions = new ArrayList<>();

    protected HttpSettingsEntity() {
    }

    public HttpSettingsEntity(HttpSettings settings) {
        update(settings);
    }

    /** Copies every value from the settings. */
    public final void update(HttpSettings h) {
        enabled = h.enabled();
        bindAddress = h.bindAddress();
        bindPort = h.bindPort();
        prefix = h.prefix();
        serverName = h.serverName();
        sessionLimit = h.sessionLimit();
        sessionInactivity = h.sessionInactivityMillis();
        sessionKeepAlive = h.sessionKeepAliveMillis();
        enableStatic = h.enableStatic();
        enableStatus = h.enableStatus();
        redirects = String.join("\n", h.redirects());
        tls = new TlsColumns(h.tls());
        restrictions.clear();
        h.restrictions().forEach(r -> restrictions.add(new UriRestrictionEmbeddable(r)));
    }

    public HttpSettings toSettings() {
        return new HttpSettings(enabled, bindAddress, bindPort, prefix, serverName, sessionLimit, sessionInactivity,
                sessionKeepAlive, enableStatic, enableStatus, redirects.isEmpty() ? List.of() : List.of(redirects.split("\n")),
                tls.toSettings(), restrictions.stream().map(UriRestrictionEmbeddable::toRestriction).toList());
    }
}
