package dev.ami.persistence.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.TlsSettings;
import dev.ami.persistence.conf.AsteriskConfigParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration files of the Asterisk the transcripts come from: they import, export and import back unchanged. */
class TranscriptSetupRoundTripTest {

    private static String resource(String name) throws Exception {
        try (var in = TranscriptSetupRoundTripTest.class.getResourceAsStream("/transcript-setup/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void managerConf() throws Exception {
        ImportedConfiguration c = ManagerConfReader.read(resource("manager.conf"));
        // webenabled and httptimeout are applied (the HTTP manager): nothing to report
        assertEquals(List.of(), c.warnings());
        GeneralSettings g = c.general();
        assertTrue(g.enabled() && g.webEnabled() && g.allowMultipleLogin() && g.displayConnects());
        assertEquals(15038, g.port());
        assertEquals(200, g.authLimit());
        assertEquals(new TlsSettings(true, "127.0.0.1", 15039, "/etc/asterisk/keys/ami-cert.pem",
                "/etc/asterisk/keys/ami-key.pem", ""), g.tls());
        assertEquals(List.of("admin", "limited", "filtered"), c.accounts().stream().map(AccountDefinition::username).toList());
        assertEquals(2, c.accounts().get(2).eventFilters().size());

        String exported = ManagerConfWriter.write(c, null);
        ImportedConfiguration again = ManagerConfReader.read(exported);
        assertEquals(c.general(), again.general(), exported);
        assertEquals(c.accounts(), again.accounts(), exported);
    }

    @Test
    void httpConf() throws Exception {
        HttpSettings h = HttpConfReader.read(resource("http.conf"), AsteriskConfigParser.NO_INCLUDES).settings();
        assertTrue(h.enabled());
        assertEquals("127.0.0.1", h.bindAddress());
        assertEquals(18088, h.bindPort());
        assertEquals(18089, h.tls().port());
        String exported = HttpConfWriter.write(h, null);
        assertEquals(h, HttpConfReader.read(exported, AsteriskConfigParser.NO_INCLUDES).settings(), exported);
    }
}
