package dev.ami.api.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessListTest {

    private static AccessList acl(String... lines) {
        List<AclRule> rules = new ArrayList<>();
        for (String line : lines) {
            String[] kv = line.split("=", 2);
            rules.addAll(AclRule.parse(kv[0].equals("permit"), kv[1]));
        }
        return new AccessList(rules);
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void theSampleDenyAllThenPermitOneNetwork() throws Exception {
        AccessList acl = acl("deny=0.0.0.0/0.0.0.0", "permit=209.16.236.73/255.255.255.0");
        assertTrue(acl.permits(ip("209.16.236.1")));
        assertFalse(acl.permits(ip("10.0.0.1")));
    }

    @Test
    void lastMatchWinsAndNoRuleAllows() throws Exception {
        assertTrue(AccessList.ALLOW_ALL.permits(ip("1.2.3.4")));
        AccessList acl = acl("permit=127.0.0.1", "deny=127.0.0.0/8");
        assertFalse(acl.permits(ip("127.0.0.1")));
    }

    @Test
    void ipv4RulesSkipNativeIpv6ClientsButCoverMappedOnes() throws Exception {
        AccessList acl = acl("deny=0.0.0.0/0");
        assertTrue(acl.permits(ip("::1")));
        assertFalse(acl.permits(ip("10.1.1.1")));
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        assertFalse(acl.permits(java.net.Inet6Address.getByAddress(null, mapped, null)));
        AccessList v6 = acl("deny=::/0", "permit=fe80::/10");
        assertTrue(v6.permits(ip("fe80::1")));
        assertFalse(v6.permits(ip("2001:db8::1")));
        assertTrue(v6.permits(ip("10.0.0.1")));
    }

    @Test
    void commaListsAndNegation() throws Exception {
        AccessList acl = acl("deny=0.0.0.0/0", "permit=10.0.0.0/8,!10.9.0.0/16");
        assertTrue(acl.permits(ip("10.1.0.1")));
        assertFalse(acl.permits(ip("10.9.0.1")));
    }

    @Test
    void addressesAreMaskedWhenStored() {
        assertEquals("192.168.1.0/255.255.255.0", AclRule.parse(true, "192.168.1.77/24").get(0).entry());
    }

    @Test
    void badEntriesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AclRule.parse(true, "example.com"));
        assertTrue(e.getMessage().contains("'example.com'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AclRule.parse(true, "10.0.0.300"));
        assertThrows(IllegalArgumentException.class, () -> AclRule.parse(true, "10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> AclRule.parse(true, "10.0.0.0/ffff::"));
    }
}
