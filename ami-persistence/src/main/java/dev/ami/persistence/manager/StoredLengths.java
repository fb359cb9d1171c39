package dev.ami.persistence.manager;

import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lengths the database columns hold (the entities name these constants; the migrations create
 * the same sizes), checked on the parsed file so that a value too long is refused with its file
 * and line, before anything is stored, instead of failing in the database.
 */
public final class StoredLengths {

    /** Names, addresses, HTTP prefix and server name (the columns' default size). */
    public static final int NAME = 255;

    /** An upstream's name (upstreams.conf's section, an account's upstream option). */
    public static final int UPSTREAM_NAME = 80;

    /** Class lists, permit/deny values, event filters, certificate paths, cipher strings, an account's upstreams. */
    public static final int VALUE = 1024;

    /** Lists kept in one column, a line per item: setvar, acl, channelvars, disabledevents, redirect. */
    public static final int LIST = 4000;

    /** The rules of an http.conf restriction section, a line per rule. */
    public static final int RULES = 1_048_576;

    /** A configuration file as last imported, encrypted (GetConfig's view of it). */
    public static final int SOURCE = 1_048_576;

    /**
     * A secret, in UTF-8 bytes: the column holds its encrypted form, {@code v1:} and the base64 of
     * a 12-byte nonce, the ciphertext and a 16-byte tag, which for 700 bytes is 975 characters.
     */
    public static final int SECRET_BYTES = 700;

    private static final Map<String, Integer> PER_LINE = new HashMap<>();
    /** Options whose every line is kept, in one column: the lines' total counts. */
    private static final Map<String, Integer> LISTS = new HashMap<>();

    static {
        for (String name : new String[] {"bindaddr", "tlsbindaddr", "sslbindaddr", "prefix", "servername"}) {
            PER_LINE.put(name, NAME);
        }
        for (String name : new String[] {"read", "write", "permit", "deny", "tlscertfile", "tlscert", "sslcert",
                "tlsprivatekey", "sslprivatekey", "tlscipher", "sslcipher"}) {
            PER_LINE.put(name, VALUE);
        }
        // single-valued (the last line wins), each kept as a list in one column
        PER_LINE.put(ManagerConfReader.UPSTREAMS, VALUE);
        PER_LINE.put("channelvars", LIST);
        PER_LINE.put("disabledevents", LIST);
        for (String name : new String[] {"setvar", "acl", "redirect"}) {
            LISTS.put(name, LIST);
        }
        // the TLS library flags share one column, as name=value lines
        for (String flag : ConfOptions.TLS_FLAGS) {
            LISTS.put(flag, VALUE);
        }
    }

    private StoredLengths() {
    }

    /**
     * @param doc              the parsed file
     * @param file             its name, for a section without lines
     * @param sectionsAreNames true for manager.conf, whose section names are account names
     * @throws ConfigParseException naming the first line whose value cannot be stored
     */
    static void check(ConfigDocument doc, String file, boolean sectionsAreNames) throws ConfigParseException {
        for (ConfigSection s : doc.sections()) {
            if (sectionsAreNames && s.name().length() > NAME) {
                String where = s.entries().isEmpty() ? file : s.entries().get(0).file();
                throw new ConfigParseException(where, s.line(), "the section name is " + s.name().length()
                        + " characters long; an account name is stored with at most " + NAME);
            }
            Map<String, Integer> listTotals = new HashMap<>();
            for (ConfigEntry e : s.entries()) {
                String name = e.name().toLowerCase(Locale.ROOT);
                if (name.equals("secret")) {
                    int bytes = e.value().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes > SECRET_BYTES) {
                        throw tooLong(e, s, bytes + " bytes long; a secret is stored with at most " + SECRET_BYTES);
                    }
                } else if (e.name().startsWith("eventfilter")) {
                    within(e, s, e.name().length(), VALUE, "its name");
                    within(e, s, e.value().length(), VALUE, "its value");
                } else if (LISTS.containsKey(name)) {
                    boolean flag = ConfOptions.TLS_FLAGS.contains(name);
                    String group = flag ? "TLS flag" : name;
                    int total = listTotals.merge(group, (flag ? name.length() + 1 : 0) + e.value().length() + 1,
                            Integer::sum);
                    if (total > LISTS.get(name)) {
                        throw tooLong(e, s, "the " + group + " lines of " + s.shownName() + " come to " + total
                                + " characters with this one; at most " + LISTS.get(name) + " are stored");
                    }
                } else if (PER_LINE.containsKey(name)) {
                    within(e, s, e.value().length(), PER_LINE.get(name), "its value");
                }
            }
        }
    }

    private static void within(ConfigEntry e, ConfigSection s, int length, int max, String what)
            throws ConfigParseException {
        if (length > max) {
            throw tooLong(e, s, what + " is " + length + " characters long; at most " + max + " are stored");
        }
    }

    private static ConfigParseException tooLong(ConfigEntry e, ConfigSection s, String why) {
        // the option's name only: a value may be a secret
        return new ConfigParseException(e.file(), e.line(), ConfOptions.optionName(e) + " in " + s.shownName() + ": " + why);
    }
}
