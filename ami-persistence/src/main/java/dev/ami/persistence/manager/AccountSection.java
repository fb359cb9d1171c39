package dev.ami.persistence.manager;

import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigSection;
import java.util.ArrayList;
import java.util.List;

/**
 * An account as the lines of its manager.conf section, in the order an export writes them, each
 * line naming the field of the account it comes from ({@code acl[2]}, {@code eventFilters[0]}):
 * the export writes these lines, and a check of an account reports its problems by these fields.
 */
public final class AccountSection {

    /** The field that names the account (its section). */
    public static final String NAME = "name";

    private AccountSection() {
    }

    /**
     * One {@code option = value} line of an account's section.
     *
     * @param field  the account's field it comes from, with its index in a list
     * @param option the option name
     * @param value  the value
     */
    public record Line(String field, String option, String value) {
    }

    /**
     * @param a an account
     * @return its lines: options left out are not written, {@code read} and {@code write} always are
     */
    public static List<Line> lines(AccountDefinition a) {
        List<Line> lines = new ArrayList<>();
        if (a.secret() != null) {
            lines.add(new Line("secret", "secret", a.secret()));
        }
        lines.add(new Line("read", "read", a.read()));
        lines.add(new Line("write", "write", a.write()));
        for (int i = 0; i < a.acl().size(); i++) {
            AclLine acl = a.acl().get(i);
            lines.add(new Line("acl[" + i + "]", acl.permit() ? "permit" : "deny", acl.value()));
        }
        if (a.allowMultipleLogin() != null) {
            lines.add(new Line("allowMultipleLogin", "allowmultiplelogin", yesNo(a.allowMultipleLogin())));
        }
        if (a.displayConnects() != null) {
            lines.add(new Line("displayConnects", "displayconnects", yesNo(a.displayConnects())));
        }
        // written whenever it was set, even to the default, so that a re-import gives the same state
        if (a.writeTimeout() != null) {
            lines.add(new Line("writeTimeout", "writetimeout", Integer.toString(a.writeTimeout())));
        }
        for (int i = 0; i < a.eventFilters().size(); i++) {
            FilterLine f = a.eventFilters().get(i);
            lines.add(new Line("eventFilters[" + i + "]", f.key(), f.value()));
        }
        for (int i = 0; i < a.variables().size(); i++) {
            lines.add(new Line("variables[" + i + "]", "setvar", a.variables().get(i)));
        }
        for (int i = 0; i < a.namedAcls().size(); i++) {
            lines.add(new Line("namedAcls[" + i + "]", "acl", a.namedAcls().get(i)));
        }
        if (a.upstream() != null) {
            lines.add(new Line("upstream", ManagerConfReader.UPSTREAM, a.upstream()));
        }
        // one line for the list: the option is single-valued (the last line wins), as upstream is
        if (!a.upstreams().isEmpty()) {
            lines.add(new Line("upstreams", ManagerConfReader.UPSTREAMS, String.join(",", a.upstreams())));
        }
        return lines;
    }

    /**
     * @param name  the section name
     * @param lines its lines
     * @param file  the file name its entries name; entry {@code i} is on line {@code i + 1}
     * @return the section, inheriting nothing
     */
    public static ConfigSection section(String name, List<Line> lines, String file) {
        List<ConfigEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            entries.add(new ConfigEntry(lines.get(i).option(), lines.get(i).value(), file, i + 1));
        }
        return new ConfigSection(name, false, entries, 0);
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
