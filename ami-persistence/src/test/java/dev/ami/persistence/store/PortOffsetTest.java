package dev.ami.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.TlsSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortOffsetTest {

    private static final GeneralSettings STORED = GeneralSettings.builder().port(5038)
            .tls(new TlsSettings(true, "0.0.0.0", 5039, "/c/asterisk.pem", "/c/key.pem", "HIGH", List.of("x"))).build();

    @Test
    void bothAmiPortsMoveByTheOffsetAndNothingElse() {
        GeneralSettings shifted = PortOffset.apply(STORED, 100);

        assertEquals(5138, shifted.port());
        assertEquals(new TlsSettings(true, "0.0.0.0", 5139, "/c/asterisk.pem", "/c/key.pem", "HIGH", List.of("x")),
                shifted.tls());
        assertEquals(STORED.toBuilder().port(5138).tls(shifted.tls()).build(), shifted);
        assertSame(STORED, PortOffset.apply(STORED, 0));
    }

    @Test
    void theHttpManagersPortsMoveByTheOffsetAndNothingElse() {
        HttpSettings stored = HttpSettings.DEFAULTS;

        HttpSettings shifted = PortOffset.apply(stored, 100);

        assertEquals(stored.bindPort() + 100, shifted.bindPort());
        assertEquals(stored.tls().withPort(stored.tls().port() + 100), shifted.tls());
        assertEquals(new HttpSettings(stored.enabled(), stored.bindAddress(), stored.bindPort() + 100, stored.prefix(),
                stored.serverName(), stored.sessionLimit(), stored.sessionInactivityMillis(), stored.sessionKeepAliveMillis(),
                stored.enableStatic(), stored.enableStatus(), stored.redirects(), shifted.tls(), stored.restrictions()),
                shifted);
        assertSame(stored, PortOffset.apply(stored, 0));
    }

    @Test
    void anOffsetThatIsNoNumberInRangeCountsAsNone() {
        assertEquals(0, PortOffset.parse(null));
        assertEquals(0, PortOffset.parse(" "));
        assertEquals(200, PortOffset.parse(" 200 "));
        assertEquals(PortOffset.MAX, PortOffset.parse(Integer.toString(PortOffset.MAX)));
        assertEquals(0, PortOffset.parse("-1"));
        assertEquals(0, PortOffset.parse("60001"));
        assertEquals(0, PortOffset.parse("one hundred"));
    }
}
