package dev.ami.persistence.manager;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.AdmissionPolicy;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.persistence.conf.ConfigParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagerConfReaderTest {

    @Test
    void readsGeneralAndAccounts() throws Exception {
        ImportedConfiguration c = ManagerConfReader.read("""
                [general]
                enabled = yes
                port = 0x13BE
                bindaddr = 127.0.0.1:9999
                displayconnects = no
                [user](!)
                read = system
                [admin](user)
                secret = s3cret
                write = all
                [nosecret]
                read = call
                """);
        assertEquals(GeneralSettings.builder().enabled(true).bindAddress("127.0.0.1").port(5054).displayConnects(false)
                .tls(new TlsSettings(false, "127.0.0.1", 5039, "asterisk.pem", "", "")).build(), c.general());
        assertEquals(List.of(AccountDefinition.of("admin", "s3cret", "system", "all"),
                AccountDefinition.of("nosecret", null, "call", "")), c.accounts());
        assertEquals(Authority.parse("system"), c.accounts().get(0).toAccount(c.general()).read());
        assertNull(c.accounts().get(1).toAccount(c.general()).secret());
    }

    @Test
    void amisLockoutAndAdmissionOptionsAreReadAndABadOneIsRefusedWithItsLine() throws Exception {
        assertEquals(LockoutPolicy.DEFAULTS, ManagerConfReader.read("[general]\n").general().lockout());
        ImportedConfiguration c = ManagerConfReader.read("""
                [general]
                ami_lockout_failures = 5
                ami_lockout_source_failures = 0
                ami_lockout_account_failures = 1000
                ami_login_backoff_after = 1
                ami_lockout_minutes = 60
                """);
        assertEquals(new LockoutPolicy(5, 0, 1000, 1, Duration.ofMinutes(60)), c.general().lockout());
        assertEquals(new AdmissionPolicy(4, 0), ManagerConfReader.read(
                "[general]\nami_authlimit_per_address = 4\nami_authlimit_per_network = 0\n").general().admission());
        assertEquals(AdmissionPolicy.DEFAULTS, c.general().admission());
        assertEquals(List.of(), c.warnings(), "known options");
        for (String bad : new String[] {"ami_lockout_failures = -1", "ami_lockout_minutes = 0",
                "ami_lockout_source_failures = many", "ami_lockout_account_failures = 1000001",
                "ami_authlimit_per_address = -2"}) {
            ConfigParseException e = assertThrows(ConfigParseException.class,
                    () -> ManagerConfReader.read("[general]\n" + bad + "\n"));
            assertEquals("manager.conf:2: " + bad.substring(0, bad.indexOf(' ')) + " must be a whole number from "
                    + (bad.startsWith("ami_lockout_minutes") ? 1 : 0) + " to 1000000", e.getMessage());
        }
        String exported = ManagerConfWriter.write(c, null);
        assertTrue(exported.contains("ami_lockout_failures = 5\n") && exported.contains("ami_lockout_minutes = 60\n"),
                exported);
        assertEquals(c.general().lockout(), ManagerConfReader.read(exported).general().lockout());
        assertFalse(ManagerConfWriter.write(ManagerConfReader.read("[general]\n"), null).contains("ami_"),
                "the defaults stay out of a file Asterisk may read");
    }

    @Test
    void tlsOptionsTheirAliasesAndPorts() throws Exception {
        TlsSettings tls = ManagerConfReader.read("""
                [general]
                port = 5038
                bindaddr = 10.0.0.1
                sslenable = yes
                tlsbindaddr = 127.0.0.1:5038
                sslcert = keys/ami.pem
                tlsprivatekey = keys/ami.key
                tlscipher = HIGH:!aNULL
                """).general().tls();
        // a TLS port equal to the TCP port falls back to 5039, as in Asterisk
        assertEquals(new TlsSettings(true, "127.0.0.1", 5039, "keys/ami.pem", "keys/ami.key", "HIGH:!aNULL"), tls);
        assertEquals(6039, ManagerConfReader.read("[general]\ntlsbindaddr = [::1]:6039\n").general().tls().port());
        assertEquals("::1", ManagerConfReader.read("[general]\ntlsbindaddr = [::1]:6039\n").general().tls().bindAddress());
    }

    @Test
    void withoutGeneralTheDefaultsApply() throws Exception {
        assertEquals(GeneralSettings.DEFAULTS, ManagerConfReader.read("[a]\nsecret=x\n").general());
    }

    @Test
    void accountOptionsAndAclsAreReadInOrderWithGeneralDefaults() throws Exception {
        ImportedConfiguration c = ManagerConfReader.read("""
                [general]
                allowmultiplelogin = no
                displayconnects = no
                [a]
                secret = x
                deny = 0.0.0.0/0.0.0.0
                permit = 127.0.0.1/255.255.255.255, !127.0.0.2
                writetimeout = 250
                [b]
                allowmultiplelogin = yes
                writetimeout = 50
                """);
        AccountDefinition a = c.accounts().get(0);
        assertEquals(List.of(new AclLine(false, "0.0.0.0/0.0.0.0"), new AclLine(true, "127.0.0.1/255.255.255.255, !127.0.0.2")),
                a.acl());
        var account = a.toAccount(c.general());
        assertEquals(3, account.acl().rules().size());
        assertEquals(false, account.allowMultipleLogin());
        assertEquals(false, account.displayConnects());
        assertEquals(250, account.writeTimeoutMillis());
        var b = c.accounts().get(1).toAccount(c.general());
        assertEquals(true, b.allowMultipleLogin());
        assertEquals(100, b.writeTimeoutMillis());
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("manager.conf:11: writetimeout must be a number")),
                c.warnings().toString());
    }

    @Test
    void ipv4OnlyRulesOnAnIpv6ListenerAreWarnedAbout() throws Exception {
        String account = "[a]\nsecret = x\ndeny = 0.0.0.0/0.0.0.0\npermit = 127.0.0.1\n";
        // bindaddr :: (the default): a native IPv6 client passes IPv4 rules
        List<String> warnings = ManagerConfReader.read(account).warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("manager.conf:3: the permit/deny rules of [a] are all IPv4 while the"
                + " listener accepts IPv6 clients (an IPv6 bindaddr or tlsbindaddr)"), warnings.get(0));
        // an IPv6 rule covers them; an IPv4 listener has no IPv6 clients; rules that only permit deny no one
        assertEquals(List.of(), ManagerConfReader.read(account + "deny = ::/0\n").warnings());
        assertEquals(List.of(), ManagerConfReader.read("[general]\nbindaddr = 0.0.0.0\n" + account).warnings());
        assertEquals(List.of(), ManagerConfReader.read("[a]\nsecret = x\npermit = 10.0.0.0/8\n").warnings());
    }

    @Test
    void aClassNameWithABlankAfterTheCommaIsWarnedAbout() throws Exception {
        List<String> warnings = ManagerConfReader.read("[general]\nbindaddr = 0.0.0.0\n[a]\nsecret = x\n"
                + "read = system, call\nwrite = System\n").warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("manager.conf:5: read relies on Asterisk's matcher quirks")
                && warnings.get(0).endsWith("it grants system,all"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("manager.conf:6: write relies") && warnings.get(1).endsWith(
                "it grants <none>"), warnings.get(1));
    }

    @Test
    void eventFiltersAreKeptInOrderAndABadOneNamesItsLine() throws Exception {
        ImportedConfiguration c = ManagerConfReader.read("""
                [filtered]
                secret = pw3
                eventfilter = Event: UserEvent
                eventfilter(action(exclude),header(UserEvent),method(exact)) = Blocked
                """);
        assertEquals(List.of(new FilterLine("eventfilter", "Event: UserEvent"),
                new FilterLine("eventfilter(action(exclude),header(UserEvent),method(exact))", "Blocked")),
                c.accounts().get(0).eventFilters());
        assertEquals(2, c.accounts().get(0).toAccount(c.general()).eventFilters().size());
        assertEquals(List.of(), c.warnings());
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> ManagerConfReader.read("[a]\n\neventfilter = XX[X\n"));
        assertEquals("manager.conf:3: eventfilter in [a]: its pattern is not a regular expression that compiles",
                e.getMessage());
        assertEquals("manager.conf:3: 'eventfilter(method(sometimes))' in [a]: method(sometimes) is not regex, exact,"
                + " starts_with, ends_with, contains or none", assertThrows(ConfigParseException.class,
                        () -> ManagerConfReader.read("[a]\n\neventfilter(method(sometimes)) = x\n")).getMessage());
    }

    @Test
    void aBadAclLineIsAnErrorWithItsLine() {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> ManagerConfReader.read("[a]\nsecret = x\npermit = localhost\n"));
        assertEquals("manager.conf:3: permit in [a]: entry 1 is not an IPv4 or IPv6 address with an optional mask",
                e.getMessage());
        assertEquals("manager.conf:3: deny in [a]: entry 2: a prefix of 33 bits is too long", assertThrows(
                ConfigParseException.class, () -> ManagerConfReader.read("[a]\nsecret = x\ndeny = 10.0.0.0/8, !1.2.3.4/33\n"))
                .getMessage());
    }

    @Test
    void aBadPortIsAnErrorWithItsLine() {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> ManagerConfReader.read("[general]\n\nport = 80\n"));
        assertEquals("manager.conf:3: port: Invalid port number (must be 1024-65535)", e.getMessage());
    }

    @Test
    void unsupportedOptionsAndQuirkyListsAreWarnedAbout() throws Exception {
        ImportedConfiguration c = ManagerConfReader.read("[general]\nauthlimit = 0\n[a]\nread = system,,call\n"
                + "setvar = A=b\nacl = office, lab\nwebsocket = yes\n");
        assertEquals(5, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().get(0).startsWith("manager.conf:2: authlimit is not a number of at least 1"),
                c.warnings().get(0));
        assertTrue(c.warnings().get(1).contains("grants system,call,log"), c.warnings().get(1));
        // stored, and reported as not acted on
        assertEquals("manager.conf:7: option 'websocket' in [a] is not supported by this version and was not imported",
                c.warnings().get(2));
        assertEquals("manager.conf:5: setvar in [a] is stored and shown by manager show user; this version has no"
                + " Originate to set it on", c.warnings().get(3));
        assertEquals("manager.conf:6: acl in [a] is stored but not applied: this version has no named"
                + " ACLs (acl.conf); use permit/deny", c.warnings().get(4));
        assertEquals(java.util.List.of("A=b"), c.accounts().get(0).variables());
        assertEquals(java.util.List.of("office", "lab"), c.accounts().get(0).namedAcls());
    }

    @Test
    void theShippedSampleHasTheTwoDocumentedAccounts() throws Exception {
        Path sample = Path.of("..", "conf", "manager.conf");
        ImportedConfiguration c = ManagerConfReader.read(Files.readString(sample));
        assertTrue(c.general().enabled());
        assertEquals("127.0.0.1", c.general().bindAddress());
        assertEquals(5038, c.general().port());
        assertEquals(List.of("admin", "monitor"), c.accounts().stream().map(AccountDefinition::username).toList());
        assertEquals(Authority.ALL, c.accounts().get(0).toAccount(c.general()).write());
        assertEquals(Authority.parse("system,call"), c.accounts().get(1).toAccount(c.general()).read());
        assertEquals(Authority.parse("system"), c.accounts().get(1).toAccount(c.general()).write());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void eventAndHttpOptionsAsAsteriskSplitsThem() throws Exception {
        GeneralSettings g = ManagerConfReader.read("[general]\nwebenabled = yes\nhttptimeout = 90\n"
                + "channelvars = ACCOUNT, CUT(CALLERID(num),-,1) ,X\ndisabledevents = Newexten,  VarSet ,\n").general();
        assertEquals(true, g.webEnabled());
        assertEquals(90, g.httpTimeoutSeconds());
        assertEquals(java.util.List.of("ACCOUNT", "CUT(CALLERID(num),-,1)", "X"), g.channelVars());
        assertEquals(java.util.List.of("Newexten", "VarSet "), g.disabledEvents());
    }

    @Test
    void aValueLongerThanItsColumnIsRefusedWithItsLineAndWithoutTheValue() {
        String secret = "\u00e9".repeat(351); // 702 UTF-8 bytes
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> ManagerConfReader.read("[a]\n\nsecret = " + secret + "\n"));
        assertEquals("manager.conf:3: secret in [a]: 702 bytes long; a secret is stored with at most "
                + StoredLengths.SECRET_BYTES, e.getMessage());
        assertEquals("manager.conf:2: read in [a]: its value is 1025 characters long; at most 1024 are stored",
                assertThrows(ConfigParseException.class, () -> ManagerConfReader.read("[a]\nread = "
                        + "x".repeat(1025) + "\n")).getMessage());
        assertTrue(assertThrows(ConfigParseException.class, () -> ManagerConfReader.read("[a]\nsecret = x\n"
                + ("setvar = V=" + "v".repeat(997) + "\n").repeat(5))).getMessage()
                .startsWith("manager.conf:7: setvar in [a]: the setvar lines of [a] come to 5000 characters"));
        assertTrue(assertThrows(ConfigParseException.class, () -> ManagerConfReader.read("[" + "n".repeat(256)
                + "]\nsecret = x\n")).getMessage().startsWith("manager.conf:1: the section name is 256 characters"));
        assertTrue(assertThrows(ConfigParseException.class, () -> ManagerConfReader.read("[general]\ntlscert = "
                + "c".repeat(1025) + "\n")).getMessage().startsWith("manager.conf:2: tlscert in [general]: its value is"));
        assertTrue(assertThrows(ConfigParseException.class, () -> ManagerConfReader.read("[general]\ntlsdisablev1 = "
                + "y".repeat(1020) + "\n")).getMessage().startsWith("manager.conf:2: tlsdisablev1 in [general]: the TLS"
                + " flag lines of [general] come to"));
        // single-valued lists: only the last line is kept, so only it counts
        assertEquals(List.of("B".repeat(3000)), assertDoesNotThrow(() -> ManagerConfReader.read("[general]\n"
                + "channelvars = " + "A".repeat(3000) + "\nchannelvars = " + "B".repeat(3000) + "\n")).general().channelVars());
        assertTrue(assertThrows(ConfigParseException.class, () -> ManagerConfReader.read("[a]\neventfilter = "
                + "y".repeat(1025) + "\n")).getMessage().startsWith("manager.conf:2: eventfilter in [a]: its value is"));
    }

    @Test
    void warningsAndErrorsNameTheOptionTruncatedAndEscapedAndNeverAValue() throws Exception {
        String odd = "k".repeat(50) + "\u0000\u001b";
        List<String> warnings = ManagerConfReader.read("[general]\nauthtimeout = s3cretVALUE1\nwebenabled = s3cretVALUE2\n"
                + "[a]\nsecret = x\n" + odd + " = s3cretVALUE3\nwritetimeout = s3cretVALUE4\nsetvar = s3cretVALUE5\n"
                + "acl = s3cretVALUE6\nread = s3cretVALUE7, call\n").warnings();
        assertFalse(warnings.toString().contains("s3cretVALUE"), warnings.toString());
        assertTrue(warnings.contains("manager.conf:6: option '" + "k".repeat(40) + "…' in [a] is not supported by this version"
                + " and was not imported"), warnings.toString());
        // errors name the section truncated and escaped too, and never the value
        String section = "[" + "s".repeat(60) + "\u0007]\nsecret = x\n";
        for (String text : new String[] {"[general]\nport = s3cretVALUE\n", section + "permit = s3cretVALUE\n",
                section + "eventfilter = s3cretVALUE[\n", section + "read = " + "s3cretVALUE".repeat(100) + "\n"}) {
            ConfigParseException e = assertThrows(ConfigParseException.class, () -> ManagerConfReader.read(text));
            assertFalse(e.getMessage().contains("s3cretVALUE"), e.getMessage());
            assertFalse(e.getMessage().contains("s".repeat(41)) || e.getMessage().contains("\u0007"), e.getMessage());
        }
    }
}
