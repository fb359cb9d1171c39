package dev.ami.persistence.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.connector.AdmissionPolicy;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.api.login.LockoutPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export then import gives back the same configuration, over many generated configurations
 * (each seed is one case, so a failure names the seed that reproduces it).
 */
class ManagerConfRoundTripTest {

    private static final String[] CLASSES = {"system", "call", "log", "verbose", "command", "agent", "user", "config",
            "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test", "security", "message",
            "all", "none"};
    private static final String[] ACLS = {"0.0.0.0/0.0.0.0", "127.0.0.1/255.255.255.255", "10.0.0.0/8",
            "192.168.1.0/24, !192.168.1.7", "::1", "fe80::/10", "!172.16.0.0/12"};
    private static final String[][] FILTERS = {{"eventfilter", "Event: UserEvent"}, {"eventfilter", "!Event: Newexten"},
            {"eventfilter(action(exclude),header(UserEvent),method(exact))", "Blocked"},
            {"eventfilter(name(Newchannel))", ""}, {"eventfilter(header(Channel),method(starts_with))", "PJSIP/"}};
    /** The characters of an upstream's name (ami's own upstream and upstreams options). */
    private static final String UPSTREAM_NAME = "abcXYZ019._-";

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 200; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exportThenImportIsTheIdentity(long seed) throws Exception {
        ImportedConfiguration original = generate(new Random(seed));
        String text = ManagerConfWriter.write(original, "round trip " + seed);
        ImportedConfiguration again = ManagerConfReader.read(text);
        assertEquals(original.general(), again.general(), text);
        assertEquals(original.accounts(), again.accounts(), text);
        // and writing it again gives the same text
        assertEquals(text, ManagerConfWriter.write(again, "round trip " + seed));
    }

    private static ImportedConfiguration generate(Random r) {
        GeneralSettings g = GeneralSettings.builder()
                .enabled(r.nextBoolean())
                .bindAddress(r.nextBoolean() ? "127.0.0.1" : r.nextBoolean() ? "::" : "0.0.0.0")
                .port(1024 + r.nextInt(64511))
                .displayConnects(r.nextBoolean())
                .allowMultipleLogin(r.nextBoolean())
                .authTimeoutSeconds(1 + r.nextInt(300))
                .authLimit(1 + r.nextInt(500))
                .timestampEvents(r.nextBoolean())
                .brokenEventsAction(r.nextBoolean())
                .debug(r.nextBoolean())
                .tls(new TlsSettings(r.nextBoolean(), r.nextBoolean() ? "127.0.0.1" : "::", 1024 + r.nextInt(60000),
                        "keys/" + word(r, "abc") + ".pem", r.nextBoolean() ? "" : "keys/k.pem",
                        r.nextBoolean() ? "" : "HIGH:!aNULL:!MD5",
                        r.nextBoolean() ? List.of() : List.of("tlsservercipherorder=yes", "tlsdisablev11=no")))
                .channelVars(r.nextBoolean() ? List.of() : List.of("ACCOUNT", "CUT(CALLERID(num),-,1)", "X_" + word(r, "ABC")))
                .disabledEvents(r.nextBoolean() ? List.of() : List.of("Newexten", "VarSet"))
                .webEnabled(r.nextBoolean())
                .httpTimeoutSeconds(1 + r.nextInt(600))
                .lockout(r.nextInt(3) == 0 ? LockoutPolicy.DEFAULTS : new LockoutPolicy(r.nextInt(20), r.nextInt(100),
                        r.nextInt(1000), r.nextInt(10), Duration.ofMinutes(1 + r.nextInt(120))))
                .admission(r.nextInt(3) == 0 ? AdmissionPolicy.DEFAULTS : new AdmissionPolicy(r.nextInt(20), r.nextInt(60)))
                .build();
        List<AccountDefinition> accounts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int n = r.nextInt(25);
        for (int i = 0; i < n; i++) {
            String name = word(r, "abcdefghijklmnopqrstuvwxyz0123456789_-.");
            if (name.equalsIgnoreCase("general") || !names.add(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<AclLine> acl = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) {
                acl.add(new AclLine(r.nextBoolean(), ACLS[r.nextInt(ACLS.length)]));
            }
            List<FilterLine> filters = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                String[] f = FILTERS[r.nextInt(FILTERS.length)];
                filters.add(new FilterLine(f[0], f[1]));
            }
            accounts.add(new AccountDefinition(name, r.nextInt(8) == 0 ? null : secret(r), classes(r), classes(r), acl,
                    r.nextInt(3) == 0 ? null : r.nextBoolean(), r.nextInt(3) == 0 ? null : r.nextBoolean(),
                    r.nextInt(3) == 0 ? null : 100 + r.nextInt(5000), filters,
                    r.nextBoolean() ? List.of() : List.of("ACCOUNTCODE=" + word(r, "abc"), "X=a=b"),
                    r.nextBoolean() ? List.of() : List.of("local_net", "office"),
                    r.nextBoolean() ? null : word(r, UPSTREAM_NAME),
                    r.nextBoolean() ? List.of() : List.of(word(r, UPSTREAM_NAME), word(r, UPSTREAM_NAME))));
        }
        return new ImportedConfiguration(g, accounts, List.of());
    }

    private static String word(Random r, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1 + r.nextInt(12); k > 0; k--) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Printable secrets with the characters config syntax cares about: ; = # [ ] ( ) and inner spaces. */
    private static String secret(Random r) {
        String s = word(r, "abcXYZ019;=#[]()!\\\"' ,.-+*");
        return s.strip().isEmpty() ? "x" : s.strip();
    }

    private static String classes(Random r) {
        List<String> picked = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            picked.add(CLASSES[r.nextInt(CLASSES.length)]);
        }
        return String.join(",", picked);
    }
}
