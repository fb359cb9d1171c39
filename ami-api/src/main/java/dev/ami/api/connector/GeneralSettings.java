package dev.ami.api.connector;

import dev.ami.api.login.LockoutPolicy;
import java.util.List;
import java.util.Objects;

/**
 * The {@code [general]} settings of manager.conf that the connector acts on. Build them by name with
 * {@link #builder()} (Asterisk's defaults) or {@link #toBuilder()}.
 *
 * @param enabled            master switch: when false no listener is bound
 * @param bindAddress        the address the TCP listener binds ({@code ::} in Asterisk by default)
 * @param port               the TCP port (5038 by default)
 * @param displayConnects    whether logins and logoffs are logged
 * @param allowMultipleLogin default for accounts: may one account hold several sessions at once
 * @param authTimeoutSeconds seconds an unauthenticated connection may stay (30 by default)
 * @param authLimit          concurrent unauthenticated connections allowed (50 by default)
 * @param timestampEvents    whether events carry a {@code Timestamp:} header after {@code Privilege:}
 * @param brokenEventsAction Asterisk's old Events action: no answer for an "all" or empty mask
 * @param debug              events carry SequenceNumber, File, Line and Func; requests are logged
 * @param tls                the TLS listener
 * @param channelVars        {@code channelvars}: channel variables appended to channel events as
 *                           {@code ChanVariable:} headers, in order
 * @param disabledEvents     {@code disabledevents}: event names (exact case) no session receives
 * @param webEnabled         {@code webenabled}: AMI over HTTP (also needs http.conf)
 * @param httpTimeoutSeconds {@code httptimeout}: life of an idle HTTP session (60 by default)
 * @param lockout            ami's own: how failed logins are slowed and locked out
 * @param admission          ami's own: connections one address or network may hold before login
 */
public record GeneralSettings(boolean enabled, String bindAddress, int port, boolean displayConnects,
        boolean allowMultipleLogin, int authTimeoutSeconds, int authLimit, boolean timestampEvents,
        boolean brokenEventsAction, boolean debug, TlsSettings tls, List<String> channelVars,
        List<String> disabledEvents, boolean webEnabled, int httpTimeoutSeconds, LockoutPolicy lockout,
        AdmissionPolicy admission) {

    /** Asterisk's httptimeout default. */
    public static final int DEFAULT_HTTP_TIMEOUT = 60;

    /** Asterisk's defaults for a manager.conf without these lines. */
    public static final GeneralSettings DEFAULTS = new GeneralSettings(false, "::", 5038, true, true, 30, 50, false,
            false, false, TlsSettings.DISABLED, List.of(), List.of(), false, DEFAULT_HTTP_TIMEOUT, LockoutPolicy.DEFAULTS,
            AdmissionPolicy.DEFAULTS);

    public GeneralSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(admission, "admission");
        channelVars = List.copyOf(channelVars);
        disabledEvents = List.copyOf(disabledEvents);
    }

    /** @return a builder starting from Asterisk's defaults */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link GeneralSettings} by name, for what differs from a starting point. */
    public static final class Builder {

        private boolean enabled;
        private String bindAddress;
        private int port;
        private boolean displayConnects;
        private boolean allowMultipleLogin;
        private int authTimeoutSeconds;
        private int authLimit;
        private boolean timestampEvents;
        private boolean brokenEventsAction;
        private boolean debug;
        private TlsSettings tls;
        private List<String> channelVars;
        private List<String> disabledEvents;
        private boolean webEnabled;
        private int httpTimeoutSeconds;
        private LockoutPolicy lockout;
        private AdmissionPolicy admission;

        private Builder(GeneralSettings from) {
            enabled = from.enabled;
            bindAddress = from.bindAddress;
            port = from.port;
            displayConnects = from.displayConnects;
            allowMultipleLogin = from.allowMultipleLogin;
            authTimeoutSeconds = from.authTimeoutSeconds;
            authLimit = from.authLimit;
            timestampEvents = from.timestampEvents;
            brokenEventsAction = from.brokenEventsAction;
            debug = from.debug;
            tls = from.tls;
            channelVars = from.channelVars;
            disabledEvents = from.disabledEvents;
            webEnabled = from.webEnabled;
            httpTimeoutSeconds = from.httpTimeoutSeconds;
            lockout = from.lockout;
            admission = from.admission;
        }

        /** @param value {@code enabled} @return this builder */
        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        /** @param value {@code bindaddr} @return this builder */
        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        /** @param value {@code port} @return this builder */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** @param value {@code displayconnects} @return this builder */
        public Builder displayConnects(boolean value) {
            displayConnects = value;
            return this;
        }

        /** @param value {@code allowmultiplelogin} @return this builder */
        public Builder allowMultipleLogin(boolean value) {
            allowMultipleLogin = value;
            return this;
        }

        /** @param value {@code authtimeout} in seconds @return this builder */
        public Builder authTimeoutSeconds(int value) {
            authTimeoutSeconds = value;
            return this;
        }

        /** @param value {@code authlimit} @return this builder */
        public Builder authLimit(int value) {
            authLimit = value;
            return this;
        }

        /** @param value {@code timestampevents} @return this builder */
        public Builder timestampEvents(boolean value) {
            timestampEvents = value;
            return this;
        }

        /** @param value {@code brokeneventsaction} @return this builder */
        public Builder brokenEventsAction(boolean value) {
            brokenEventsAction = value;
            return this;
        }

        /** @param value {@code debug} @return this builder */
        public Builder debug(boolean value) {
            debug = value;
            return this;
        }

        /** @param value the TLS listener @return this builder */
        public Builder tls(TlsSettings value) {
            tls = value;
            return this;
        }

        /** @param value {@code channelvars} @return this builder */
        public Builder channelVars(List<String> value) {
            channelVars = value;
            return this;
        }

        /** @param value {@code disabledevents} @return this builder */
        public Builder disabledEvents(List<String> value) {
            disabledEvents = value;
            return this;
        }

        /** @param value {@code webenabled} @return this builder */
        public Builder webEnabled(boolean value) {
            webEnabled = value;
            return this;
        }

        /** @param value {@code httptimeout} in seconds @return this builder */
        public Builder httpTimeoutSeconds(int value) {
            httpTimeoutSeconds = value;
            return this;
        }

        /** @param value how failed logins are slowed and locked out @return this builder */
        public Builder lockout(LockoutPolicy value) {
            lockout = value;
            return this;
        }

        /** @param value connections one address or network may hold before login @return this builder */
        public Builder admission(AdmissionPolicy value) {
            admission = value;
            return this;
        }

        /** @return the settings */
        public GeneralSettings build() {
            return new GeneralSettings(enabled, bindAddress, port, displayConnects, allowMultipleLogin,
                    authTimeoutSeconds, authLimit, timestampEvents, brokenEventsAction, debug, tls, channelVars,
                    disabledEvents, webEnabled, httpTimeoutSeconds, lockout, admission);
        }
    }
}
