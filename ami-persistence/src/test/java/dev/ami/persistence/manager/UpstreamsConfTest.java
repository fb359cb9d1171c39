package dev.ami.persistence.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.Upstream;
import dev.ami.persistence.conf.ConfigParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * upstreams.conf: its keys and defaults, warnings and refusals, the writer, and manager.conf's upstream and
 * upstreams options.
 */
class UpstreamsConfTest {

    @Test
    void aSectionWithTheRequiredKeysTakesTheDefaults() throws Exception {
        UpstreamsConfReader.Result read = UpstreamsConfReader.read("""
                [tmpl](!)
                username = ami
                [pbx1](tmpl)
                host = 10.0.0.1
                secret = s
                colour = blue
                """);
        assertEquals(List.of(new Upstream("pbx1", "10.0.0.1", 5038, false, true, "", "ami", "s", Authority.ALL, true,
                false)), read.upstreams(), "templates are inherited, never upstreams");
        assertEquals(List.of("upstreams.conf:6: option 'colour' in [pbx1] is not an upstream option and was not imported"),
                read.warnings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "events = none | ''",
            "events = off | ''",
            "events = all | all",
            "events = call, system | system,call",
            "events = agent,call,all | all"})
    void eventsIsAClassListOrNone(String line, String classes) throws Exception {
        Authority events = UpstreamsConfReader.read("[p]\nhost=h\nusername=u\nsecret=s\n" + line + "\n").upstreams().get(0)
                .events();
        assertEquals(classes.isEmpty() ? Authority.NONE : classes.equals("all") ? Authority.ALL
                : Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CALL), events);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[p]/username=u/secret=s | upstreams.conf:1: the upstream [p] has no host (required)",
            "[p]/host=h/secret=s | upstreams.conf:1: the upstream [p] has no username (required)",
            "[p]/host=h/username=u/secret= | upstreams.conf:4: the upstream [p] has no secret (required)",
            "[p]/host=h/username=u/secret=s/port=0 | upstreams.conf:5: port in [p]: a port is a number from 1 to 65535",
            "[p]/host=h/username=u/secret=s/tls=maybe | upstreams.conf:5: tls in [p]: it is yes or no",
            "[p]/host=h/username=u/secret=s/nameevents=2 | upstreams.conf:5: nameevents in [p]: it is yes or no",
            "[p]/host=h/username=u/secret=s/events=call,sistem | upstreams.conf:5: events in [p]: it is a comma list"
                    + " of event classes (system, call, ..., all), or none",
            "[a b]/host=h | upstreams.conf:1: the section [a b] does not name an upstream: a name is 1 to 80 letters,"
                    + " digits, '.', '_' or '-'"})
    // "/" stands for a line break
    void badValuesAreRefusedWithTheirLine(String text, String message) {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> UpstreamsConfReader.read(text.replace("/", "\n")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theWriterWritesWhatTheReaderReadsBack() throws Exception {
        List<Upstream> upstreams = List.of(
                new Upstream("pbx1", "::1", 5038, false, true, "", "ami", "semi;colon", Authority.NONE, true, false),
                new Upstream("pbx-2.b_c", "pbx2", 5039, true, false, "ca.pem", "u", "s", Authority.of(AuthorityClass.CALL,
                        AuthorityClass.AGENT, AuthorityClass.MESSAGE), false, true));
        String text = UpstreamsConfWriter.write(upstreams, "heading");
        assertTrue(text.startsWith("; heading\n\n[pbx1]\nhost = ::1\nport = 5038\n"), text);
        assertEquals(upstreams, UpstreamsConfReader.read(text).upstreams());
        assertTrue(UpstreamsConfReader.read(text).warnings().isEmpty());
    }

    @Test
    void theSampleFileReadsAsNoUpstreamAndDocumentsEveryKey() throws Exception {
        Path sample = Path.of("..", "conf", "upstreams.conf");
        String text = Files.readString(sample);
        UpstreamsConfReader.Result read = UpstreamsConfReader.read(text);
        assertEquals(List.of(), read.upstreams());
        for (String key : List.of("host", "port", "tls", "tlsverify", "tlscafile", "username", "secret", "events", "enabled",
                "nameevents")) {
            assertTrue(text.contains(";" + key + " = "), key);
        }
        // uncommented, the example section reads
        String example = text.replaceAll("(?m)^;(\\[|[a-z]+ = )", "$1");
        assertEquals(1, UpstreamsConfReader.read(example).upstreams().size(), example);
    }

    @Test
    void managerConfCarriesAnAccountsUpstream() throws Exception {
        ImportedConfiguration read = ManagerConfReader.read("[alice]\nsecret = a\nupstream = pbx1\n[bob]\nsecret = b\n");
        assertEquals("pbx1", read.accounts().get(0).upstream());
        assertNull(read.accounts().get(1).upstream());
        assertTrue(read.warnings().isEmpty(), read.warnings().toString());
        assertEquals("pbx1", read.accounts().get(0).toAccount(read.general()).upstream());
        String written = ManagerConfWriter.write(read, null);
        assertTrue(written.contains("\n[alice]\nsecret = a\nread = \nwrite = \nupstream = pbx1\n"), written);
        assertEquals(read.accounts(), ManagerConfReader.read(written).accounts());
        ConfigParseException bad = assertThrows(ConfigParseException.class,
                () -> ManagerConfReader.read("[alice]\nsecret = a\nupstream = no such\n"));
        assertEquals("manager.conf:3: upstream in [alice]: an upstream name is 1 to 80 letters, digits, '.', '_' or '-'",
                bad.getMessage());
    }

    @Test
    void managerConfCarriesAnAccountsUpstreams() throws Exception {
        ImportedConfiguration read = ManagerConfReader.read("""
                [alice]
                secret = a
                upstreams = pbx1 , PBX2,,
                [bob]
                secret = b
                upstreams =
                [carol]
                secret = c
                """);
        assertEquals(List.of("pbx1", "PBX2"), read.accounts().get(0).upstreams(), "split on commas, blanks trimmed");
        assertEquals(List.of(), read.accounts().get(1).upstreams(), "empty: every upstream");
        assertEquals(List.of(), read.accounts().get(2).upstreams());
        assertTrue(read.warnings().isEmpty(), read.warnings().toString());
        Account alice = read.accounts().get(0).toAccount(read.general());
        assertEquals(List.of("pbx1", "PBX2"), alice.upstreams());
        assertTrue(alice.mayUse("pbx2") && !alice.mayUse("pbx3"));

        String written = ManagerConfWriter.write(read, null);
        assertTrue(written.contains("\n[alice]\nsecret = a\nread = \nwrite = \nupstreams = pbx1,PBX2\n"), written);
        assertTrue(!written.contains("upstreams =\n") && !written.contains("upstreams = \n"), "no line for every upstream");
        assertEquals(read.accounts(), ManagerConfReader.read(written).accounts());
    }

    @Test
    void anAccountsUpstreamsRefuseANameNoUpstreamCanHaveWithItsLine() {
        ConfigParseException bad = assertThrows(ConfigParseException.class,
                () -> ManagerConfReader.read("[alice]\nsecret = a\nupstreams = pbx1, no such\n"));
        assertEquals("manager.conf:3: upstreams in [alice]: entry 2 is not an upstream name (1 to 80 letters, digits,"
                + " '.', '_' or '-')", bad.getMessage());
        ConfigParseException tooLong = assertThrows(ConfigParseException.class,
                () -> ManagerConfReader.read("[alice]\nupstreams = " + ("p".repeat(80) + ",").repeat(13) + "\n"));
        assertTrue(tooLong.getMessage().startsWith("manager.conf:2: upstreams in [alice]: its value is 1053 characters"
                + " long; at most 1024 are stored"), tooLong.getMessage());
    }

    @Test
    void aDefaultUpstreamOutsideTheAccountsUpstreamsIsAWarning() throws Exception {
        ImportedConfiguration read = ManagerConfReader.read("""
                [alice]
                upstream = pbx3
                upstreams = pbx1,pbx2
                [bob]
                upstream = PBX1
                upstreams = pbx1
                [carol]
                upstream = pbx3
                """);
        assertEquals(List.of("manager.conf:2: upstream in [alice] names 'pbx3', which is not among its upstreams;"
                + " its requests without an Upstream header will be refused"), read.warnings());
    }
}
