package dev.ami.persistence.manager;

import dev.ami.api.acl.AclRule;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.api.connector.UriRestriction;

/**
 * Writes stored http.conf settings as text Asterisk reads, such that {@link HttpConfReader} reads
 * back the same settings. Every {@code [general]} option is written, defaults included; each
 * restriction follows as a {@code type = restriction} section with one permit or deny line per
 * rule ({@code address/mask}, as {@link AclRule#entry()} gives it).
 */
public final class HttpConfWriter {

    private HttpConfWriter() {
    }

    /**
     * @param h       the settings
     * @param heading a comment for the first line, or null
     * @return the text of http.conf
     */
    public static String write(HttpSettings h, String heading) {
        StringBuilder out = new StringBuilder();
        if (heading != null) {
            out.append("; ").append(heading.replace("\n", " ")).append('\n');
        }
        out.append("[general]\n");
        option(out, "enabled", yesNo(h.enabled()));
        if (!h.bindAddress().isEmpty()) {
            option(out, "bindaddr", bracketed(h.bindAddress()));
        }
        option(out, "bindport", Integer.toString(h.bindPort()));
        option(out, "prefix", h.prefix());
        option(out, "servername", h.serverName());
        option(out, "sessionlimit", Integer.toString(h.sessionLimit()));
        option(out, "session_inactivity", Integer.toString(h.sessionInactivityMillis()));
        option(out, "session_keep_alive", Integer.toString(h.sessionKeepAliveMillis()));
        option(out, "enable_static", yesNo(h.enableStatic()));
        option(out, "enable_status", yesNo(h.enableStatus()));
        h.redirects().forEach(r -> option(out, "redirect", r));
        TlsSettings t = h.tls();
        option(out, "tlsenable", yesNo(t.enabled()));
        if (!t.bindAddress().isEmpty()) {
            // without an address there is nothing to bind; the reader then falls back to bindaddr
            option(out, "tlsbindaddr", bracketed(t.bindAddress()) + ":" + t.port());
        }
        option(out, "tlscertfile", t.certFile());
        if (!t.privateKey().isEmpty()) {
            option(out, "tlsprivatekey", t.privateKey());
        }
        if (!t.cipher().isEmpty()) {
            option(out, "tlscipher", t.cipher());
        }
        for (String flag : t.options()) {
            int eq = flag.indexOf('=');
            option(out, flag.substring(0, eq), flag.substring(eq + 1));
        }
        for (UriRestriction r : h.restrictions()) {
            out.append('[').append(r.prefix()).append("]\n");
            option(out, "type", "restriction");
            for (AclRule rule : r.acl().rules()) {
                option(out, rule.permit() ? "permit" : "deny", rule.entry());
            }
        }
        return out.toString();
    }

    private static String bracketed(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static void option(StringBuilder out, String name, String value) {
        // ';' starts a comment unless escaped; Asterisk turns '\;' back into ';'
        out.append(name).append(" = ").append(value.replace(";", "\\;")).append('\n');
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
