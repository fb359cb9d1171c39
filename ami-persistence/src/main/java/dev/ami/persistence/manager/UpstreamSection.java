package dev.ami.persistence.manager;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Upstream;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * An upstream as the lines of its upstreams.conf section, in the order the export writes them, each
 * naming the field of the REST API's upstream it comes from: the export writes these lines, and a
 * check of an upstream made over REST reads them back with {@link UpstreamsConfReader}, so that its
 * problems name fields and it is exactly as valid as one imported.
 */
public final class UpstreamSection {

    private UpstreamSection() {
    }

    /**
     * @param upstream an upstream, its secret in clear
     * @return its lines; every key is written, defaults included, except an empty {@code tlscafile}
     */
    public static List<AccountSection.Line> lines(Upstream upstream) {
        List<AccountSection.Line> lines = new ArrayList<>();
        lines.add(new AccountSection.Line("host", UpstreamsConfReader.HOST, upstream.host()));
        lines.add(new AccountSection.Line("port", UpstreamsConfReader.PORT, Integer.toString(upstream.port())));
        lines.add(new AccountSection.Line("tls", UpstreamsConfReader.TLS, yesNo(upstream.tls())));
        lines.add(new AccountSection.Line("tlsVerify", UpstreamsConfReader.TLS_VERIFY, yesNo(upstream.tlsVerify())));
        if (!upstream.tlsCaFile().isEmpty()) {
            lines.add(new AccountSection.Line("tlsCaFile", UpstreamsConfReader.TLS_CA_FILE, upstream.tlsCaFile()));
        }
        lines.add(new AccountSection.Line("username", UpstreamsConfReader.USERNAME, upstream.username()));
        lines.add(new AccountSection.Line("secret", UpstreamsConfReader.SECRET, upstream.secret()));
        lines.add(new AccountSection.Line("events", UpstreamsConfReader.EVENTS, events(upstream.events())));
        lines.add(new AccountSection.Line("enabled", UpstreamsConfReader.ENABLED, yesNo(upstream.enabled())));
        lines.add(new AccountSection.Line("nameEvents", UpstreamsConfReader.NAME_EVENTS, yesNo(upstream.nameEvents())));
        return lines;
    }

    /**
     * @param events event classes
     * @return them as {@code events} is written: {@code all}, {@code none}, or the class names in table order
     */
    public static String events(Authority events) {
        if (events.bits() == Authority.ALL.bits()) {
            return "all";
        }
        if (events.isEmpty()) {
            return "none";
        }
        StringJoiner names = new StringJoiner(",");
        for (AuthorityClass c : AuthorityClass.values()) {
            if (c != AuthorityClass.ALL && c != AuthorityClass.NONE && (events.bits() & c.bits()) != 0) {
                names.add(c.label());
            }
        }
        return names.toString();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
