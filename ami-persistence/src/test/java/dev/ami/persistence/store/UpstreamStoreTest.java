package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.Upstream;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.store.ChangeRefused.Reason;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

/**
 * Upstreams in the store on each database: upstreams.conf imported, exported and imported back,
 * secrets encrypted at rest and decrypted in the snapshot, accounts' default upstream and upstreams, changes of
 * one upstream with If-Match, and refusals that change nothing.
 */
class UpstreamStoreTest extends StoreTestSupport {

    private static final String MANAGER = """
            [general]
            enabled = yes

            [alice]
            secret = a
            read = all
            write = all
            upstream = pbx1

            [bob]
            secret = b
            upstream = nowhere
            """;

    private static final String UPSTREAMS = """
            [pbx1]
            host = 10.0.0.1
            username = ami
            secret = pbx-s3cret\\;1

            [PBX2]
            host = pbx2.example.com
            port = 5039
            tls = yes
            tlsverify = no
            tlscafile = keys/ca.pem
            username = proxy
            secret = other
            events = system,call
            enabled = no
            nameevents = yes
            """;

    private static final Upstream PBX3 = new Upstream("pbx3", "10.0.0.3", 5038, false, true, "", "ami", "three",
            Authority.of(AuthorityClass.CALL), true, false);

    @OnEachDatabase
    void importedUpstreamsReachTheSnapshotDecryptedAndAreStoredEncrypted(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER, null, (store, db) -> {
            ImportReport report = tx(store, () -> store.importUpstreamsConf(ACTOR, UPSTREAMS, false));
            assertTrue(report.applied());
            assertNull(report.backup(), "nothing was stored before");
            assertEquals(List.of("upstream pbx1: added", "upstream PBX2: added"), report.diff().settingsChanged());
            assertTrue(report.warnings().stream().anyMatch(w -> w.contains("[bob]") && w.contains("nowhere")),
                    report.warnings().toString());
            assertEquals(1, announced.size(), "the connector and the other nodes re-read the store");

            ManagerConfiguration snapshot = tx(store, store::currentConfiguration);
            assertEquals(List.of(new Upstream("pbx1", "10.0.0.1", 5038, false, true, "", "ami", "pbx-s3cret;1",
                    Authority.ALL, true, false), new Upstream("PBX2", "pbx2.example.com", 5039, true, false,
                    conf.resolve("keys/ca.pem").toString(),
                    "proxy", "other", Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CALL), false, true)),
                    snapshot.upstreams());
            assertEquals("pbx1", snapshot.account("alice").map(Account::upstream).orElseThrow());
            assertEquals("nowhere", snapshot.account("bob").map(Account::upstream).orElseThrow(),
                    "an unknown upstream is kept, with a warning");

            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select secret from upstream")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertTrue(rs.getString(1).startsWith("v1:"), "encrypted at rest");
                    assertFalse(rs.getString(1).contains("s3cret"));
                }
                assertEquals(2, rows);
            }

            // export, import back: no change; the import took a backup holding the secrets (the file form)
            String exported = tx(store, store::exportUpstreamsConf);
            ImportReport again = tx(store, () -> store.importUpstreamsConf(ACTOR, exported, false));
            assertTrue(again.diff().isEmpty(), again.diff().toString());
            assertTrue(Files.readString(again.backup()).contains("secret = pbx-s3cret\\;1\n"));
            assertEquals(body(exported), body(tx(store, store::exportUpstreamsConf)));

            // the manager.conf export writes the account's upstream option back
            assertTrue(tx(store, store::exportManagerConf).contains("\nupstream = pbx1\n"));

            // a dry run changes nothing; one bad line refuses the whole file with its place
            ImportReport dry = tx(store, () -> store.importUpstreamsConf(ACTOR, "[pbx9]\nhost=h\nusername=u\nsecret=s\n",
                    true));
            assertFalse(dry.applied());
            assertEquals(List.of("upstream pbx9: added", "upstream pbx1: removed", "upstream PBX2: removed"),
                    dry.diff().settingsChanged());
            ConfigParseException bad = assertThrows(ConfigParseException.class, () -> tx(store,
                    () -> store.importUpstreamsConf(ACTOR, UPSTREAMS.replace("port = 5039", "port = 70000"), false)));
            assertEquals("upstreams.conf:8: port in [PBX2]: a port is a number from 1 to 65535", bad.getMessage());
            ConfigParseException tooLong = assertThrows(ConfigParseException.class, () -> tx(store,
                    () -> store.importUpstreamsConf(ACTOR, UPSTREAMS.replace("pbx2.example.com", "h".repeat(256)), false)));
            assertTrue(tooLong.getMessage().startsWith("upstreams.conf:7: host in [PBX2]: it is 256 characters long"),
                    tooLong.getMessage());
            assertEquals(body(exported), body(tx(store, store::exportUpstreamsConf)));
        });
    }

    @OnEachDatabase
    void oneUpstreamIsCreatedReplacedWithItsSecretKeptAndDeleted(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER, null, (store, db) -> {
            UpstreamState created = tx(store, () -> store.createUpstream(ACTOR, PBX3));
            assertEquals("", created.upstream().secret(), "the state never carries the secret");
            assertEquals(1, announced.size());
            assertRefused(Reason.EXISTS, () -> store.createUpstream(ACTOR, new Upstream("PBX3", "h", 1, false, true, "",
                    "u", "s", Authority.ALL, true, false)), "name");
            assertRefused(Reason.INVALID, () -> store.createUpstream(ACTOR, new Upstream("pbx4", "h", 1, false, true, "",
                    "u", "", Authority.ALL, true, false)), "secret");
            // a line break in the host is refused by the Upstream record itself (it goes into the Login request)
            assertThrows(IllegalArgumentException.class, () -> new Upstream("pbx4", "h\nport = 1", 1, false, true, "", "u",
                    "s", Authority.ALL, true, false));
            assertRefused(Reason.INVALID, () -> store.createUpstream(ACTOR, new Upstream("pbx4", "h", 1, false, true, "",
                    "u".repeat(256), "s", Authority.ALL, true, false)), "username");

            Upstream moved = new Upstream("ignored", "10.0.0.33", 5039, true, true, "", "ami", "", Authority.ALL, true, true);
            assertRefused(Reason.STALE, () -> store.replaceUpstream(ACTOR, "pbx3", etag -> false, moved, true));
            UpstreamState replaced = tx(store, () -> store.replaceUpstream(ACTOR, "PBX3", created.etag()::equals, moved,
                    true));
            assertNotEquals(created.etag(), replaced.etag());
            Upstream now = tx(store, store::currentConfiguration).upstream("pbx3").orElseThrow();
            assertEquals(new Upstream("pbx3", "10.0.0.33", 5039, true, true, "", "ami", "three", Authority.ALL, true, true),
                    now, "the name and the secret are kept");
            assertTrue(em.createQuery("select e from AuditEntryEntity e", Object.class).getResultList().size() >= 2);
            assertEquals(2, announced.size());

            assertRefused(Reason.UNKNOWN, () -> {
                store.deleteUpstream(ACTOR, "pbx9", etag -> true);
                return null;
            });
            tx(store, () -> {
                store.deleteUpstream(ACTOR, "pbx3", replaced.etag()::equals);
                return null;
            });
            assertTrue(tx(store, store::upstreams).isEmpty());
            assertEquals(3, announced.size());
        });
    }

    @OnEachDatabase
    void anAccountNamingAnUnknownUpstreamIsStoredWithAWarning(TestDatabase database) throws Exception {
        onMigratedStore(database, MANAGER, null, (store, db) -> {
            AccountWrite write = tx(store, () -> store.createAccount(ACTOR,
                    AccountDefinition.of("carol", "c", "all", "all").withUpstream("pbx3")));
            assertEquals("pbx3", write.state().account().upstream());
            assertEquals(List.of("upstream"), write.warnings().stream().map(w -> w.field()).toList());
            tx(store, () -> store.createUpstream(ACTOR, PBX3));
            AccountWrite known = tx(store, () -> store.createAccount(ACTOR,
                    AccountDefinition.of("dave", "d", "all", "all").withUpstream("PBX3")));
            assertTrue(known.warnings().isEmpty(), known.warnings().toString());
            assertRefused(Reason.INVALID, () -> store.createAccount(ACTOR,
                    AccountDefinition.of("erin", "e", "all", "all").withUpstream("not a name")), "upstream");
        });
    }

    @OnEachDatabase
    void anAccountsUpstreamsAreStoredWarnedAboutAndReachTheSnapshot(TestDatabase database) throws Exception {
        String manager = MANAGER.replace("upstream = pbx1\n", "upstream = pbx1\nupstreams = pbx1 , PBX2\n");
        onMigratedStore(database, manager, null, (store, db) -> {
            tx(store, () -> store.importUpstreamsConf(ACTOR, UPSTREAMS, false));
            ManagerConfiguration snapshot = tx(store, store::currentConfiguration);
            Account alice = snapshot.account("alice").orElseThrow();
            assertEquals(List.of("pbx1", "PBX2"), alice.upstreams());
            assertTrue(alice.mayUse("pbx2") && !alice.mayUse("pbx3"));
            assertEquals(List.of(), snapshot.account("bob").orElseThrow().upstreams(), "no option: every upstream");
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select upstreams from account where username = 'alice'")) {
                assertTrue(rs.next());
                assertEquals("pbx1,PBX2", rs.getString(1));
            }
            assertTrue(tx(store, store::exportManagerConf).contains("\nupstream = pbx1\nupstreams = pbx1,PBX2\n"));

            // one account at a time: a name no stored upstream has is a warning naming its index
            AccountWrite carol = tx(store, () -> store.createAccount(ACTOR,
                    AccountDefinition.of("carol", "c", "all", "all").withUpstreams(List.of("pbx1", "pbx9"))));
            assertEquals(List.of("upstreams[1]"), carol.warnings().stream().map(w -> w.field()).toList());
            assertEquals(List.of("pbx1", "pbx9"), carol.state().account().upstreams());
            AccountWrite every = tx(store, () -> store.replaceAccount(ACTOR, "carol", carol.state().etag()::equals,
                    carol.state().account().withUpstreams(List.of())));
            assertNotEquals(carol.state().etag(), every.state().etag());
            assertEquals(List.of(), tx(store, store::currentConfiguration).account("carol").orElseThrow().upstreams());
            assertRefused(Reason.INVALID, () -> store.createAccount(ACTOR,
                    AccountDefinition.of("erin", "e", "all", "all").withUpstreams(List.of("pbx1", "not a name"))),
                    "upstreams");

            // the import of manager.conf: a change of the list is the account's, names not stored are warned about
            ImportReport report = tx(store, () -> store.importManagerConf(ACTOR,
                    manager.replace("upstreams = pbx1 , PBX2", "upstreams = pbx1,nowhere2"), true));
            assertEquals(List.of("alice"), report.diff().accountsChanged());
            assertEquals(List.of("carol"), report.diff().accountsRemoved());
            assertTrue(report.warnings().stream().anyMatch(w -> w.contains("[alice]") && w.contains("nowhere2")),
                    report.warnings().toString());
        });
    }

    @OnEachDatabase
    void theFirstStartImportsUpstreamsConfFromTheConfigurationFolder(TestDatabase database) throws Exception {
        Files.writeString(conf.resolve("manager.conf"), MANAGER);
        Files.writeString(conf.resolve("upstreams.conf"), UPSTREAMS);
        onMigratedStore(database, null, null, (store, db) -> {
            tx(store, () -> {
                store.importOnFirstStart();
                return null;
            });
            ManagerConfiguration snapshot = tx(store, store::currentConfiguration);
            assertEquals(List.of("pbx1", "PBX2"), snapshot.upstreams().stream().map(Upstream::name).toList());
            assertEquals("pbx-s3cret;1", snapshot.upstream("PBX1").orElseThrow().secret());
        });
    }
}
