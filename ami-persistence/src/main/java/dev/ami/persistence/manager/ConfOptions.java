package dev.ami.persistence.manager;

import dev.ami.api.AsteriskBoolean;
import dev.ami.api.connector.TlsSettings;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import java.util.List;

/** How Asterisk reads the option values manager.conf and http.conf share: booleans, numbers, ports, addresses, TLS. */
final class ConfOptions {

    private ConfOptions() {
    }

    /**
     * @return how a message names the option: a known option by its name (a word of ours), an event
     *         filter's name, which is free text, cut short and escaped
     */
    static String optionName(ConfigEntry e) {
        return e.name().startsWith("eventfilter") && e.name().length() > "eventfilter".length()
                ? e.shownName() : e.name();
    }

    static boolean bool(ConfigSection s, String option, boolean dflt) {
        return s.last(option).map(e -> AsteriskBoolean.isTrue(e.value())).orElse(dflt);
    }

    /** A port ({@code 0x} hex accepted) from {@code min} to 65535; anything else is an error on its line. */
    static int port(ConfigEntry e, int min) throws ConfigParseException {
        String v = e.value();
        try {
            int p = v.regionMatches(true, 0, "0x", 0, 2) ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
            if (p >= min && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        // the option only: messages never quote a value
        throw new ConfigParseException(e.file(), e.line(), e.name() + ": Invalid port number (must be " + min + "-65535)");
    }

    /** A number of at least {@code min}; otherwise a warning and the default, as Asterisk keeps its default. */
    static int atLeast(ConfigSection s, String option, int min, int dflt, List<String> warnings) {
        ConfigEntry e = s.last(option).orElse(null);
        if (e == null) {
            return dflt;
        }
        try {
            int value = Integer.parseInt(e.value());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // warned below
        }
        warnings.add(e.where() + ": " + option + " is not a number of at least " + min + "; using " + dflt);
        return dflt;
    }

    /** @return the last line of any of these spellings, or null */
    static ConfigEntry lastOf(ConfigSection s, String... names) {
        ConfigEntry found = null;
        for (ConfigEntry e : s.entries()) {
            for (String n : names) {
                if (e.name().equalsIgnoreCase(n)) {
                    found = e;
                }
            }
        }
        return found;
    }

    /** Asterisk ignores a port written into bindaddr ({@code 1.2.3.4:5038}, {@code [::1]:5038}). */
    static String withoutPort(String address) {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            return close > 0 ? address.substring(1, close) : address;
        }
        int colon = address.indexOf(':');
        return colon > 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address;
    }

    /** The port written into an address ({@code 1.2.3.4:5039}, {@code [::1]:5039}), or null. */
    static String portOf(String address) {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            return close > 0 && address.length() > close + 2 && address.charAt(close + 1) == ':'
                    ? address.substring(close + 2) : null;
        }
        int colon = address.indexOf(':');
        return colon > 0 && colon == address.lastIndexOf(':') ? address.substring(colon + 1) : null;
    }

    /**
     * The TLS options and their ssl* aliases; the last line of any spelling wins. The address
     * defaults to the plain listener's; a port equal to the plain one falls back to the default.
     *
     * @param plainPort the plain listener's port, or -1
     */
    static TlsSettings tls(ConfigSection s, String bindaddr, int defaultPort, int plainPort, TlsSettings d)
            throws ConfigParseException {
        ConfigEntry addr = lastOf(s, "tlsbindaddr", "sslbindaddr");
        String address = bindaddr;
        int port = defaultPort;
        if (addr != null) {
            address = withoutPort(addr.value());
            String p = portOf(addr.value());
            if (p != null) {
                port = port(new ConfigEntry(addr.name(), p, addr.file(), addr.line()), 1);
                if (port == plainPort) {
                    port = defaultPort;
                }
            }
        }
        ConfigEntry bindPort = lastOf(s, "tlsbindport", "sslbindport");
        if (bindPort != null && (addr == null || portOf(addr.value()) == null)) {
            // the older separate port option; a port inside tlsbindaddr wins
            port = port(bindPort, 1);
            if (port == plainPort) {
                port = defaultPort;
            }
        }
        ConfigEntry enable = lastOf(s, "tlsenable", "sslenable");
        ConfigEntry cert = lastOf(s, "tlscertfile", "tlscert", "sslcert");
        ConfigEntry key = lastOf(s, "tlsprivatekey", "sslprivatekey");
        ConfigEntry cipher = lastOf(s, "tlscipher", "sslcipher");
        List<String> options = new java.util.ArrayList<>();
        for (String flag : TLS_FLAGS) {
            ConfigEntry e = lastOf(s, flag);
            if (e != null) {
                options.add(flag + "=" + e.value());
            }
        }
        return new TlsSettings(enable != null && AsteriskBoolean.isTrue(enable.value()), address, port,
                cert == null ? d.certFile() : cert.value(), key == null ? d.privateKey() : key.value(),
                cipher == null ? d.cipher() : cipher.value(), options);
    }

    /** The TLS library flags Asterisk's shared TLS parser accepts; stored, not applied here. */
    static final List<String> TLS_FLAGS = List.of("tlsservercipherorder", "tlsdisablev1", "tlsdisablev11",
            "tlsdisablev12");

    /** Reports each TLS library flag present: stored and exported, but the Java runtime's defaults apply. */
    static void warnTlsFlags(ConfigSection s, List<String> warnings) {
        for (String flag : TLS_FLAGS) {
            ConfigEntry e = lastOf(s, flag);
            if (e != null) {
                warnings.add(e.where() + ": " + flag + " is stored but not applied by this version;"
                        + " the Java runtime's TLS protocol defaults apply");
            }
        }
    }
}
