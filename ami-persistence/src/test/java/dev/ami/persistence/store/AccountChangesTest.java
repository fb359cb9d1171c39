package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.Account;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditChange;
import dev.ami.persistence.audit.AuditEntry;
import dev.ami.persistence.audit.AuditQuery;
import dev.ami.persistence.audit.AuditTarget;
import dev.ami.persistence.audit.AuditTrail;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AclLine;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.FilterLine;
import dev.ami.persistence.store.ChangeRefused.Reason;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Changes of one account on each database: applied as an import of manager.conf with that change
 * would be (the kept manager.conf edited too, the change announced), refused with nothing changed
 * when unknown, stale, taken or invalid, and every stored state named by an ETag that changes with
 * it, after an import too.
 */
class AccountChangesTest extends StoreTestSupport {

    private static final String MANAGER_CONF = """
            [general]
            enabled = yes
            bindaddr = 127.0.0.1

            [operator](!)
            read = system,call
            write = system
            deny = 0.0.0.0/0.0.0.0
            permit = 127.0.0.1/255.255.255.255

            [user01](operator)
            secret = one

            [User02](operator)
            secret = two

            [admin]
            secret = s3cret
            read = all
            write = all
            """;

    private static final Predicate<String> ANY = etag -> true;

    private static AccountDefinition carol() {
        return new AccountDefinition("carol", "c-secret", "system,call", "all",
                List.of(new AclLine(false, "0.0.0.0/0"), new AclLine(true, "10.0.0.0/8")), false, true, 300,
                List.of(new FilterLine("eventfilter", "!Event: Newexten"),
                        new FilterLine("eventfilter(action(exclude),header(UserEvent),method(exact))", "Blocked")),
                List.of("ACCOUNTCODE=ops"), List.of("office"));
    }

    private static AccountDefinition withAcl(AccountDefinition a, List<AclLine> acl) {
        return new AccountDefinition(a.username(), a.secret(), a.read(), a.write(), acl, a.allowMultipleLogin(),
                a.displayConnects(), a.writeTimeout(), a.eventFilters(), a.variables(), a.namedAcls());
    }

    @OnEachDatabase
    void createListReadReplaceRenameSecretDelete(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, null, (store, db) -> {
            AccountWrite created = tx(store, () -> store.createAccount(ACTOR, carol()));
            assertTrue(created.changed());
            AccountState carol = created.state();
            assertTrue(carol.hasSecret());
            assertNull(carol.account().secret(), "a state never carries the secret");
            assertEquals(List.of("namedAcls[0]", "variables[0]").stream().sorted().toList(),
                    created.warnings().stream().map(FieldProblem::field).sorted().toList(), "the import's warnings");
            assertEquals(List.of("carol"), announced.get(0).diff().accountsAdded());
            Account live = tx(store, store::currentConfiguration).account("CAROL").orElseThrow();
            assertEquals("c-secret", live.secret());
            assertEquals(300, live.writeTimeoutMillis());
            // GetConfig and UpdateConfig work on the kept manager.conf: it says so too
            String kept = tx(store, () -> store.importedText("manager.conf")).orElseThrow();
            assertTrue(kept.contains("\n[carol]\nsecret = c-secret\nread = system,call\nwrite = all\n"), kept);
            assertEquals(carol, tx(store, () -> store.account("Carol")).orElseThrow());

            AccountPage page = tx(store, () -> store.accounts("", 0, 2));
            assertEquals(4, page.total());
            assertEquals(List.of("admin", "carol"), page.accounts().stream().map(s -> s.account().username()).toList());
            AccountPage users = tx(store, () -> store.accounts("USER", 1, 10));
            assertEquals(2, users.total());
            assertEquals(List.of("User02"), users.accounts().stream().map(s -> s.account().username()).toList());

            // replace an account that inherits from a template: its section says everything itself now
            AccountState user01 = tx(store, () -> store.account("user01")).orElseThrow();
            AccountDefinition replacement = new AccountDefinition("ignored", "ignored too", "user", "user", List.of(),
                    null, null, null, List.of(), List.of(), List.of());
            AccountWrite replaced = tx(store, () -> store.replaceAccount(ACTOR, "USER01", user01.etag()::equals, replacement));
            assertNotEquals(user01.etag(), replaced.state().etag());
            assertEquals("user01", replaced.state().account().username(), "the name is kept");
            assertEquals("one", tx(store, store::currentConfiguration).account("user01").orElseThrow().secret(),
                    "the secret is kept");
            kept = tx(store, () -> store.importedText("manager.conf")).orElseThrow();
            assertTrue(kept.contains("\n[user01]\nsecret = one\nread = user\nwrite = user\n\n"), kept);
            assertTrue(kept.contains("\n[User02](operator)\nsecret = two\n"), "the others are untouched: " + kept);

            // the same again: nothing written, nobody told, the same ETag
            int told = announced.size();
            AccountWrite same = tx(store, () -> store.replaceAccount(ACTOR, "user01", ANY, replacement));
            assertFalse(same.changed());
            assertEquals(replaced.state().etag(), same.state().etag());
            assertEquals(told, announced.size());

            AccountWrite renamed = tx(store, () -> store.renameAccount(ACTOR, "user02", ANY, "robert"));
            assertEquals("robert", renamed.state().account().username());
            assertEquals(List.of("robert"), announced.get(announced.size() - 1).diff().accountsAdded());
            assertEquals(List.of("User02"), announced.get(announced.size() - 1).diff().accountsRemoved());
            assertEquals("two", tx(store, store::currentConfiguration).account("robert").orElseThrow().secret());
            assertTrue(tx(store, () -> store.account("user02")).isEmpty());
            kept = tx(store, () -> store.importedText("manager.conf")).orElseThrow();
            // in its place, with the lines it had from its template as its own
            assertTrue(kept.contains("\n[user01]\nsecret = one\nread = user\nwrite = user\n\n[robert]\nsecret = two\n"
                    + "read = system,call\nwrite = system\ndeny = 0.0.0.0/0.0.0.0\n") && !kept.contains("User02"), kept);

            // the same secret again changes nothing; another changes the ETag, though the state shows no secret
            String before = tx(store, () -> store.account("robert")).orElseThrow().etag();
            assertFalse(tx(store, () -> store.setAccountSecret(ACTOR, "robert", before::equals, "two")).changed());
            AccountWrite secret = tx(store, () -> store.setAccountSecret(ACTOR, "robert", before::equals, "three"));
            assertNotEquals(before, secret.state().etag());
            assertEquals("three", tx(store, store::currentConfiguration).account("robert").orElseThrow().secret());
            AccountWrite none = tx(store, () -> store.setAccountSecret(ACTOR, "robert", ANY, null));
            assertFalse(none.state().hasSecret());
            assertNull(tx(store, store::currentConfiguration).account("robert").orElseThrow().secret());

            AccountWrite deleted = tx(store, () -> store.deleteAccount(ACTOR, "carol", ANY));
            assertNull(deleted.state());
            assertEquals(List.of("carol"), announced.get(announced.size() - 1).diff().accountsRemoved());
            assertTrue(tx(store, store::currentConfiguration).account("carol").isEmpty());
            assertFalse(tx(store, () -> store.importedText("manager.conf")).orElseThrow().contains("[carol]"));
        });
    }

    @OnEachDatabase
    void refusedChangesChangeNothing(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, null, (store, db) -> {
            String export = body(tx(store, store::exportManagerConf));
            String kept = tx(store, () -> store.importedText("manager.conf")).orElseThrow();
            String etag = tx(store, () -> store.account("admin")).orElseThrow().etag();
            int told = announced.size();

            assertRefused(Reason.EXISTS, () -> store.createAccount(ACTOR, withName(carol(), "ADMIN")));
            assertRefused(Reason.EXISTS, () -> store.createAccount(ACTOR, withName(carol(), "Operator")), "name");
            assertRefused(Reason.EXISTS, () -> store.renameAccount(ACTOR, "user01", ANY, "admin"));
            ChangeRefused invalid = assertRefused(Reason.INVALID, () -> store.createAccount(ACTOR,
                    withAcl(carol(), List.of(new AclLine(true, "10.0.0.0/8"), new AclLine(false, "nowhere")))), "acl[1]");
            assertTrue(invalid.problems().get(0).reason().startsWith("deny in [carol]: entry 1"),
                    invalid.problems().get(0).reason());
            assertRefused(Reason.INVALID, () -> store.createAccount(ACTOR, withName(carol(), "general")), "name");
            assertRefused(Reason.INVALID, () -> store.setAccountSecret(ACTOR, "admin", ANY, "line\nbreak"), "secret");
            assertRefused(Reason.UNKNOWN, () -> store.deleteAccount(ACTOR, "nobody", ANY));
            assertRefused(Reason.UNKNOWN, () -> store.replaceAccount(ACTOR, "nobody", ANY, carol()));
            assertRefused(Reason.STALE, () -> store.deleteAccount(ACTOR, "admin", "not-the-etag"::equals));
            assertRefused(Reason.STALE, () -> store.setAccountSecret(ACTOR, "admin", "not-the-etag"::equals, "x"));
            assertRefused(Reason.STALE, () -> store.renameAccount(ACTOR, "admin", "not-the-etag"::equals, "root"));

            assertEquals(export, body(tx(store, store::exportManagerConf)));
            assertEquals(kept, tx(store, () -> store.importedText("manager.conf")).orElseThrow());
            assertEquals(etag, tx(store, () -> store.account("admin")).orElseThrow().etag());
            assertEquals(told, announced.size(), "nobody was told of a refused change");
        });
    }

    @OnEachDatabase
    void anImportOfTheSameFileStillChangesEveryEtag(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, null, (store, db) -> {
            String admin = tx(store, () -> store.account("admin")).orElseThrow().etag();
            String user01 = tx(store, () -> store.account("user01")).orElseThrow().etag();
            assertEquals(admin, tx(store, () -> store.account("admin")).orElseThrow().etag(), "stable while unchanged");
            tx(store, () -> importManager(store, MANAGER_CONF));
            assertNotEquals(admin, tx(store, () -> store.account("admin")).orElseThrow().etag());
            assertNotEquals(user01, tx(store, () -> store.account("user01")).orElseThrow().etag());
            assertRefused(Reason.STALE, () -> store.deleteAccount(ACTOR, "admin", admin::equals));
        });
    }

    @OnEachDatabase
    void everyChangeIsAuditedInItsTransactionWithSecretsMasked(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, null, (store, db) -> {
            AuditTrail trail = new AuditTrail(em);
            long before = tx(store, () -> trail.page(ALL).total());
            Actor alice = new Actor("alice", "192.0.2.7", Actor.CONSOLE);
            tx(store, () -> store.createAccount(alice, carol()));
            String etag = tx(store, () -> store.account("carol")).orElseThrow().etag();
            tx(store, () -> store.replaceAccount(ACTOR, "carol", etag::equals, withAcl(carol(),
                    List.of(new AclLine(true, "192.168.0.0/16")))));
            tx(store, () -> store.setAccountSecret(ACTOR, "carol", ANY, "another"));
            tx(store, () -> store.renameAccount(ACTOR, "carol", ANY, "caroline"));
            tx(store, () -> store.deleteAccount(alice, "caroline", ANY));
            assertRefused(Reason.INVALID, () -> store.createAccount(alice, withAcl(carol(),
                    List.of(new AclLine(true, "nowhere")))));

            List<AuditEntry> entries = tx(store, () -> trail.page(ALL)).entries();
            assertEquals(before + 5, tx(store, () -> trail.page(ALL).total()), "the refused change left no entry");
            assertEquals(List.of("delete", "rename", "secret", "replace", "create"),
                    entries.subList(0, 5).stream().map(AuditEntry::action).toList(), "newest first");
            AuditEntry created = entries.get(4);
            assertEquals(alice, created.actor());
            assertEquals(AuditTarget.account("carol"), created.target());
            assertEquals(new AuditChange("secret", null, AuditChange.SECRET_MASK), change(created, "secret"));
            assertEquals(new AuditChange("acl", null, "deny = 0.0.0.0/0\npermit = 10.0.0.0/8"), change(created, "acl"));
            assertEquals(new AuditChange("writeTimeout", null, "300"), change(created, "writeTimeout"));
            assertEquals(List.of(new AuditChange("acl", "deny = 0.0.0.0/0\npermit = 10.0.0.0/8",
                    "permit = 192.168.0.0/16")), entries.get(3).changes(), "only what changed");
            assertEquals(List.of(new AuditChange("secret", AuditChange.SECRET_MASK, AuditChange.SECRET_MASK)),
                    entries.get(2).changes());
            assertEquals(List.of(new AuditChange("name", "carol", "caroline")), entries.get(1).changes());
            assertEquals(AuditTarget.account("caroline"), entries.get(0).target());
            assertEquals(new AuditChange("read", "system,call", null), change(entries.get(0), "read"));
            for (AuditEntry e : entries) {
                for (AuditChange c : e.changes()) {
                    assertFalse(String.valueOf(c.before()).contains("c-secret") || String.valueOf(c.after())
                            .contains("another"), "no secret in clear: " + c);
                }
            }
            assertEquals(3, tx(store, () -> trail.page(new AuditQuery("CAROL", null, null, null, 0, 10))).total(),
                    "an account's entries, by the name each change had (a rename goes under the new name)");
            assertEquals(2, tx(store, () -> trail.page(new AuditQuery(null, "Alice", null, null, 0, 10))).total());
            Instant later = Instant.now().plusSeconds(60);
            assertEquals(0, tx(store, () -> trail.page(new AuditQuery(null, null, later, null, 0, 10))).total());
            assertEquals(before + 5, tx(store, () -> trail.page(new AuditQuery(null, null, null, later, 0, 10))).total());
            assertEquals(List.of("rename"), tx(store, () -> trail.page(new AuditQuery(null, ACTOR.name(), null, null,
                    0, 1))).entries().stream().map(AuditEntry::action).toList(), "paged");
        });
    }

    @OnEachDatabase
    void anImportIsAuditedAsAWholeAndPerAccount(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER_CONF, null, (store, db) -> {
            AuditTrail trail = new AuditTrail(em);
            long before = tx(store, () -> trail.page(ALL).total());
            Actor script = new Actor("admin", "127.0.0.1", Actor.AMI_CONFIG);
            tx(store, () -> store.importManagerConf(script, MANAGER_CONF.replace("enabled = yes", "enabled = yes\n"
                    + "displayconnects = no").replace("secret = two", "secret = zwei").replace("[admin]", "[root]"), false));
            List<AuditEntry> entries = tx(store, () -> trail.page(ALL)).entries().subList(0,
                    (int) (tx(store, () -> trail.page(ALL).total()) - before));
            assertEquals(List.of("manager.conf", "general", "root", "User02", "admin"),
                    entries.stream().map(e -> e.target().name()).sorted(String.CASE_INSENSITIVE_ORDER).toList()
                            .stream().sorted((a, b) -> order(a) - order(b)).toList());
            entries.forEach(e -> assertEquals(script, e.actor()));
            entries.forEach(e -> assertEquals("import", e.action()));
            AuditEntry file = entries.stream().filter(e -> e.target().kind().equals(AuditTarget.MANAGER_CONF)).findFirst()
                    .orElseThrow();
            assertEquals("root", change(file, "accountsAdded").after());
            assertEquals("User02", change(file, "accountsChanged").after());
            assertEquals("admin", change(file, "accountsRemoved").after());
            assertTrue(change(file, "backup").after().contains("manager.conf."), "the backup is named");
            AuditEntry user02 = entries.stream().filter(e -> e.target().name().equals("User02")).findFirst().orElseThrow();
            assertEquals(List.of(new AuditChange("secret", AuditChange.SECRET_MASK, AuditChange.SECRET_MASK)),
                    user02.changes());
            AuditEntry general = entries.stream().filter(e -> e.target().kind().equals(AuditTarget.GENERAL)).findFirst()
                    .orElseThrow();
            assertEquals(List.of(new AuditChange("displayConnects", "true", "false")), general.changes());
            // a dry run changes nothing, so records nothing
            long now = tx(store, () -> trail.page(ALL).total());
            tx(store, () -> store.importManagerConf(script, MANAGER_CONF, true));
            assertEquals(now, tx(store, () -> trail.page(ALL).total()));
        });
    }

    private static final AuditQuery ALL = new AuditQuery(null, null, null, null, 0, 1000);

    private static int order(String target) {
        return List.of("manager.conf", "general", "root", "User02", "admin").indexOf(target);
    }

    private static AuditChange change(AuditEntry entry, String field) {
        return entry.changes().stream().filter(c -> c.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(field + " not in " + entry));
    }

    private static AccountDefinition withName(AccountDefinition a, String name) {
        return new AccountDefinition(name, a.secret(), a.read(), a.write(), a.acl(), a.allowMultipleLogin(),
                a.displayConnects(), a.writeTimeout(), a.eventFilters(), a.variables(), a.namedAcls());
    }
}
