package dev.ami.persistence.manager;

import dev.ami.api.AsteriskBoolean;
import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.UriRestriction;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads http.conf as Asterisk 22 does: the {@code [general]} options of main/http.c,
 * __ast_http_load (and the TLS options of main/tcptls.c, ast_tls_read_conf), and its
 * {@code type = restriction} sections, whose permit/deny lines are read as manager.conf's. Other
 * sections and options this version does not act on are reported as warnings.
 */
public final class HttpConfReader {

    public static final String FILE = "http.conf";

    private static final Set<String> KNOWN = Set.of("enabled", "bindaddr", "bindport", "prefix", "servername",
            "sessionlimit", "session_inactivity", "session_keep_alive", "enable_static", "enablestatic",
            "enable_status", "redirect", "tlsenable", "sslenable", "tlsbindaddr", "sslbindaddr", "tlsbindport",
            "sslbindport", "tlsservercipherorder", "tlsdisablev1", "tlsdisablev11", "tlsdisablev12", "tlscertfile",
            "tlscert", "sslcert", "tlsprivatekey", "sslprivatekey", "tlscipher", "sslcipher");

    private static final Set<String> RESTRICTION_KNOWN = Set.of("type", "permit", "deny", "acl");

    private HttpConfReader() {
    }

    /**
     * @param text     the text of http.conf
     * @param includes resolves its {@code #include} lines
     * @return the settings and the warnings
     * @throws ConfigParseException naming the file and line of the first error
     */
    public static Result read(String text, AsteriskConfigParser.IncludeResolver includes) throws ConfigParseException {
        return read(AsteriskConfigParser.parse(FILE, text, includes));
    }

    /**
     * @param doc http.conf, parsed
     * @return the settings and the warnings
     * @throws ConfigParseException naming the file and line of the first error
     */
    public static Result read(ConfigDocument doc) throws ConfigParseException {
        StoredLengths.check(doc, FILE, false);
        List<String> warnings = new ArrayList<>(doc.warnings());
        List<UriRestriction> restrictions = new ArrayList<>();
        for (ConfigSection s : doc.sections()) {
            if (s.name().equalsIgnoreCase("general")) {
                continue;
            }
            if (s.last("type").filter(e -> e.value().strip().equalsIgnoreCase("restriction")).isPresent()) {
                restrictions.add(restriction(s, warnings));
            } else {
                warnings.add(FILE + ":" + s.line() + ": section " + s.shownName()
                        + " (not type = restriction) is not supported by this version and was not imported");
            }
        }
        ConfigSection g = doc.section("general").orElse(null);
        HttpSettings h = g == null ? HttpSettings.DEFAULTS : general(g, warnings);
        return new Result(new HttpSettings(h.enabled(), h.bindAddress(), h.bindPort(), h.prefix(), h.serverName(),
                h.sessionLimit(), h.sessionInactivityMillis(), h.sessionKeepAliveMillis(), h.enableStatic(),
                h.enableStatus(), h.redirects(), h.tls(), restrictions), warnings);
    }

    /** A {@code [<prefix>]} section with {@code type = restriction}: its permit/deny lines, in order. */
    private static UriRestriction restriction(ConfigSection s, List<String> warnings) throws ConfigParseException {
        if (s.name().length() > StoredLengths.NAME) {
            throw new ConfigParseException(s.entries().get(0).file(), s.line(), "the section name is " + s.name().length()
                    + " characters long; a restriction's URI prefix is stored with at most " + StoredLengths.NAME);
        }
        for (ConfigEntry e : s.entries()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (name.equals("acl")) {
                warnings.add(e.where() + ": acl in " + s.shownName() + " is not applied:"
                        + " this version has no named ACLs (acl.conf); use permit/deny");
            } else if (!RESTRICTION_KNOWN.contains(name)) {
                warnings.add(e.where() + ": option " + e.shownName() + " in " + s.shownName()
                        + " is not supported by this version and was not imported");
            }
        }
        List<AclRule> rules = new ArrayList<>();
        for (AclLine line : ManagerConfReader.acl(s)) {
            rules.addAll(AclRule.parse(line.permit(), line.value()));
        }
        return new UriRestriction(s.name(), new AccessList(rules));
    }

    private static HttpSettings general(ConfigSection s, List<String> warnings) throws ConfigParseException {
        HttpSettings d = HttpSettings.DEFAULTS;
        for (ConfigEntry e : s.entries()) {
            if (!KNOWN.contains(e.name().toLowerCase(Locale.ROOT))) {
                warnings.add(e.where() + ": option " + e.shownName() + " in [general] is not supported by this version"
                        + " and was not imported");
            }
        }
        ConfOptions.warnTlsFlags(s, warnings);
        refusedFeature(s, warnings, "this server serves no static files (Asterisk's static-http folder);"
                + " /static answers 404", "enable_static", "enablestatic");
        refusedFeature(s, warnings, "this server has no /httpstatus page (Asterisk's is off by default since its"
                + " 2026 advisory); /httpstatus answers 404", "enable_status");
        String bindaddr = s.last("bindaddr").map(e -> ConfOptions.withoutPort(e.value())).orElse(d.bindAddress());
        ConfigEntry portEntry = s.last("bindport").orElse(null);
        int port = portEntry == null ? d.bindPort() : ConfOptions.port(portEntry, 1);
        List<String> redirects = new ArrayList<>();
        for (ConfigEntry e : s.entries()) {
            if (e.name().equalsIgnoreCase("redirect")) {
                if (e.value().strip().split("\\s+").length != 2) {
                    throw new ConfigParseException(e.file(), e.line(),
                            "redirect must be two URIs, from and to, separated by blanks");
                }
                redirects.add(e.value().strip());
            }
        }
        return new HttpSettings(
                ConfOptions.bool(s, "enabled", d.enabled()),
                bindaddr,
                port,
                s.last("prefix").map(ConfigEntry::value).orElse(d.prefix()),
                s.last("servername").map(ConfigEntry::value).orElse(d.serverName()),
                ConfOptions.atLeast(s, "sessionlimit", 1, d.sessionLimit(), warnings),
                ConfOptions.atLeast(s, "session_inactivity", 1, d.sessionInactivityMillis(), warnings),
                ConfOptions.atLeast(s, "session_keep_alive", 0, d.sessionKeepAliveMillis(), warnings),
                ConfOptions.lastOf(s, "enable_static", "enablestatic") == null ? d.enableStatic()
                        : AsteriskBoolean.isTrue(ConfOptions.lastOf(s, "enable_static", "enablestatic").value()),
                ConfOptions.bool(s, "enable_status", d.enableStatus()),
                redirects,
                ConfOptions.tls(s, bindaddr, HttpSettings.DEFAULT_TLS_PORT, -1, d.tls()),
                List.of());
    }

    /**
     * A yes for a page this server does not serve is refused by name: kept in the store and the
     * export, so that the file goes back to Asterisk as it was, but not acted on, and said so.
     */
    private static void refusedFeature(ConfigSection s, List<String> warnings, String reason, String... names) {
        ConfigEntry e = ConfOptions.lastOf(s, names);
        if (e != null && AsteriskBoolean.isTrue(e.value())) {
            warnings.add(e.where() + ": " + e.shownName() + " = yes is refused: " + reason);
        }
    }

    /**
     * @param settings the [general] settings and the restriction sections
     * @param warnings lines accepted with a warning
     */
    public record Result(HttpSettings settings, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }
}
