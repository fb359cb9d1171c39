package dev.ami.persistence.manager;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@code [general]} section of manager.conf or http.conf as named, typed values: one member per
 * option, named as the file names it ({@code displayconnects}, {@code session_inactivity}), a
 * boolean, a whole number, a text or a list of texts (an option written on several lines). It is
 * what the REST API shows and takes, and what a field-level diff compares; {@link #lines} turns
 * values back into the file's lines, which the file's own reader then decides on.
 *
 * @param <S>     the settings record
 * @param file    manager.conf or http.conf
 * @param options the options, in the order the export writes them
 * @param view    the settings as values, every option present
 * @param reader  the settings a parsed file gives
 */
public record SettingsForm<S>(String file, List<Option> options, Function<S, Map<String, Object>> view,
        Reader<S> reader) {

    /** What a value of an option is. */
    public enum Kind {
        /** a boolean, written {@code yes}/{@code no} */
        BOOLEAN,
        /** a whole number */
        NUMBER,
        /** a text; empty means no line (the file's default applies) */
        TEXT,
        /** texts, one line each */
        LIST
    }

    /**
     * @param name      the option's name, as the export writes it
     * @param kind      its values
     * @param spellings every name the reader takes for it (aliases such as {@code sslenable}), its own first
     */
    public record Option(String name, Kind kind, List<String> spellings) {

        public Option {
            spellings = List.copyOf(spellings);
        }

        Option(String name, Kind kind, String... aliases) {
            this(name, kind, with(name, aliases));
        }

        private static List<String> with(String name, String... aliases) {
            List<String> all = new ArrayList<>();
            all.add(name);
            all.addAll(List.of(aliases));
            return all;
        }

        /** @return true if a line of this name sets this option */
        public boolean spelled(String lineName) {
            return spellings.stream().anyMatch(lineName::equalsIgnoreCase);
        }
    }

    /** The file's reader: settings from a parsed file, warnings added. */
    @FunctionalInterface
    public interface Reader<S> {
        S read(ConfigDocument doc, List<String> warnings) throws ConfigParseException;
    }

    public SettingsForm {
        options = List.copyOf(options);
    }

    private static final List<Option> TLS = List.of(new Option("tlsenable", Kind.BOOLEAN, "sslenable"),
            new Option("tlsbindaddr", Kind.TEXT, "sslbindaddr"), new Option("tlsbindport", Kind.NUMBER, "sslbindport"),
            new Option("tlscertfile", Kind.TEXT, "tlscert", "sslcert"),
            new Option("tlsprivatekey", Kind.TEXT, "sslprivatekey"), new Option("tlscipher", Kind.TEXT, "sslcipher"),
            new Option("tlsservercipherorder", Kind.TEXT), new Option("tlsdisablev1", Kind.TEXT),
            new Option("tlsdisablev11", Kind.TEXT), new Option("tlsdisablev12", Kind.TEXT));

    /** manager.conf's {@code [general]}. */
    public static final SettingsForm<GeneralSettings> GENERAL = new SettingsForm<>(ManagerConfReader.FILE,
            concat(List.of(new Option("enabled", Kind.BOOLEAN), new Option("port", Kind.NUMBER),
                    new Option("bindaddr", Kind.TEXT), new Option("displayconnects", Kind.BOOLEAN),
                    new Option("allowmultiplelogin", Kind.BOOLEAN), new Option("authtimeout", Kind.NUMBER),
                    new Option("authlimit", Kind.NUMBER), new Option("timestampevents", Kind.BOOLEAN),
                    new Option("brokeneventsaction", Kind.BOOLEAN), new Option("debug", Kind.BOOLEAN),
                    new Option("webenabled", Kind.BOOLEAN), new Option("httptimeout", Kind.NUMBER),
                    new Option("channelvars", Kind.TEXT), new Option("disabledevents", Kind.TEXT),
                    new Option(ManagerConfReader.LOCKOUT_FAILURES, Kind.NUMBER),
                    new Option(ManagerConfReader.LOCKOUT_SOURCE_FAILURES, Kind.NUMBER),
                    new Option(ManagerConfReader.LOCKOUT_ACCOUNT_FAILURES, Kind.NUMBER),
                    new Option(ManagerConfReader.LOGIN_BACKOFF_AFTER, Kind.NUMBER),
                    new Option(ManagerConfReader.LOCKOUT_MINUTES, Kind.NUMBER),
                    new Option(ManagerConfReader.AUTHLIMIT_PER_ADDRESS, Kind.NUMBER),
                    new Option(ManagerConfReader.AUTHLIMIT_PER_NETWORK, Kind.NUMBER)), TLS),
            SettingsForm::general, (doc, warnings) -> {
                ImportedConfiguration read = ManagerConfReader.read(doc);
                warnings.addAll(read.warnings());
                return read.general();
            });

    /** http.conf's {@code [general]} (its restriction sections are not part of it). */
    public static final SettingsForm<HttpSettings> HTTP = new SettingsForm<>(HttpConfReader.FILE,
            concat(List.of(new Option("enabled", Kind.BOOLEAN), new Option("bindaddr", Kind.TEXT),
                    new Option("bindport", Kind.NUMBER), new Option("prefix", Kind.TEXT),
                    new Option("servername", Kind.TEXT), new Option("sessionlimit", Kind.NUMBER),
                    new Option("session_inactivity", Kind.NUMBER), new Option("session_keep_alive", Kind.NUMBER),
                    new Option("enable_static", Kind.BOOLEAN, "enablestatic"), new Option("enable_status", Kind.BOOLEAN),
                    new Option("redirect", Kind.LIST)), TLS),
            SettingsForm::http, (doc, warnings) -> {
                HttpConfReader.Result read = HttpConfReader.read(doc);
                warnings.addAll(read.warnings());
                return read.settings();
            });

    private static List<Option> concat(List<Option> a, List<Option> b) {
        List<Option> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** @return the option of this name, or null */
    public Option option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    /** @return the values of settings read from a file with no {@code [general]} lines */
    public Map<String, Object> defaults() {
        try {
            return view.apply(reader.read(new ConfigDocument(file, List.of(), List.of()), new ArrayList<>()));
        } catch (ConfigParseException e) {
            throw new IllegalStateException("an empty " + file + " does not read: " + e.getMessage(), e);
        }
    }

    /**
     * @param option an option
     * @param value  its value, of its kind
     * @return the lines that give it that value: none for an empty text or list
     */
    public static List<String> lines(Option option, Object value) {
        return switch (option.kind()) {
            case BOOLEAN -> List.of((Boolean) value ? "yes" : "no");
            case NUMBER -> List.of(Integer.toString((Integer) value));
            case TEXT -> ((String) value).isEmpty() ? List.of() : List.of((String) value);
            case LIST -> ((List<?>) value).stream().map(String.class::cast).toList();
        };
    }

    /**
     * @param values  values of some options
     * @param section the section's name
     * @return a section of the file holding them, in the order given, entry {@code i} on line {@code i + 1}
     */
    public ConfigSection section(Map<String, Object> values, String section) {
        List<ConfigEntry> entries = new ArrayList<>();
        values.forEach((name, value) -> {
            for (String line : lines(Objects.requireNonNull(option(name), name), value)) {
                entries.add(new ConfigEntry(name, line, file, entries.size() + 1));
            }
        });
        return new ConfigSection(section, false, entries, 0);
    }

    private static Map<String, Object> general(GeneralSettings g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("enabled", g.enabled());
        v.put("port", g.port());
        v.put("bindaddr", g.bindAddress());
        v.put("displayconnects", g.displayConnects());
        v.put("allowmultiplelogin", g.allowMultipleLogin());
        v.put("authtimeout", g.authTimeoutSeconds());
        v.put("authlimit", g.authLimit());
        v.put("timestampevents", g.timestampEvents());
        v.put("brokeneventsaction", g.brokenEventsAction());
        v.put("debug", g.debug());
        v.put("webenabled", g.webEnabled());
        v.put("httptimeout", g.httpTimeoutSeconds());
        v.put("channelvars", String.join(",", g.channelVars()));
        v.put("disabledevents", String.join(",", g.disabledEvents()));
        LockoutPolicy lockout = g.lockout();
        v.put(ManagerConfReader.LOCKOUT_FAILURES, lockout.pairFailures());
        v.put(ManagerConfReader.LOCKOUT_SOURCE_FAILURES, lockout.sourceFailures());
        v.put(ManagerConfReader.LOCKOUT_ACCOUNT_FAILURES, lockout.accountFailures());
        v.put(ManagerConfReader.LOGIN_BACKOFF_AFTER, lockout.backoffAfter());
        v.put(ManagerConfReader.LOCKOUT_MINUTES, (int) lockout.lockout().toMinutes());
        v.put(ManagerConfReader.AUTHLIMIT_PER_ADDRESS, g.admission().perAddress());
        v.put(ManagerConfReader.AUTHLIMIT_PER_NETWORK, g.admission().perNetwork());
        tls(v, g.tls());
        return v;
    }

    private static Map<String, Object> http(HttpSettings h) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("enabled", h.enabled());
        v.put("bindaddr", h.bindAddress());
        v.put("bindport", h.bindPort());
        v.put("prefix", h.prefix());
        v.put("servername", h.serverName());
        v.put("sessionlimit", h.sessionLimit());
        v.put("session_inactivity", h.sessionInactivityMillis());
        v.put("session_keep_alive", h.sessionKeepAliveMillis());
        v.put("enable_static", h.enableStatic());
        v.put("enable_status", h.enableStatus());
        v.put("redirect", h.redirects());
        tls(v, h.tls());
        return v;
    }

    private static void tls(Map<String, Object> v, TlsSettings t) {
        v.put("tlsenable", t.enabled());
        v.put("tlsbindaddr", t.bindAddress());
        v.put("tlsbindport", t.port());
        v.put("tlscertfile", t.certFile());
        v.put("tlsprivatekey", t.privateKey());
        v.put("tlscipher", t.cipher());
        for (String flag : ConfOptions.TLS_FLAGS) {
            // the library flags are stored as written (flag=value) and not interpreted
            v.put(flag, t.options().stream().filter(o -> o.startsWith(flag + "=")).map(o -> o.substring(flag.length() + 1))
                    .reduce((a, b) -> b).orElse(""));
        }
    }
}
