package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.HttpSettings;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditChange;
import dev.ami.persistence.audit.AuditEntry;
import dev.ami.persistence.audit.AuditQuery;
import dev.ami.persistence.audit.AuditTarget;
import dev.ami.persistence.audit.AuditTrail;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.manager.Templates;
import dev.ami.persistence.store.ChangeRefused.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Changes of manager.conf's and http.conf's {@code [general]} on each database: applied as an
 * import of the file with those lines would be (the kept file edited where the options stand, the
 * change announced with its field-level diff), refused with nothing changed when stale or invalid
 * (each bad option named with the import's reason); templates and their inheritors as kept; an
 * import's diff field by field, secrets masked.
 */
class SettingsChangesTest extends StoreTestSupport {

    private static final String MANAGER_CONF = """
            [general]
            enabled = yes
            ; the operator's comment is dropped as Asterisk drops it
            bindaddr = 127.0.0.1
            displayconnects = no
            tlscert = server.pem

            [operator](!)
            read = system,call
            write = system
            deny = 0.0.0.0/0.0.0.0
            permit = 127.0.0.1/255.255.255.255

            [supervisor](!,operator)
            write = system,call

            [user01](operator)
            secret = one

            [boss](supervisor)
            secret = b

            [admin]
            secret = s3cret
            read = all
            write = all
            """;

    private static final String HTTP_CONF = """
            [general]
            enabled = yes
            bindport = 18088
            prefix = asterisk

            [/rawman]
            type = restriction
            permit = 127.0.0.1
            """;

    private static final Predicate<String> ANY = etag -> true;

    private static final Actor ACTOR = new Actor("tester", "127.0.0.1", Actor.REST);
    private static final AuditQuery ALL = new AuditQuery(null, null, null, null, 0, 100);

    private static Map<String, Object> with(Map<String, Object> values, Object... pairs) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put((String) pairs[i], pairs[i + 1]);
        }
        return changed;
    }

    @OnEachDatabase
    void generalSettingsChangeAsAnImportWould(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, HTTP_CONF, (store, db) -> {
            SettingsState before = tx(store, store::generalSettings);
            assertEquals(false, before.values().get("displayconnects"));
            assertEquals("127.0.0.1", before.values().get("bindaddr"));
            assertEquals("server.pem", before.values().get("tlscertfile"));
            assertEquals(before.etag(), tx(store, store::generalSettings).etag(), "stable while unchanged");

            SettingsWrite write = tx(store, () -> store.replaceGeneralSettings(ACTOR, before.etag()::equals,
                    with(before.values(), "displayconnects", true, "timestampevents", true, "tlscertfile", "other.pem")));
            assertTrue(write.changed());
            assertNotEquals(before.etag(), write.state().etag());
            assertEquals(write.state(), tx(store, store::generalSettings));
            assertTrue(tx(store, store::currentConfiguration).general().timestampEvents(), "what the connector reads");
            // the kept file is edited where the options stood (the alias tlscert gives way), the rest kept
            String kept = tx(store, () -> store.importedText("manager.conf")).orElseThrow();
            assertTrue(kept.startsWith("[general]\nenabled = yes\nbindaddr = 127.0.0.1\ndisplayconnects = yes\n"
                    + "tlscertfile = other.pem\ntimestampevents = yes\n\n[operator](!)\n"), kept);
            assertTrue(kept.contains("[user01](operator)\nsecret = one\n"), kept);
            ConfigurationDiff diff = announced.get(0).diff();
            assertEquals(List.of(new ConfigurationDiff.Change("general", "general", "changed", List.of(
                    new ConfigurationDiff.FieldChange("displayconnects", false, true),
                    new ConfigurationDiff.FieldChange("timestampevents", false, true),
                    new ConfigurationDiff.FieldChange("tlscertfile", "server.pem", "other.pem")))), diff.changes());
            assertEquals(3, diff.settingsChanged().size(), diff.toString());
            AuditEntry entry = tx(store, () -> new AuditTrail(em).page(ALL)).entries().get(0);
            assertEquals(new AuditTarget(AuditTarget.GENERAL, "general"), entry.target());
            assertEquals("replace", entry.action());
            assertEquals(ACTOR, entry.actor());
            assertEquals(List.of(new AuditChange("displayconnects", "false", "true"),
                    new AuditChange("timestampevents", "false", "true"),
                    new AuditChange("tlscertfile", "server.pem", "other.pem")), entry.changes());

            // the same again: nothing written, nobody told
            SettingsWrite same = tx(store, () -> store.replaceGeneralSettings(ACTOR, ANY, write.state().values()));
            assertFalse(same.changed());
            assertEquals(1, announced.size());

            // bindaddr moves tlsbindaddr with it in the file unless tlsbindaddr is written out: it is
            tx(store, () -> store.replaceGeneralSettings(ACTOR, ANY, with(write.state().values(), "bindaddr", "::1")));
            SettingsState moved = tx(store, store::generalSettings);
            assertEquals("::1", moved.values().get("bindaddr"));
            assertEquals("127.0.0.1", moved.values().get("tlsbindaddr"), "tlsbindaddr kept as it was");

            // the next import of the kept file changes nothing
            String again = tx(store, () -> store.importedText("manager.conf")).orElseThrow();
            assertTrue(tx(store, () -> store.importManagerConf(ACTOR, again, true)).diff().isEmpty());
        });
    }

    @OnEachDatabase
    void refusedSettingsChangeNothing(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, HTTP_CONF, (store, db) -> {
            SettingsState before = tx(store, store::generalSettings);
            String kept = tx(store, () -> store.importedText("manager.conf")).orElseThrow();
            assertRefused(Reason.STALE, () -> store.replaceGeneralSettings(ACTOR, "not-the-etag"::equals, before.values()));
            ChangeRefused bad = assertRefused(Reason.INVALID, () -> store.replaceGeneralSettings(ACTOR, ANY,
                    with(before.values(), "port", 80, "authtimeout", 0, "ami_lockout_minutes", 0, "bindaddr", "a\nb")),
                    "port", "bindaddr", "authtimeout", "ami_lockout_minutes");
            assertEquals("port: Invalid port number (must be 1024-65535)", bad.problems().get(0).reason());
            assertEquals("authtimeout is not a number of at least 1; using 30", bad.problems().get(2).reason());
            assertEquals("ami_lockout_minutes must be a whole number from 1 to 1000000", bad.problems().get(3).reason());
            // a value the reader reads otherwise (a port written into bindaddr is dropped), named beside a bad one
            assertRefused(Reason.INVALID, () -> store.replaceGeneralSettings(ACTOR, ANY, with(before.values(), "bindaddr",
                    "10.0.0.1:5038", "authtimeout", -1)), "authtimeout", "bindaddr");
            assertEquals(before, tx(store, store::generalSettings));
            assertEquals(kept, tx(store, () -> store.importedText("manager.conf")).orElseThrow());
            assertTrue(announced.isEmpty(), "nobody was told of a refused change");
            assertTrue(tx(store, () -> new AuditTrail(em).page(ALL)).entries().stream()
                    .noneMatch(e -> e.action().equals("replace")), "a refusal is not recorded");
        });
    }

    @OnEachDatabase
    void httpSettingsChangeKeepingTheRestrictions(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, HTTP_CONF, (store, db) -> {
            SettingsState before = tx(store, store::httpGeneralSettings);
            assertEquals(18088, before.values().get("bindport"));
            assertEquals(List.of(), before.values().get("redirect"));
            SettingsWrite write = tx(store, () -> store.replaceHttpGeneralSettings(ACTOR, before.etag()::equals, with(
                    before.values(), "bindport", 18099, "redirect", List.of("/ /asterisk/rawman"), "enable_static", true)));
            assertTrue(write.changed());
            assertEquals(List.of(new FieldProblem("enable_static", "'enable_static' = yes is refused: this server serves no"
                    + " static files (Asterisk's static-http folder); /static answers 404")), write.state().warnings());
            HttpSettings http = tx(store, store::currentConfiguration).http();
            assertEquals(18099, http.bindPort());
            assertEquals(List.of("/ /asterisk/rawman"), http.redirects());
            assertEquals("/rawman", http.restrictions().get(0).prefix(), "the restriction stays");
            String kept = tx(store, () -> store.importedText("http.conf")).orElseThrow();
            assertTrue(kept.contains("bindport = 18099\n") && kept.contains("[/rawman]\ntype = restriction\n"), kept);
            assertEquals(1, announced.size());
            AuditEntry entry = tx(store, () -> new AuditTrail(em).page(ALL)).entries().get(0);
            assertEquals(new AuditTarget(AuditTarget.HTTP, "general"), entry.target());
            assertEquals(List.of(new AuditChange("bindport", "18088", "18099"), new AuditChange("enable_static", "false", "true"),
                    new AuditChange("redirect", "", "/ /asterisk/rawman")), entry.changes());
            assertRefused(Reason.INVALID, () -> store.replaceHttpGeneralSettings(ACTOR, ANY, with(write.state().values(),
                    "bindport", 0, "redirect", List.of("/only-one"))), "bindport", "redirect");
        });
    }

    @OnEachDatabase
    void templatesWithTheirInheritorsAndTheImportDiff(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, HTTP_CONF, (store, db) -> {
            List<Templates.Template> templates = tx(store, store::templates);
            assertEquals(List.of("operator", "supervisor"), templates.stream().map(Templates.Template::name).toList());
            assertEquals(List.of("user01", "boss"), templates.get(0).accounts(), "boss through supervisor");
            assertEquals(List.of("boss"), templates.get(1).accounts());
            assertEquals(List.of("operator"), templates.get(1).templates());
            assertEquals(Map.of("write", "system,call"), templates.get(1).options());
            assertEquals(List.of("0.0.0.0/0.0.0.0"), List.of(templates.get(0).options().get("deny")));

            String text = tx(store, () -> store.importedText("manager.conf")).orElseThrow()
                    .replace("write = system,call", "write = all").replace("secret = one", "secret = uno");
            ImportReport dry = tx(store, () -> store.importManagerConf(ACTOR, text, true));
            assertFalse(dry.applied());
            List<ConfigurationDiff.Change> changes = dry.diff().changes();
            assertTrue(changes.contains(new ConfigurationDiff.Change("account", "user01", "changed", List.of(
                    new ConfigurationDiff.FieldChange("secret", ConfigurationDiff.MASK, ConfigurationDiff.MASK)))),
                    changes.toString());
            assertTrue(changes.contains(new ConfigurationDiff.Change("account", "boss", "changed", List.of(
                    new ConfigurationDiff.FieldChange("write", "system,call", "all")))), changes.toString());
            assertTrue(changes.contains(new ConfigurationDiff.Change("template", "supervisor", "changed", List.of(
                    new ConfigurationDiff.FieldChange("write", "system,call", "all")))), changes.toString());
            assertFalse(changes.toString().contains("uno") || changes.toString().contains("one"), changes.toString());
            assertEquals("one", tx(store, store::currentConfiguration).account("user01").orElseThrow().secret(),
                    "a dry run changes nothing");
        });
    }

    @OnEachDatabase
    void aTemplateChangeReachesEveryInheritorAsAnImportWould(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, HTTP_CONF, (store, db) -> {
            Templates.Template operator = tx(store, store::templates).get(0);
            Map<String, Object> options = new LinkedHashMap<>(operator.options());
            options.put("read", "system,call,user");
            options.put("permit", List.of("127.0.0.1/255.255.255.255", "10.0.0.0/8"));
            assertRefused(Reason.STALE, () -> store.replaceTemplate(ACTOR, "operator", "not-the-etag"::equals, options));
            assertRefused(Reason.UNKNOWN, () -> store.replaceTemplate(ACTOR, "user01", ANY, options));
            Map<String, Object> bad = new LinkedHashMap<>(options);
            bad.put("deny", "nowhere");
            ChangeRefused refused = assertRefused(Reason.INVALID,
                    () -> store.replaceTemplate(ACTOR, "operator", ANY, bad), "options.deny");
            // a template is no account: the import finds the line bad in the first account that inherits it
            assertTrue(refused.problems().get(0).reason().startsWith("deny in [user01]: entry 1"),
                    refused.problems().toString());
            assertTrue(announced.isEmpty());

            TemplateWrite write = tx(store, () -> store.replaceTemplate(ACTOR, "OPERATOR", operator.etag()::equals, options));
            assertTrue(write.changed());
            assertEquals(options, write.template().options());
            assertNotEquals(operator.etag(), write.template().etag());
            assertEquals("system,call,user", tx(store, () -> store.account("user01")).orElseThrow().account().read());
            assertEquals("system,call,user", tx(store, () -> store.account("boss")).orElseThrow().account().read(),
                    "through supervisor");
            assertEquals("system,call", tx(store, () -> store.account("boss")).orElseThrow().account().write(),
                    "supervisor's own line stays");
            assertEquals("all", tx(store, () -> store.account("admin")).orElseThrow().account().read());
            ConfigurationDiff diff = announced.get(0).diff();
            assertEquals(List.of("user01", "boss"), diff.accountsChanged());
            assertTrue(diff.changes().contains(new ConfigurationDiff.Change("template", "operator", "changed", List.of(
                    new ConfigurationDiff.FieldChange("read", "system,call", "system,call,user"),
                    new ConfigurationDiff.FieldChange("permit", "127.0.0.1/255.255.255.255",
                            List.of("127.0.0.1/255.255.255.255", "10.0.0.0/8"))))), diff.changes().toString());
            String kept = tx(store, () -> store.importedText("manager.conf")).orElseThrow();
            assertTrue(kept.contains("[operator](!)\nread = system,call,user\n") && kept.contains("[user01](operator)\n"),
                    kept);
            assertTrue(tx(store, () -> store.importManagerConf(ACTOR, kept, true)).diff().isEmpty(), "the next import agrees");
            List<AuditEntry> entries = tx(store, () -> new AuditTrail(em).page(ALL)).entries();
            assertEquals(List.of(new AuditTarget(AuditTarget.ACCOUNT, "boss"), new AuditTarget(AuditTarget.ACCOUNT, "user01"),
                    new AuditTarget(AuditTarget.TEMPLATE, "operator")), entries.subList(0, 3).stream()
                    .map(AuditEntry::target).toList(), "newest first");
            assertEquals(List.of("update", "update", "replace"), entries.subList(0, 3).stream().map(AuditEntry::action)
                    .toList());
            assertEquals(List.of(new AuditChange("read", "system,call", "system,call,user"),
                    new AuditChange("permit", "127.0.0.1/255.255.255.255", "127.0.0.1/255.255.255.255\n10.0.0.0/8")),
                    entries.get(2).changes());
            assertFalse(tx(store, () -> store.replaceTemplate(ACTOR, "operator", ANY, options)).changed());
        });
    }
}
