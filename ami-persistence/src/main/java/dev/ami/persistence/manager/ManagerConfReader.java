package dev.ami.persistence.manager;

import dev.ami.api.AsteriskBoolean;
import dev.ami.api.acl.AclRule;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.AdmissionPolicy;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.api.connector.Upstream;
import dev.ami.api.filter.EventFilterException;
import dev.ami.api.filter.EventFilters;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import dev.ami.persistence.conf.ConfigText;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Interprets manager.conf as Asterisk does: {@code [general]} holds the listener settings, every
 * other section that is not a template is an account named after the section.
 *
 * <p>Options this version does not act on yet are reported as warnings, never silently dropped.
 */
public final class ManagerConfReader {

    public static final String FILE = "manager.conf";

    /** ami's own [general] options for the login lockout (LockoutPolicy); Asterisk logs them as invalid keywords. */
    public static final String LOCKOUT_FAILURES = "ami_lockout_failures";
    public static final String LOCKOUT_SOURCE_FAILURES = "ami_lockout_source_failures";
    public static final String LOCKOUT_ACCOUNT_FAILURES = "ami_lockout_account_failures";
    public static final String LOGIN_BACKOFF_AFTER = "ami_login_backoff_after";
    public static final String LOCKOUT_MINUTES = "ami_lockout_minutes";

    /** ami's own [general] options for connections before login (AdmissionPolicy). */
    public static final String AUTHLIMIT_PER_ADDRESS = "ami_authlimit_per_address";
    public static final String AUTHLIMIT_PER_NETWORK = "ami_authlimit_per_network";

    /** ami's own account option: the upstream (upstreams.conf) its requests go to when they name none. */
    public static final String UPSTREAM = "upstream";

    /** ami's own account option: the upstreams (a comma list) its sessions may use; absent or empty for every one. */
    public static final String UPSTREAMS = "upstreams";

    /** The largest count or number of minutes a lockout option takes. */
    static final int LOCKOUT_MAX = 1_000_000;

    private static final Set<String> GENERAL_KNOWN = Set.of("enabled", "bindaddr", "port", "displayconnects",
            "allowmultiplelogin", "authtimeout", "authlimit", "timestampevents", "brokeneventsaction", "debug",
            "tlsenable", "sslenable", "tlsbindaddr", "sslbindaddr", "tlsbindport", "sslbindport", "tlsservercipherorder",
            "tlsdisablev1", "tlsdisablev11", "tlsdisablev12",
            "tlscertfile", "tlscert", "sslcert", "tlsprivatekey", "sslprivatekey", "tlscipher", "sslcipher",
            "webenabled", "httptimeout", "channelvars", "disabledevents", LOCKOUT_FAILURES, LOCKOUT_SOURCE_FAILURES,
            LOCKOUT_ACCOUNT_FAILURES, LOGIN_BACKOFF_AFTER, LOCKOUT_MINUTES, AUTHLIMIT_PER_ADDRESS, AUTHLIMIT_PER_NETWORK);
    private static final Set<String> ACCOUNT_KNOWN = Set.of("secret", "read", "write", "permit", "deny",
            "allowmultiplelogin", "displayconnects", "writetimeout", "setvar", "acl", UPSTREAM, UPSTREAMS);

    private ManagerConfReader() {
    }

    /**
     * @param text the text of manager.conf
     * @return the configuration it describes
     * @throws ConfigParseException naming the line of the first error
     */
    public static ImportedConfiguration read(String text) throws ConfigParseException {
        return read(text, AsteriskConfigParser.NO_INCLUDES);
    }

    /**
     * @param text     the text of manager.conf
     * @param includes resolves its {@code #include} lines (relative to the configuration folder)
     * @return the configuration it describes
     * @throws ConfigParseException naming the file and line of the first error
     */
    public static ImportedConfiguration read(String text, AsteriskConfigParser.IncludeResolver includes)
            throws ConfigParseException {
        return read(AsteriskConfigParser.parse(FILE, text, includes));
    }

    /**
     * @param doc manager.conf, parsed
     * @return the configuration it describes
     * @throws ConfigParseException naming the file and line of the first error
     */
    public static ImportedConfiguration read(ConfigDocument doc) throws ConfigParseException {
        StoredLengths.check(doc, FILE, true);
        List<String> warnings = new ArrayList<>(doc.warnings());
        GeneralSettings general = doc.section("general").isPresent()
                ? general(doc.section("general").get(), warnings)
                : GeneralSettings.DEFAULTS;
        List<AccountDefinition> accounts = new ArrayList<>();
        for (ConfigSection section : doc.sections()) {
            if (!section.template() && !section.name().equalsIgnoreCase("general")) {
                accounts.add(account(section, general, warnings));
            }
        }
        return new ImportedConfiguration(general, accounts, warnings);
    }

    private static GeneralSettings general(ConfigSection s, List<String> warnings) throws ConfigParseException {
        GeneralSettings d = GeneralSettings.DEFAULTS;
        int port = d.port();
        ConfigEntry portEntry = s.last("port").orElse(null);
        if (portEntry != null) {
            port = ConfOptions.port(portEntry, 1024);
        }
        String bindaddr = s.last("bindaddr").map(e -> ConfOptions.withoutPort(e.value())).orElse(d.bindAddress());
        warnUnknown(s, GENERAL_KNOWN, warnings);
        ConfOptions.warnTlsFlags(s, warnings);
        return d.toBuilder()
                .enabled(ConfOptions.bool(s, "enabled", d.enabled()))
                .bindAddress(bindaddr)
                .port(port)
                .displayConnects(ConfOptions.bool(s, "displayconnects", d.displayConnects()))
                .allowMultipleLogin(ConfOptions.bool(s, "allowmultiplelogin", d.allowMultipleLogin()))
                .authTimeoutSeconds(ConfOptions.atLeast(s, "authtimeout", 1, d.authTimeoutSeconds(), warnings))
                .authLimit(ConfOptions.atLeast(s, "authlimit", 1, d.authLimit(), warnings))
                .timestampEvents(ConfOptions.bool(s, "timestampevents", d.timestampEvents()))
                .brokenEventsAction(ConfOptions.bool(s, "brokeneventsaction", d.brokenEventsAction()))
                .debug(ConfOptions.bool(s, "debug", d.debug()))
                .tls(ConfOptions.tls(s, bindaddr, TlsSettings.DEFAULT_PORT, port, TlsSettings.DISABLED))
                .channelVars(s.last("channelvars").map(e -> channelVars(e.value())).orElse(List.of()))
                .disabledEvents(s.last("disabledevents").map(e -> disabledEvents(e.value())).orElse(List.of()))
                .webEnabled(ConfOptions.bool(s, "webenabled", d.webEnabled()))
                .httpTimeoutSeconds(ConfOptions.atLeast(s, "httptimeout", 1, d.httpTimeoutSeconds(), warnings))
                .lockout(lockout(s))
                .admission(new AdmissionPolicy(amiNumber(s, AUTHLIMIT_PER_ADDRESS, 0, AdmissionPolicy.DEFAULTS.perAddress()),
                        amiNumber(s, AUTHLIMIT_PER_NETWORK, 0, AdmissionPolicy.DEFAULTS.perNetwork())))
                .build();
    }

    /**
     * ami's own lockout options. Unlike Asterisk's options, which fall back to their default with a
     * warning, a bad value of ami's own options is refused with its line: a typo must not quietly
     * weaken a defence.
     */
    private static LockoutPolicy lockout(ConfigSection s) throws ConfigParseException {
        LockoutPolicy d = LockoutPolicy.DEFAULTS;
        return new LockoutPolicy(amiNumber(s, LOCKOUT_FAILURES, 0, d.pairFailures()),
                amiNumber(s, LOCKOUT_SOURCE_FAILURES, 0, d.sourceFailures()),
                amiNumber(s, LOCKOUT_ACCOUNT_FAILURES, 0, d.accountFailures()),
                amiNumber(s, LOGIN_BACKOFF_AFTER, 0, d.backoffAfter()),
                Duration.ofMinutes(amiNumber(s, LOCKOUT_MINUTES, 1, (int) d.lockout().toMinutes())));
    }

    private static int amiNumber(ConfigSection s, String option, int min, int dflt) throws ConfigParseException {
        ConfigEntry e = s.last(option).orElse(null);
        if (e == null) {
            return dflt;
        }
        try {
            int value = Integer.parseInt(e.value().strip());
            if (value >= min && value <= LOCKOUT_MAX) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new ConfigParseException(e.file(), e.line(), option + " must be a whole number from " + min + " to "
                + LOCKOUT_MAX);
    }

    /**
     * channelvars as Asterisk splits it: at commas outside parentheses (a name may be a dialplan
     * function such as {@code CALLERID(num)} or {@code CUT(x,-,1)}), blanks around each name dropped.
     */
    static List<String> channelVars(String value) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == ',' && depth == 0) {
                addName(names, current);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            current.append(c);
        }
        addName(names, current);
        return names;
    }

    private static void addName(List<String> names, StringBuilder current) {
        String name = current.toString().strip();
        if (!name.isEmpty()) {
            names.add(name);
        }
        current.setLength(0);
    }

    /** disabledevents: a comma list of exact event names; blanks before each name are ignored. */
    static List<String> disabledEvents(String value) {
        List<String> names = new ArrayList<>();
        for (String item : value.split(",")) {
            String name = item.stripLeading();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static AccountDefinition account(ConfigSection s, GeneralSettings general, List<String> warnings)
            throws ConfigParseException {
        for (String list : new String[] {"read", "write"}) {
            s.last(list).filter(e -> Authority.isQuirky(e.value())).ifPresent(e -> warnings.add(e.where()
                    + ": " + list + " relies on Asterisk's matcher quirks (an empty name grants"
                    + " every class, a name before a comma matches as a prefix, a name with blanks or capitals"
                    + " matches nothing); it grants "
                    + Authority.parse(e.value()).privilege()));
        }
        warnUnknown(s, ACCOUNT_KNOWN, warnings);
        List<AclLine> acl = acl(s);
        warnIpv4OnlyAcl(s, acl, general, warnings);
        return new AccountDefinition(s.name(),
                s.last("secret").map(ConfigEntry::value).orElse(null),
                s.last("read").map(ConfigEntry::value).orElse(""),
                s.last("write").map(ConfigEntry::value).orElse(""),
                acl,
                s.last("allowmultiplelogin").map(e -> AsteriskBoolean.isTrue(e.value())).orElse(null),
                s.last("displayconnects").map(e -> AsteriskBoolean.isTrue(e.value())).orElse(null),
                writeTimeout(s, warnings),
                eventFilters(s),
                variables(s, warnings),
                namedAcls(s, warnings),
                upstream(s),
                upstreams(s, warnings));
    }

    /**
     * ami's own {@code upstream} option. A name no upstream can have is refused with its line; a
     * name that no stored upstream has is accepted (the store warns: the upstream may come later).
     */
    private static String upstream(ConfigSection s) throws ConfigParseException {
        ConfigEntry e = s.last(UPSTREAM).orElse(null);
        if (e == null || e.value().isEmpty()) {
            return null;
        }
        if (!Upstream.isValidName(e.value())) {
            throw new ConfigParseException(e.file(), e.line(), UPSTREAM + " in " + s.shownName()
                    + ": an upstream name is 1 to 80 letters, digits, '.', '_' or '-'");
        }
        return e.value();
    }

    /**
     * ami's own {@code upstreams} option: names split on commas, blanks around each trimmed, empty items
     * skipped. A name no upstream can have refuses the file with its line; names no stored upstream has
     * are the store's warning, as for {@code upstream}. A default upstream outside a non-empty list is a
     * warning: the account's requests naming no upstream would all be refused.
     */
    private static List<String> upstreams(ConfigSection s, List<String> warnings) throws ConfigParseException {
        ConfigEntry e = s.last(UPSTREAMS).orElse(null);
        if (e == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        String[] items = e.value().split(",");
        for (int i = 0; i < items.length; i++) {
            String name = items[i].strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!Upstream.isValidName(name)) {
                // the entry's position, not its text: the value is shown by whoever shows the line
                throw new ConfigParseException(e.file(), e.line(), UPSTREAMS + " in " + s.shownName() + ": entry " + (i + 1)
                        + " is not an upstream name (1 to 80 letters, digits, '.', '_' or '-')");
            }
            names.add(name);
        }
        ConfigEntry def = s.last(UPSTREAM).orElse(null);
        if (def != null && !names.isEmpty() && Upstream.isValidName(def.value())
                && names.stream().noneMatch(def.value()::equalsIgnoreCase)) {
            warnings.add(def.where() + ": " + UPSTREAM + " in " + s.shownName() + " names " + ConfigText.name(def.value())
                    + ", which is not among its " + UPSTREAMS + "; its requests without an Upstream header will be refused");
        }
        return names;
    }

    /** setvar lines: {@code NAME=value}; Asterisk ignores one without '='. */
    private static List<String> variables(ConfigSection s, List<String> warnings) {
        List<String> variables = new ArrayList<>();
        for (ConfigEntry e : s.entries()) {
            if (e.name().equalsIgnoreCase("setvar")) {
                if (e.value().indexOf('=') <= 0) {
                    warnings.add(e.where() + ": setvar in " + s.shownName()
                            + " is not NAME=value; Asterisk ignores it and so does this import");
                } else {
                    variables.add(e.value());
                    warnings.add(e.where() + ": setvar in " + s.shownName() + " is stored and shown by manager show user;"
                            + " this version has no Originate to set it on");
                }
            }
        }
        return variables;
    }

    /** acl lines: comma lists of named ACLs (acl.conf). */
    private static List<String> namedAcls(ConfigSection s, List<String> warnings) {
        List<String> names = new ArrayList<>();
        for (ConfigEntry e : s.entries()) {
            if (e.name().equalsIgnoreCase("acl")) {
                for (String name : e.value().split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
                warnings.add(e.where() + ": acl in " + s.shownName() + " is stored but not applied:"
                        + " this version has no named ACLs (acl.conf); use permit/deny");
            }
        }
        return names;
    }

    /** Options whose names begin with {@code eventfilter} (case-sensitive, as in Asterisk 22). */
    private static List<FilterLine> eventFilters(ConfigSection s) throws ConfigParseException {
        List<FilterLine> lines = new ArrayList<>();
        for (ConfigEntry e : s.entries()) {
            if (e.name().startsWith("eventfilter")) {
                try {
                    EventFilters.parse(e.name(), e.value());
                } catch (EventFilterException bad) {
                    // a bad regex is not quoted (it is the value); the other reasons name parts of the option only
                    throw new ConfigParseException(e.file(), e.line(), ConfOptions.optionName(e) + " in " + s.shownName() + ": "
                            + (bad.badRegex() ? "its pattern is not a regular expression that compiles"
                                    : ConfigText.escaped(bad.getMessage())));
                }
                lines.add(new FilterLine(e.name(), e.value()));
            }
        }
        return lines;
    }

    /**
     * Which entry of a permit/deny value is not an address, and why, without the entry itself:
     * {@code entry 2 is not an IPv4 address}.
     */
    private static String aclProblem(boolean permit, String value) {
        String[] entries = value.split(",");
        for (int i = 0; i < entries.length; i++) {
            try {
                AclRule.parse(permit, entries[i]);
            } catch (IllegalArgumentException bad) {
                String entry = entries[i].strip();
                String quoted = "'" + (entry.startsWith("!") ? entry.substring(1).strip() : entry) + "'";
                String why = bad.getMessage();
                return "entry " + (i + 1) + (why.startsWith(quoted) ? why.substring(quoted.length())
                        : " is not an address with an optional mask");
            }
        }
        return "not a list of addresses with optional masks";
    }

    /** Every permit/deny line in order; one that is not an address list rejects the file. */
    static List<AclLine> acl(ConfigSection s) throws ConfigParseException {
        List<AclLine> lines = new ArrayList<>();
        for (ConfigEntry e : s.entries()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (name.equals("permit") || name.equals("deny")) {
                try {
                    AclRule.parse(name.equals("permit"), e.value());
                } catch (IllegalArgumentException bad) {
                    throw new ConfigParseException(e.file(), e.line(), name + " in " + s.shownName() + ": "
                            + aclProblem(name.equals("permit"), e.value()));
                }
                lines.add(new AclLine(name.equals("permit"), e.value()));
            }
        }
        return lines;
    }

    /**
     * Asterisk applies a rule only to clients of its own address family (main/acl.c, ast_apply_ha
     * skips a rule whose family differs from the address's): with IPv4
     * rules alone and a listener on an IPv6 address (bindaddr {@code ::}, the default), a native
     * IPv6 client passes every rule, which an operator who wrote {@code deny = 0.0.0.0/0} rarely means.
     */
    private static void warnIpv4OnlyAcl(ConfigSection s, List<AclLine> acl, GeneralSettings general,
            List<String> warnings) {
        boolean ipv6Listener = general.bindAddress().contains(":")
                || general.tls().enabled() && general.tls().bindAddress().contains(":");
        boolean denies = acl.stream().anyMatch(l -> !l.permit() || l.value().contains("!"));
        if (!denies || !ipv6Listener || acl.stream().flatMap(l -> AclRule.parse(l.permit(), l.value()).stream())
                .anyMatch(rule -> rule.network() instanceof Inet6Address)) {
            return;
        }
        ConfigEntry first = s.entries().stream().filter(e -> e.name().equalsIgnoreCase("permit")
                || e.name().equalsIgnoreCase("deny")).findFirst().orElseThrow();
        warnings.add(first.where() + ": the permit/deny rules of " + s.shownName() + " are all IPv4 while the listener"
                + " accepts IPv6 clients (an IPv6 bindaddr or tlsbindaddr); a native IPv6 client passes them,"
                + " as in Asterisk, which applies a rule only to its own address family. Add an IPv6 rule"
                + " (such as deny = ::/0) to cover those clients");
    }

    private static Integer writeTimeout(ConfigSection s, List<String> warnings) {
        ConfigEntry e = s.last("writetimeout").orElse(null);
        if (e == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(e.value());
            if (value >= Account.DEFAULT_WRITE_TIMEOUT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // warned below
        }
        warnings.add(e.where() + ": writetimeout must be a number of milliseconds of at least "
                + Account.DEFAULT_WRITE_TIMEOUT + "; using " + Account.DEFAULT_WRITE_TIMEOUT);
        return null;
    }

    private static void warnUnknown(ConfigSection s, Set<String> known, List<String> warnings) {
        for (ConfigEntry e : s.entries()) {
            if (!known.contains(e.name().toLowerCase(Locale.ROOT)) && !(known == ACCOUNT_KNOWN
                    && e.name().startsWith("eventfilter"))) {
                warnings.add(e.where() + ": option " + e.shownName() + " in " + s.shownName()
                        + " is not supported by this version and was not imported");
            }
        }
    }

}
