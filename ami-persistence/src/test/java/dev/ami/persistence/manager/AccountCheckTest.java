package dev.ami.persistence.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An account given field by field is refused exactly when manager.conf with its lines would be,
 * with the import's reason on the field concerned, and never with a value in the reason.
 */
class AccountCheckTest {

    private static final Optional<ConfigSection> GENERAL = general("[general]\nbindaddr = 127.0.0.1\n");

    private static Optional<ConfigSection> general(String text) {
        try {
            return AsteriskConfigParser.parse("manager.conf", text).section("general");
        } catch (ConfigParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AccountDefinition account(List<AclLine> acl, List<FilterLine> filters, List<String> variables) {
        return new AccountDefinition("bob", "s3cret", "system,call", "all", acl, false, null, 250, filters, variables,
                List.of());
    }

    private static AccountDefinition withSecret(String secret) {
        AccountDefinition a = account(List.of(), List.of(), List.of());
        return new AccountDefinition(a.username(), secret, a.read(), a.write(), a.acl(), a.allowMultipleLogin(),
                a.displayConnects(), a.writeTimeout(), a.eventFilters(), a.variables(), a.namedAcls());
    }

    private static AccountDefinition named(String name) {
        AccountDefinition a = account(List.of(), List.of(), List.of());
        return new AccountDefinition(name, a.secret(), a.read(), a.write(), a.acl(), a.allowMultipleLogin(),
                a.displayConnects(), a.writeTimeout(), a.eventFilters(), a.variables(), a.namedAcls());
    }

    /** What the import says of the same account written into manager.conf: accepted (empty) or its refusal. */
    private static Optional<String> imported(AccountDefinition account) {
        try {
            String text = ManagerConfWriter.write(new ImportedConfiguration(ManagerConfReader.read(GENERAL_TEXT).general(),
                    List.of(account), List.of()), null);
            ManagerConfReader.read(text);
            return Optional.empty();
        } catch (ConfigParseException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static final String GENERAL_TEXT = "[general]\nbindaddr = 127.0.0.1\n";

    @Test
    void aValidAccountHasNoErrors() {
        AccountDefinition good = account(List.of(new AclLine(false, "0.0.0.0/0.0.0.0"),
                new AclLine(true, "10.0.0.0/8,!10.1.0.0/16")),
                List.of(new FilterLine("eventfilter", "!Event: Newexten"),
                        new FilterLine("eventfilter(action(exclude),header(UserEvent),method(exact))", "Blocked")),
                List.of("ACCOUNTCODE=ops"));
        AccountCheck.Result result = AccountCheck.check(good, GENERAL);
        assertEquals(List.of(), result.errors());
        assertEquals(Optional.empty(), imported(good));
        // the import's warning for setvar, on its field
        assertEquals(List.of("variables[0]"), result.warnings().stream().map(FieldProblem::field).toList());
    }

    @Test
    void everyBadFieldIsNamedWithTheImportsReasonAndTheImportRefusesItToo() {
        AccountDefinition bad = account(List.of(new AclLine(true, "127.0.0.1"), new AclLine(true, "10.0.0.0/33"),
                new AclLine(false, "nowhere")),
                List.of(new FilterLine("eventfilter", "ok"), new FilterLine("eventfilter", "!(unclosed"),
                        new FilterLine("eventfilter(method(exact))", "")),
                List.of());
        AccountCheck.Result result = AccountCheck.check(bad, GENERAL);
        assertEquals(List.of("acl[1]", "acl[2]", "eventFilters[1]", "eventFilters[2]"),
                result.errors().stream().map(FieldProblem::field).toList());
        assertEquals("permit in [bob]: entry 1: a prefix of 33 bits is too long", result.errors().get(0).reason());
        assertEquals("eventfilter in [bob]: its pattern is not a regular expression that compiles",
                result.errors().get(2).reason());
        // the import refuses the same account, at the first of those lines, for the same reason
        String refusal = imported(bad).orElseThrow();
        assertTrue(refusal.endsWith(": " + result.errors().get(0).reason()), refusal);
    }

    @Test
    void aSecretThatWouldNotReadBackIsRefusedWithoutQuotingIt() {
        for (String secret : new String[] {"two\nlines", " padded", "padded ", "nul\u0000"}) {
            AccountCheck.Result result = AccountCheck.check(withSecret(secret), GENERAL);
            assertEquals(List.of("secret"), result.errors().stream().map(FieldProblem::field).toList(), secret);
            String reason = result.errors().get(0).reason();
            assertFalse(reason.contains(secret.strip()), reason);
        }
        // a ';' is escaped in the file and reads back: accepted
        assertEquals(List.of(), AccountCheck.check(withSecret("semi;colon"), GENERAL).errors());
        // longer than the column holds: the import's own refusal
        AccountCheck.Result tooLong = AccountCheck.check(withSecret("x".repeat(StoredLengths.SECRET_BYTES + 1)), GENERAL);
        assertEquals("secret in [bob]: 701 bytes long; a secret is stored with at most 700",
                tooLong.errors().get(0).reason());
        assertTrue(imported(withSecret("x".repeat(StoredLengths.SECRET_BYTES + 1))).isPresent());
    }

    @Test
    void namesThatAreNoAccountSectionAreRefused() {
        for (String name : new String[] {"general", "GENERAL", "a]b", "two\nlines", "n".repeat(StoredLengths.NAME + 1)}) {
            AccountCheck.Result result = AccountCheck.check(named(name), GENERAL);
            assertEquals(List.of("name"), result.errors().stream().map(FieldProblem::field).toList(), name);
        }
        for (String name : new String[] {"semi;colon", "with space", "o'brien", "n".repeat(StoredLengths.NAME)}) {
            assertEquals(List.of(), AccountCheck.check(named(name), GENERAL).errors(), name);
            assertEquals(Optional.empty(), imported(named(name)), name);
        }
    }

    @Test
    void limitsOnAllLinesOfAnOptionTogetherAreTheImportsToo() {
        // each setvar line fits, the four together do not (the column holds 4000 characters)
        List<String> variables = List.of("A=" + "v".repeat(1200), "B=" + "v".repeat(1200), "C=" + "v".repeat(1200),
                "D=" + "v".repeat(1200));
        AccountDefinition many = account(List.of(), List.of(), variables);
        AccountCheck.Result result = AccountCheck.check(many, GENERAL);
        assertEquals(List.of("variables[3]"), result.errors().stream().map(FieldProblem::field).toList());
        assertTrue(imported(many).isPresent());
    }

    @Test
    void warningsDependOnTheStoredGeneralSection() {
        AccountDefinition ipv4Only = account(List.of(new AclLine(false, "0.0.0.0/0")), List.of(), List.of());
        assertEquals(List.of(), AccountCheck.check(ipv4Only, GENERAL).warnings());
        List<FieldProblem> warnings = AccountCheck.check(ipv4Only, general("[general]\nbindaddr = ::\n")).warnings();
        assertEquals(List.of("acl[0]"), warnings.stream().map(FieldProblem::field).toList());
        assertTrue(warnings.get(0).reason().contains("are all IPv4"), warnings.get(0).reason());
    }

    @Test
    void theSectionLinesAreWhatTheExportWrites() throws Exception {
        AccountDefinition a = account(List.of(new AclLine(true, "10.0.0.0/8")), List.of(new FilterLine("eventfilter", "x")),
                List.of("V=1"));
        String text = ManagerConfWriter.write(new ImportedConfiguration(ManagerConfReader.read(GENERAL_TEXT).general(),
                List.of(a), List.of()), null);
        assertTrue(text.endsWith("\n[bob]\nsecret = s3cret\nread = system,call\nwrite = all\npermit = 10.0.0.0/8\n"
                + "allowmultiplelogin = no\nwritetimeout = 250\neventfilter = x\nsetvar = V=1\n"), text);
        assertEquals(List.of(a), ManagerConfReader.read(text).accounts());
        assertThrows(NullPointerException.class, () -> new FieldProblem("x", null));
    }
}
