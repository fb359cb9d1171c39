package dev.ami.persistence.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.api.connector.UriRestriction;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** http.conf [general] as Asterisk reads it (main/http.c, __ast_http_load), and its export reading back the same. */
class HttpConfTest {

    private static HttpConfReader.Result read(String text) throws ConfigParseException {
        return HttpConfReader.read(text, AsteriskConfigParser.NO_INCLUDES);
    }

    @Test
    void defaultsWithoutTheFileOrItsLines() throws Exception {
        assertEquals(HttpSettings.DEFAULTS, read("").settings());
        assertEquals(HttpSettings.DEFAULTS, read("[general]\n").settings());
    }

    @Test
    void theOptionsOfTheTranscriptsSetup() throws Exception {
        HttpConfReader.Result r = read("""
                [general]
                enabled=yes
                bindaddr=127.0.0.1
                bindport=18088
                prefix=asterisk
                servername=
                sessionlimit=10
                session_inactivity=5000
                session_keep_alive=0
                enablestatic=yes
                redirect = / /static/config/index.html
                tlsenable=yes
                tlsbindaddr=127.0.0.1:18089
                tlscertfile=keys/cert.pem
                [/rawman]
                type=restriction
                """);
        HttpSettings h = r.settings();
        assertTrue(h.enabled());
        assertEquals("127.0.0.1", h.bindAddress());
        assertEquals(18088, h.bindPort());
        assertEquals("asterisk", h.prefix());
        assertEquals("", h.serverName());
        assertEquals(10, h.sessionLimit());
        assertEquals(5000, h.sessionInactivityMillis());
        assertEquals(0, h.sessionKeepAliveMillis());
        assertTrue(h.enableStatic());
        assertEquals(List.of("/ /static/config/index.html"), h.redirects());
        assertEquals(new TlsSettings(true, "127.0.0.1", 18089, "keys/cert.pem", "", ""), h.tls());
        // everything is applied but static files, which are refused by name and line (and kept for the export)
        assertEquals(List.of(new UriRestriction("/rawman", AccessList.ALLOW_ALL)), h.restrictions());
        assertEquals(List.of("http.conf:10: 'enablestatic' = yes is refused: this server serves no static files"
                + " (Asterisk's static-http folder); /static answers 404"), r.warnings());
    }

    @Test
    void aStatusPageIsRefusedByNameAndNoIsNoWarning() throws Exception {
        assertEquals(List.of("http.conf:2: 'enable_status' = yes is refused: this server has no /httpstatus page"
                + " (Asterisk's is off by default since its 2026 advisory); /httpstatus answers 404"),
                read("[general]\nenable_status = yes\n").warnings());
        assertEquals(List.of(), read("[general]\nenable_status = no\nenable_static = no\n").warnings());
    }

    @Test
    void restrictionSectionsKeepTheirRulesInOrderAndOtherSectionsAreReported() throws Exception {
        HttpConfReader.Result r = read("""
                [general]
                enabled=yes
                [/rawman]
                type = restriction
                permit = 10.0.0.0/8
                deny = 127.0.0.1, !127.0.0.2
                acl = trusted
                [/static]
                permit = 10.0.0.1
                """);
        List<AclRule> rules = new ArrayList<>(AclRule.parse(true, "10.0.0.0/8"));
        rules.addAll(AclRule.parse(false, "127.0.0.1, !127.0.0.2"));
        assertEquals(List.of(new UriRestriction("/rawman", new AccessList(rules))), r.settings().restrictions());
        assertEquals(List.of("http.conf:7: acl in [/rawman] is not applied: this version has no named ACLs (acl.conf);"
                + " use permit/deny", "http.conf:8: section [/static] (not type = restriction) is not supported by this"
                + " version and was not imported"), r.warnings());
    }

    @Test
    void aBadRestrictionRuleIsRefusedWithItsLine() {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> read("[/rawman]\ntype=restriction\ndeny = 127.0.0.1/33\n"));
        assertEquals("http.conf:3: deny in [/rawman]: entry 1: a prefix of 33 bits is too long", e.getMessage());
    }

    @Test
    void tlsbindportGivesThePortWhenTlsbindaddrHasNone() throws Exception {
        assertEquals(8443,
                read("[general]\nbindaddr=127.0.0.1\ntlsbindaddr=127.0.0.1\ntlsbindport=8443\n").settings().tls().port());
        assertEquals(9443, read("[general]\ntlsbindport=8443\ntlsbindaddr=127.0.0.1:9443\n").settings().tls().port());
    }

    @Test
    void aBadPortIsRefusedWithItsLine() {
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> read("[general]\nbindport = eighty\n"));
        assertTrue(e.getMessage().startsWith("http.conf:2:"), e.getMessage());
        assertEquals("http.conf:2: bindport: Invalid port number (must be 1-65535)", e.getMessage());
    }

    private static List<UriRestriction> restrictions(Random r) {
        List<UriRestriction> restrictions = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            List<AclRule> rules = new ArrayList<>();
            for (int j = r.nextInt(3); j > 0; j--) {
                rules.addAll(AclRule.parse(r.nextBoolean(), r.nextBoolean() ? "10." + j + ".0.0/16" : "::1"));
            }
            restrictions.add(new UriRestriction((r.nextBoolean() ? "/rawman" : "/mxml") + i, new AccessList(rules)));
        }
        return restrictions;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void anExportReadsBackTheSameSettings(int seed) throws Exception {
        Random r = new Random(seed);
        String address = r.nextBoolean() ? "" : r.nextBoolean() ? "127.0.0.1" : "::1";
        List<String> redirects = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            redirects.add("/from" + i + " /to" + i);
        }
        HttpSettings h = new HttpSettings(r.nextBoolean(), address, 1 + r.nextInt(65535), r.nextBoolean() ? "" : "ami",
                r.nextBoolean() ? HttpSettings.DEFAULT_SERVER_NAME : r.nextBoolean() ? "" : "ami;server",
                1 + r.nextInt(1000), 1 + r.nextInt(100000), r.nextInt(100000), r.nextBoolean(), r.nextBoolean(), redirects,
                new TlsSettings(r.nextBoolean(), address, address.isEmpty() ? HttpSettings.DEFAULT_TLS_PORT
                        : 1 + r.nextInt(65535), "keys/x.pem", r.nextBoolean() ? "" : "keys/k.pem",
                        r.nextBoolean() ? "" : "HIGH:!aNULL", r.nextBoolean() ? List.of() : List.of("tlsdisablev1=yes")),
                restrictions(r));
        String text = HttpConfWriter.write(h, "seed " + seed);
        HttpSettings again = read(text).settings();
        if (h.tls().port() == h.bindPort()) {
            // Asterisk moves a TLS port equal to the plain one to the default; so does the reader
            return;
        }
        assertEquals(h, again, text);
        assertEquals(text, HttpConfWriter.write(again, "seed " + seed));
    }
}
