package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AclLine;
import dev.ami.persistence.manager.FilterLine;
import dev.ami.persistence.secret.SecretCipher;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ETag of an account is a digest of every column of its row, so that no change keeps it. */
class AccountDigestTest {

    @TempDir
    Path data;

    private static final AccountDefinition BASE = new AccountDefinition("bob", null, "system", "call",
            List.of(new AclLine(true, "10.0.0.0/8")), true, false, 200, List.of(new FilterLine("eventfilter", "x")),
            List.of("A=1"), List.of("office"));

    @Test
    void everyColumnCountsAndTheSameRowGivesTheSameDigest() throws Exception {
        SecretCipher cipher = SecretCipher.inDataDir(data);
        AccountDefinition b = BASE;
        List<AccountDefinition> variants = List.of(b,
                new AccountDefinition("Bob", null, b.read(), b.write(), b.acl(), true, false, 200, b.eventFilters(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", "s", b.read(), b.write(), b.acl(), true, false, 200, b.eventFilters(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, "system,call", b.write(), b.acl(), true, false, 200, b.eventFilters(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), "", b.acl(), true, false, 200, b.eventFilters(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), b.write(), List.of(new AclLine(false, "10.0.0.0/8")), true,
                        false, 200, b.eventFilters(), b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), b.write(), List.of(), true, false, 200, b.eventFilters(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), b.write(), b.acl(), null, false, 200, b.eventFilters(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), b.write(), b.acl(), true, null, 200, b.eventFilters(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), b.write(), b.acl(), true, false, null, b.eventFilters(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), b.write(), b.acl(), true, false, 200,
                        List.of(new FilterLine("eventfilter(action(include))", "x")), b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), b.write(), b.acl(), true, false, 200, List.of(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), b.write(), b.acl(), true, false, 200, b.eventFilters(),
                        List.of("A=2"), b.namedAcls()),
                new AccountDefinition("bob", null, b.read(), b.write(), b.acl(), true, false, 200, b.eventFilters(),
                        b.variables(), List.of()),
                // text moved between two columns: no longer the same row
                new AccountDefinition("bob", null, "systemcall", "", b.acl(), true, false, 200, b.eventFilters(),
                        b.variables(), b.namedAcls()),
                new AccountDefinition("bob", null, "system", "call", b.acl(), true, false, 200, b.eventFilters(),
                        List.of("A=1", ""), b.namedAcls()),
                b.withUpstream("pbx1"),
                b.withUpstreams(List.of("pbx1")),
                b.withUpstreams(List.of("pbx1", "pbx2")));
        Set<String> digests = new HashSet<>();
        for (AccountDefinition v : variants) {
            digests.add(new AccountEntity(v, cipher).digest());
        }
        assertEquals(variants.size(), digests.size(), "each variant has a digest of its own");
        assertEquals(new AccountEntity(BASE, cipher).digest(), new AccountEntity(BASE, cipher).digest());
        // a secret is encrypted with a new nonce each time: the same secret set again is another row
        AccountDefinition withSecret = variants.get(2);
        assertNotEquals(new AccountEntity(withSecret, cipher).digest(), new AccountEntity(withSecret, cipher).digest());
    }
}
