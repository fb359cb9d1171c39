package dev.ami.persistence.manager;

import dev.ami.api.connector.AdmissionPolicy;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.persistence.conf.ConfigDocument;
import java.util.List;

/**
 * Writes a stored configuration as manager.conf text in the dialect Asterisk reads, such that
 * reading it back ({@link ManagerConfReader}) gives the same configuration. Every {@code [general]}
 * option is written, defaults included; account options only where they are set.
 */
public final class ManagerConfWriter {

    private ManagerConfWriter() {
    }

    /**
     * @param configuration the configuration
     * @param heading       a comment for the first line (e.g. when and by what it was written), or null
     * @return the text of manager.conf
     */
    public static String write(ImportedConfiguration configuration, String heading) {
        StringBuilder out = new StringBuilder();
        if (heading != null) {
            out.append("; ").append(heading.replace("\n", " ")).append('\n');
        }
        GeneralSettings g = configuration.general();
        out.append("[general]\n");
        option(out, "enabled", yesNo(g.enabled()));
        option(out, "port", Integer.toString(g.port()));
        option(out, "bindaddr", g.bindAddress().contains(":") ? "[" + g.bindAddress() + "]" : g.bindAddress());
        option(out, "displayconnects", yesNo(g.displayConnects()));
        option(out, "allowmultiplelogin", yesNo(g.allowMultipleLogin()));
        option(out, "authtimeout", Integer.toString(g.authTimeoutSeconds()));
        option(out, "authlimit", Integer.toString(g.authLimit()));
        option(out, "timestampevents", yesNo(g.timestampEvents()));
        option(out, "brokeneventsaction", yesNo(g.brokenEventsAction()));
        option(out, "debug", yesNo(g.debug()));
        option(out, "webenabled", yesNo(g.webEnabled()));
        option(out, "httptimeout", Integer.toString(g.httpTimeoutSeconds()));
        if (!g.channelVars().isEmpty()) {
            option(out, "channelvars", String.join(",", g.channelVars()));
        }
        if (!g.disabledEvents().isEmpty()) {
            option(out, "disabledevents", String.join(",", g.disabledEvents()));
        }
        LockoutPolicy lockout = g.lockout();
        if (!lockout.equals(LockoutPolicy.DEFAULTS)) {
            // ami's own: written only when changed, since Asterisk logs each as an invalid keyword
            option(out, ManagerConfReader.LOCKOUT_FAILURES, Integer.toString(lockout.pairFailures()));
            option(out, ManagerConfReader.LOCKOUT_SOURCE_FAILURES, Integer.toString(lockout.sourceFailures()));
            option(out, ManagerConfReader.LOCKOUT_ACCOUNT_FAILURES, Integer.toString(lockout.accountFailures()));
            option(out, ManagerConfReader.LOGIN_BACKOFF_AFTER, Integer.toString(lockout.backoffAfter()));
            option(out, ManagerConfReader.LOCKOUT_MINUTES, Long.toString(lockout.lockout().toMinutes()));
        }
        if (!g.admission().equals(AdmissionPolicy.DEFAULTS)) {
            option(out, ManagerConfReader.AUTHLIMIT_PER_ADDRESS, Integer.toString(g.admission().perAddress()));
            option(out, ManagerConfReader.AUTHLIMIT_PER_NETWORK, Integer.toString(g.admission().perNetwork()));
        }
        TlsSettings t = g.tls();
        option(out, "tlsenable", yesNo(t.enabled()));
        option(out, "tlsbindaddr", (t.bindAddress().contains(":") ? "[" + t.bindAddress() + "]" : t.bindAddress())
                + ":" + t.port());
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
        for (AccountDefinition a : configuration.accounts()) {
            // the header as the parser reads it back: a ';' in the name escaped
            out.append('\n').append(ConfigDocument.header(a.username(), List.of())).append('\n');
            AccountSection.lines(a).forEach(line -> option(out, line.option(), line.value()));
        }
        return out.toString();
    }

    private static void option(StringBuilder out, String name, String value) {
        // ';' starts a comment unless escaped (in an event filter's option name too); Asterisk turns '\;' back into ';'
        out.append(ConfigDocument.line(name, value)).append('\n');
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
