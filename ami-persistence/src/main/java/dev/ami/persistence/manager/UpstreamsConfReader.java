package dev.ami.persistence.manager;

import dev.ami.api.AsteriskBoolean;
import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Upstream;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads upstreams.conf, ami's own file (Asterisk's config syntax): one section per upstream AMI
 * server, named as accounts and requests name it (templates are inherited, never upstreams; a second
 * section of the same name, in any case, continues the first, as the parser merges them). Unknown
 * keys are warned about, as in manager.conf; a missing required key or a bad value is refused with
 * its file and line, since the file is ami's own and a typo must not connect somewhere unintended.
 */
public final class UpstreamsConfReader {

    public static final String FILE = "upstreams.conf";

    static final String HOST = "host";
    static final String PORT = "port";
    static final String TLS = "tls";
    static final String TLS_VERIFY = "tlsverify";
    static final String TLS_CA_FILE = "tlscafile";
    static final String USERNAME = "username";
    static final String SECRET = "secret";
    static final String EVENTS = "events";
    static final String ENABLED = "enabled";
    static final String NAME_EVENTS = "nameevents";

    private static final Set<String> KNOWN = Set.of(HOST, PORT, TLS, TLS_VERIFY, TLS_CA_FILE, USERNAME, SECRET, EVENTS,
            ENABLED, NAME_EVENTS);

    /**
     * The upstreams a file describes, with the warnings of its reading.
     *
     * @param upstreams every upstream, in file order, secrets in clear
     * @param warnings  lines accepted with a warning
     */
    public record Result(List<Upstream> upstreams, List<String> warnings) {

        public Result {
            upstreams = List.copyOf(upstreams);
            warnings = List.copyOf(warnings);
        }
    }

    private UpstreamsConfReader() {
    }

    /**
     * @param text the text of upstreams.conf, without includes
     * @return the upstreams it describes
     * @throws ConfigParseException naming the file and line of the first error
     */
    public static Result read(String text) throws ConfigParseException {
        return read(AsteriskConfigParser.parse(FILE, text, AsteriskConfigParser.NO_INCLUDES));
    }

    /**
     * @param doc upstreams.conf, parsed
     * @return the upstreams it describes
     * @throws ConfigParseException naming the file and line of the first error
     */
    public static Result read(ConfigDocument doc) throws ConfigParseException {
        List<String> warnings = new ArrayList<>(doc.warnings());
        List<Upstream> upstreams = new ArrayList<>();
        for (ConfigSection s : doc.sections()) {
            if (s.template()) {
                continue;
            }
            // the file of the section's header: where its first line is (an include's name), else the main file's
            String file = s.entries().isEmpty() ? doc.file() : s.entries().get(0).file();
            if (!Upstream.isValidName(s.name())) {
                throw new ConfigParseException(file, s.line(),
                        "the section " + s.shownName() + " does not name an upstream: a name is 1 to 80 letters,"
                        + " digits, '.', '_' or '-'");
            }
            upstreams.add(upstream(s, file, warnings));
        }
        return new Result(upstreams, warnings);
    }

    private static Upstream upstream(ConfigSection s, String file, List<String> warnings) throws ConfigParseException {
        for (ConfigEntry e : s.entries()) {
            if (!KNOWN.contains(e.name().toLowerCase(Locale.ROOT))) {
                warnings.add(e.where() + ": option " + e.shownName() + " in " + s.shownName()
                        + " is not an upstream option and was not imported");
            }
        }
        String host = text(s, HOST, file, StoredLengths.NAME);
        String username = text(s, USERNAME, file, StoredLengths.NAME);
        ConfigEntry secretEntry = required(s, SECRET, file);
        int bytes = secretEntry.value().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > StoredLengths.SECRET_BYTES) {
            throw refused(secretEntry, s, "it is " + bytes + " bytes long; a secret is stored with at most "
                    + StoredLengths.SECRET_BYTES);
        }
        ConfigEntry caFile = s.last(TLS_CA_FILE).orElse(null);
        if (caFile != null && caFile.value().length() > StoredLengths.VALUE) {
            throw refused(caFile, s, "it is " + caFile.value().length() + " characters long; at most "
                    + StoredLengths.VALUE + " are stored");
        }
        return new Upstream(s.name(), host, port(s), bool(s, TLS, false), bool(s, TLS_VERIFY, true),
                caFile == null ? "" : caFile.value(), username, secretEntry.value(), events(s), bool(s, ENABLED, true),
                bool(s, NAME_EVENTS, false));
    }

    /** A key without which the upstream cannot connect: missing, the section's header is named; empty, its line. */
    private static ConfigEntry required(ConfigSection s, String option, String file) throws ConfigParseException {
        ConfigEntry e = s.last(option).orElse(null);
        if (e == null || e.value().isEmpty()) {
            throw new ConfigParseException(e == null ? file : e.file(), e == null ? s.line() : e.line(),
                    "the upstream " + s.shownName() + " has no " + option + " (required)");
        }
        return e;
    }

    private static String text(ConfigSection s, String option, String file, int max) throws ConfigParseException {
        ConfigEntry e = required(s, option, file);
        if (e.value().length() > max) {
            throw refused(e, s, "it is " + e.value().length() + " characters long; at most " + max + " are stored");
        }
        return e.value();
    }

    private static int port(ConfigSection s) throws ConfigParseException {
        ConfigEntry e = s.last(PORT).orElse(null);
        if (e == null) {
            return Upstream.DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(e.value());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw refused(e, s, "a port is a number from 1 to 65535");
    }

    private static boolean bool(ConfigSection s, String option, boolean dflt) throws ConfigParseException {
        ConfigEntry e = s.last(option).orElse(null);
        if (e == null) {
            return dflt;
        }
        if (AsteriskBoolean.isTrue(e.value())) {
            return true;
        }
        if (AsteriskBoolean.isFalse(e.value())) {
            return false;
        }
        throw refused(e, s, "it is yes or no");
    }

    private static Authority events(ConfigSection s) throws ConfigParseException {
        ConfigEntry e = s.last(EVENTS).orElse(null);
        if (e == null) {
            return Authority.ALL;
        }
        Authority events = events(e.value());
        if (events == null) {
            throw refused(e, s, "it is a comma list of event classes (system, call, ..., all), or none");
        }
        return events;
    }

    /**
     * @param value an {@code events} value: like {@code read=}, but only whole class names (none of
     *              Asterisk's quirks); {@code none} or {@code off} for no class
     * @return the classes, or null if the value is not such a list
     */
    public static Authority events(String value) {
        String list = value.strip();
        if (list.equalsIgnoreCase("none") || list.equalsIgnoreCase("off")) {
            return Authority.NONE;
        }
        int bits = 0;
        for (String token : list.split(",", -1)) {
            AuthorityClass found = null;
            for (AuthorityClass c : AuthorityClass.values()) {
                if (c.label().equals(token.strip())) {
                    found = c;
                }
            }
            if (found == null) {
                return null;
            }
            bits |= found.bits();
        }
        return new Authority(bits);
    }

    private static ConfigParseException refused(ConfigEntry e, ConfigSection s, String why) {
        // the option's name only: the value may be a secret
        return new ConfigParseException(e.file(), e.line(), ConfOptions.optionName(e) + " in " + s.shownName() + ": " + why);
    }
}
