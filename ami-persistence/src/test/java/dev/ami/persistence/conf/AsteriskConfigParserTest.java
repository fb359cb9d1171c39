package dev.ami.persistence.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsteriskConfigParserTest {

    private static List<String> values(ConfigSection s) {
        return s.entries().stream().map(e -> e.name() + "=" + e.value()).toList();
    }

    @Test
    void sectionsCommentsAndRepeatedKeys() throws Exception {
        ConfigDocument doc = AsteriskConfigParser.parse("t.conf", """
                ; a comment
                [general]
                enabled = yes ; trailing comment
                [bob]
                permit=1.2.3.4
                permit => 5.6.7.8
                setvar=PBXACCOUNT=edvina
                eventfilter(name(Newchannel)) =
                """);
        assertEquals(List.of("enabled=yes"), values(doc.section("GENERAL").orElseThrow()));
        assertEquals(List.of("permit=1.2.3.4", "permit=5.6.7.8", "setvar=PBXACCOUNT=edvina",
                "eventfilter(name(Newchannel))="), values(doc.section("bob").orElseThrow()));
        assertEquals(5, doc.section("bob").orElseThrow().entries().get(0).line());
    }

    @Test
    void escapedSemicolonsAndNestedBlockComments() throws Exception {
        ConfigDocument doc = AsteriskConfigParser.parse("t.conf", """
                [s]
                a = x\\;y
                ;-- block
                b = hidden ;-- nested --;
                still hidden --;
                c = shown
                ;--- an ordinary comment
                d = also shown
                """);
        assertEquals(List.of("a=x;y", "c=shown", "d=also shown"), values(doc.section("s").orElseThrow()));
    }

    @Test
    void templatesAndInheritanceCopyBaseEntriesFirst() throws Exception {
        ConfigDocument doc = AsteriskConfigParser.parse("t.conf", """
                [base](!)
                read = system
                write = system
                [alice](base)
                write = all
                """);
        ConfigSection alice = doc.section("alice").orElseThrow();
        assertTrue(doc.section("base").orElseThrow().template());
        assertEquals(List.of("read=system", "write=system", "write=all"), values(alice));
        assertEquals("all", alice.last("write").orElseThrow().value());
    }

    @Test
    void errorsNameFileAndLine() throws Exception {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> AsteriskConfigParser.parse("manager.conf", "[general]\nenabled=yes\n[bob](nobase)\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("manager.conf:3: "), e.getMessage());
        assertThrows(ConfigParseException.class, () -> AsteriskConfigParser.parse("x", "a = b\n"));
        assertThrows(ConfigParseException.class, () -> AsteriskConfigParser.parse("x", "[open\n"));
        ConfigParseException exec = assertThrows(ConfigParseException.class,
                () -> AsteriskConfigParser.parse("x", "[s]\n#exec /bin/date\n"));
        assertTrue(exec.getMessage().contains("x:2: #exec is refused"), exec.getMessage());
    }

    @Test
    void includesAreReadRelativeToTheFolderAndContinueTheCurrentSection(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("users.conf"), "permit = 10.0.0.0/8\n[bob]\nsecret = b\n");
        Files.createDirectories(dir.resolve("more"));
        Files.writeString(dir.resolve("more/a.conf"), "[a]\nsecret = 1\n");
        Files.writeString(dir.resolve("more/b.conf"), "[b]\nsecret = 2\n");
        ConfigDocument doc = AsteriskConfigParser.parse("manager.conf", """
                [alice]
                secret = a
                #include "users.conf"
                #include <more/*.conf>
                #tryinclude missing.conf
                """, AsteriskConfigParser.relativeTo(dir));
        assertEquals(List.of("alice", "bob", "a", "b"), doc.sections().stream().map(ConfigSection::name).toList());
        assertEquals(List.of("secret=a", "permit=10.0.0.0/8"), values(doc.section("alice").orElseThrow()));
        assertEquals("users.conf", doc.section("bob").orElseThrow().entries().get(0).file());
        ConfigParseException missing = assertThrows(ConfigParseException.class,
                () -> AsteriskConfigParser.parse("manager.conf", "#include nope.conf\n", AsteriskConfigParser.relativeTo(dir)));
        assertEquals("manager.conf:1: #include 'nope.conf': no such file", missing.getMessage());
    }

    @Test
    void anErrorInAnIncludedFileNamesThatFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.conf"), "\n[x](nobase)\n");
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> AsteriskConfigParser.parse("manager.conf", "[s]\n#include bad.conf\n",
                        AsteriskConfigParser.relativeTo(dir)));
        assertTrue(e.getMessage().startsWith("bad.conf:2: "), e.getMessage());
    }

    @Test
    void includesLoopingForeverStopAtTenLevels(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("self.conf"), "#include self.conf\n");
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> AsteriskConfigParser.parse("manager.conf", "#include self.conf\n", AsteriskConfigParser.relativeTo(dir)));
        assertTrue(e.getMessage().contains("deeper than 10"), e.getMessage());
    }

    @Test
    void appendAndEscape() throws Exception {
        ConfigDocument doc = AsteriskConfigParser.parse("x", "[s]\nread = system\nread += ,call\n\\[odd = 1\nnew += v\n");
        assertEquals(List.of("read=system,call", "[odd=1", "new=v"), values(doc.section("s").orElseThrow()));
    }

    @Test
    void aLineWithoutEqualsIsAWarning() throws Exception {
        ConfigDocument doc = AsteriskConfigParser.parse("x", "[s]\njunk\n");
        assertEquals(List.of("x:2: no '=' in line, ignored"), doc.warnings());
    }

    @Test
    void noMessageQuotesAValueSinceItMayBeASecret() throws Exception {
        ConfigParseException early = assertThrows(ConfigParseException.class,
                () -> AsteriskConfigParser.parse("m.conf", "secret = hunter2\n", AsteriskConfigParser.NO_INCLUDES));
        assertFalse(early.getMessage().contains("hunter2"), early.getMessage());
        assertTrue(early.getMessage().contains("'secret' comes before any [section]"), early.getMessage());
        ConfigDocument doc = AsteriskConfigParser.parse("m.conf", "[a]\nsecret hunter2\n", AsteriskConfigParser.NO_INCLUDES);
        assertFalse(doc.warnings().toString().contains("hunter2"), doc.warnings().toString());
        ConfigParseException nameless = assertThrows(ConfigParseException.class,
                () -> AsteriskConfigParser.parse("m.conf", "[a]\n= hunter2\n", AsteriskConfigParser.NO_INCLUDES));
        assertFalse(nameless.getMessage().contains("hunter2"), nameless.getMessage());
    }

    @Test
    void aTemplateExtendedAfterItWasCopiedIsRenderedWithoutInheritance() throws Exception {
        // [a] copied base's one line; the (+) that follows adds to base only
        ConfigDocument doc = AsteriskConfigParser.parse("m.conf", "[base](!)\nread = all\n[a](base)\nsecret = x\n"
                + "[base](+)\nwrite = all\n", AsteriskConfigParser.NO_INCLUDES);
        String loaded = doc.render();
        assertEquals("[base](!)\nread = all\nwrite = all\n\n[a]\nread = all\nsecret = x\n\n", loaded);
        assertEquals(List.of("read=all", "secret=x"), AsteriskConfigParser.parse("m.conf", loaded,
                AsteriskConfigParser.NO_INCLUDES).section("a").orElseThrow().entries().stream()
                .map(e -> e.name() + "=" + e.value()).toList());
    }

    @Test
    void aDocumentRendersAsLoadedAndParsesBackToTheSameSections(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("more.conf"), "[included]\nsecret = in;cluded\n");
        ConfigDocument doc = AsteriskConfigParser.parse("manager.conf", """
                ; a comment
                [general]
                enabled = yes ; trailing comment
                [base](!)
                read = all
                write = all
                [user](base)
                secret = a\\;b
                write => system
                ;-- block
                comment --;
                #include more.conf
                """, AsteriskConfigParser.relativeTo(dir));
        String loaded = doc.render();
        assertEquals("""
                [general]
                enabled = yes

                [base](!)
                read = all
                write = all

                [user](base)
                secret = a\\;b
                write = system

                [included]
                secret = in

                """, loaded);
        ConfigDocument again = AsteriskConfigParser.parse("manager.conf", loaded, AsteriskConfigParser.NO_INCLUDES);
        assertEquals(doc.sections().size(), again.sections().size());
        for (int i = 0; i < doc.sections().size(); i++) {
            ConfigSection a = doc.sections().get(i);
            ConfigSection b = again.sections().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.template(), b.template());
            assertEquals(a.templates(), b.templates());
            assertEquals(a.entries().stream().map(e -> e.name() + "=" + e.value()).toList(),
                    b.entries().stream().map(e -> e.name() + "=" + e.value()).toList());
        }
    }

    /** A folder {@code conf} beside a secret that must never be read through an include. */
    private static Path confBesideASecret(Path root) throws Exception {
        Path conf = Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("secret.key"), "[general]\nAAAAsecretKEYmaterial = 1\nsecretvalue\n");
        return conf;
    }

    private static ConfigParseException refusedInclude(Path conf, String directive) {
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> AsteriskConfigParser.parse("manager.conf",
                "[general]\n" + directive + "\n", AsteriskConfigParser.relativeTo(conf)));
        assertTrue(e.getMessage().startsWith("manager.conf:2: "), e.getMessage());
        assertTrue(e.getMessage().contains("outside the configuration folder"), e.getMessage());
        assertFalse(e.getMessage().contains("secretKEY") || e.getMessage().contains("secretvalue"), e.getMessage());
        return e;
    }

    @Test
    void anIncludeOfAnAbsolutePathOutsideTheFolderIsRefused(@TempDir Path root) throws Exception {
        Path conf = confBesideASecret(root);
        refusedInclude(conf, "#include " + root.resolve("secret.key"));
        refusedInclude(conf, "#include /etc/passwd");
        // inside the folder an absolute path is fine
        Files.writeString(conf.resolve("users.conf"), "[bob]\nsecret = b\n");
        assertEquals(List.of("general", "bob"), AsteriskConfigParser.parse("manager.conf", "[general]\n#include "
                + conf.resolve("users.conf") + "\n", AsteriskConfigParser.relativeTo(conf)).sections().stream()
                .map(ConfigSection::name).toList());
    }

    @Test
    void anIncludeLeavingTheFolderByDotDotIsRefusedWhetherOrNotTheFileExists(@TempDir Path root) throws Exception {
        Path conf = confBesideASecret(root);
        String exists = refusedInclude(conf, "#include ../secret.key").getMessage();
        // the same answer for a name that does not exist: no oracle for files outside
        assertEquals(exists.replace("secret.key", "missing.key"), refusedInclude(conf, "#include ../missing.key").getMessage());
        refusedInclude(conf, "#tryinclude \"../secret.key\"");
        refusedInclude(conf, "#tryinclude ../missing.key");
        refusedInclude(conf, "#include <sub/../../secret.key>");
        refusedInclude(conf, "#include ../*.key");
    }

    @Test
    void aSymbolicLinkInsideTheFolderPointingOutsideIsRefused(@TempDir Path root) throws Exception {
        Path conf = confBesideASecret(root);
        Files.createSymbolicLink(conf.resolve("key.conf"), root.resolve("secret.key"));
        Files.createSymbolicLink(conf.resolve("up"), root);
        refusedInclude(conf, "#include key.conf");
        refusedInclude(conf, "#include *.conf");
        refusedInclude(conf, "#include up/secret.key");
        refusedInclude(conf, "#tryinclude up/missing.key");
    }

    @Test
    void aWarningShowsAtMostTheOptionNameTruncatedAndEscaped() throws Exception {
        String odd = "x".repeat(30) + "\u001b[31m\u0007" + "y".repeat(60);
        String shown = "'" + "x".repeat(30) + "\\u001b[31m\\u0007yyyy…'";
        assertEquals(shown, ConfigText.name(odd));
        ConfigDocument doc = AsteriskConfigParser.parse("m.conf", "[s]\n" + odd + "\n#" + odd + "\n");
        assertEquals(List.of("m.conf:2: no '=' in line, ignored", "m.conf:3: unknown directive "
                + ConfigText.name("#" + odd) + " ignored"), doc.warnings());
        assertEquals("'tab\\u0009here, back\\u005cslash'", ConfigText.name("tab\there, back\\slash"));
    }

    @Test
    void namesThatLookLikeDirectivesOrCommentsRenderAsOptionsAndReadBack() throws Exception {
        ConfigDocument doc = AsteriskConfigParser.parse("m.conf", "[a\\;b]\n\\[odd = 1\n\\#x = 2\nc\\;d = 3\n\\\\e = 4\n");
        assertEquals(List.of("[odd=1", "#x=2", "c;d=3", "\\e=4"), values(doc.section("a;b").orElseThrow()));
        String loaded = doc.render();
        assertEquals("[a\\;b]\n\\[odd = 1\n\\#x = 2\nc\\;d = 3\n\\\\e = 4\n\n", loaded);
        assertEquals(values(doc.section("a;b").orElseThrow()),
                values(AsteriskConfigParser.parse("m.conf", loaded).section("a;b").orElseThrow()));
    }
}
