package dev.ami.persistence.store;

import dev.ami.api.connector.AdmissionPolicy;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.persistence.manager.StoredLengths;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

/** The stored {@code [general]} section of manager.conf: a single row. */
@Entity
@Table(name = "general_settings")
public class GeneralSettingsEntity {

    /** The id of the only row. */
    public static final int SINGLETON_ID = 1;

    @Id
    private int id = SINGLETON_ID;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "bind_address", nullable = false)
    private String bindAddress;

    @Column(nullable = false)
    private int port;

    @Column(name = "display_connects", nullable = false)
    private boolean displayConnects;

    @Column(name = "allow_multiple_login", nullable = false)
    private boolean allowMultipleLogin;

    @Column(name = "auth_timeout", nullable = false)
    private int authTimeout;

    @Column(name = "auth_limit", nullable = false)
    private int authLimit;

    @Column(name = "timestamp_events", nullable = false)
    private boolean timestampEvents;

    @Column(name = "broken_events_action", nullable = false)
    private boolean brokenEventsAction;

    @Column(nullable = false)
    private boolean debug;

    @Embedded
    private TlsColumns tls;

    @Column(name = "web_enabled", nullable = false)
    private boolean webEnabled;

    @Column(name = "http_timeout", nullable = false)
    private int httpTimeout;

    /** channelvars, one name per line (names may be dialplan functions with commas inside). */
    @Column(name = "channel_vars", nullable = false, length = StoredLengths.LIST)
    private String channelVars;

    @Column(name = "disabled_events", nullable = false, length = StoredLengths.LIST)
    private String disabledEvents;

    @Column(name = "lockout_failures", nullable = false)
    private int lockoutFailures;

    @Column(name = "lockout_source_failures", nullable = false)
    private int lockoutSourceFailures;

    @Column(name = "lockout_account_failures", nullable = false)
    private int lockoutAccountFailures;

    @Column(name = "login_backoff_after", nullable = false)
    private int loginBackoffAfter;

    @Column(name = "lockout_minutes", nullable = false)
    private int lockoutMinutes;

    @Column(name = "authlimit_per_address", nullable = false)
    private int authLimitPerAddress;

    @Column(name = "authlimit_per_network", nullable = false)
    private int authLimitPerNetwork;

    protected GeneralSettingsEntity() {
    }

    public GeneralSettingsEntity(GeneralSettings settings) {
        update(settings);
    }

    /** Copies every value from the settings. */
    public final void update(GeneralSettings s) {
        enabled = s.enabled();
        bindAddress = s.bindAddress();
        port = s.port();
        displayConnects = s.displayConnects();
        allowMultipleLogin = s.allowMultipleLogin();
        authTimeout = s.authTimeoutSeconds();
        authLimit = s.authLimit();
        timestampEvents = s.timestampEvents();
        brokenEventsAction = s.brokenEventsAction();
        debug = s.debug();
        tls = new TlsColumns(s.tls());
        webEnabled = s.webEnabled();
        httpTimeout = s.httpTimeoutSeconds();
        channelVars = String.join("\n", s.channelVars());
        disabledEvents = String.join("\n", s.disabledEvents());
        LockoutPolicy l = s.lockout();
        lockoutFailures = l.pairFailures();
        lockoutSourceFailures = l.sourceFailures();
        lockoutAccountFailures = l.accountFailures();
        loginBackoffAfter = l.backoffAfter();
        lockoutMinutes = (int) l.lockout().toMinutes();
        authLimitPerAddress = s.admission().perAddress();
        authLimitPerNetwork = s.admission().perNetwork();
    }

    public GeneralSettings toSettings() {
        return GeneralSettings.builder().enabled(enabled).bindAddress(bindAddress).port(port)
                .displayConnects(displayConnects).allowMultipleLogin(allowMultipleLogin)
                .authTimeoutSeconds(authTimeout).authLimit(authLimit).timestampEvents(timestampEvents)
                .brokenEventsAction(brokenEventsAction).debug(debug).tls(tls.toSettings())
                .channelVars(lines(channelVars)).disabledEvents(lines(disabledEvents))
                .webEnabled(webEnabled).httpTimeoutSeconds(httpTimeout)
                .lockout(new LockoutPolicy(lockoutFailures, lockoutSourceFailures, lockoutAccountFailures,
                        loginBackoffAfter, Duration.ofMinutes(lockoutMinutes)))
                .admission(new AdmissionPolicy(authLimitPerAddress, authLimitPerNetwork))
                .build();
    }

    private static java.util.List<String> lines(String stored) {
        return stored.isEmpty() ? java.util.List.of() : java.util.List.of(stored.split("\n"));
    }
}
