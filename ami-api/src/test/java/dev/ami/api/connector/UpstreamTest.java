package dev.ami.api.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpstreamTest {

    private static Upstream upstream(String name, String host, int port) {
        return new Upstream(name, host, port, false, true, null, "ami", "s3cret", Authority.ALL, true, false);
    }

    @Test
    void aNameIsLettersDigitsDotsUnderscoresAndDashes() {
        assertTrue(Upstream.isValidName("pbx-1.lab_A"));
        assertFalse(Upstream.isValidName("pbx 1"));
        assertFalse(Upstream.isValidName(""));
        assertFalse(Upstream.isValidName("x".repeat(81)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> upstream("a/b", "h", 5038));
        assertTrue(e.getMessage().contains("a/b"), e.getMessage());
    }

    @Test
    void aPortOutsideTheRangeIsRefusedNamingTheUpstream() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> upstream("pbx1", "h", 0));
        assertTrue(e.getMessage().contains("pbx1"), e.getMessage());
    }

    @Test
    void aLineBreakInWhatTheLoginCarriesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Upstream("pbx1", "h", 5038,
                false, true, null, "ami", "pw\r\nAction: Command", Authority.ALL, true, false));
        assertTrue(e.getMessage().contains("pbx1"), e.getMessage());
        assertFalse(e.getMessage().contains("Command"), "the secret stays out of the message");
    }

    @Test
    void theAddressBracketsAnIpv6Host() {
        assertEquals("pbx.example:5038", upstream("p", "pbx.example", 5038).address());
        assertEquals("[2001:db8::5]:5039", upstream("p", "2001:db8::5", 5039).address());
    }

    @Test
    void theSecretStaysOutOfToString() {
        assertFalse(upstream("p", "h", 5038).toString().contains("s3cret"));
    }

    @Test
    void theConfigurationFindsAnUpstreamWithoutRegardToCase() {
        ManagerConfiguration c = new ManagerConfiguration(GeneralSettings.DEFAULTS, List.of(), null,
                List.of(upstream("PBX1", "h", 5038)));
        assertEquals("PBX1", c.upstream("pbx1").orElseThrow().name());
        assertEquals(Optional.empty(), c.upstream("pbx2"));
        assertEquals(List.of(), new ManagerConfiguration(GeneralSettings.DEFAULTS, List.of()).upstreams());
    }
}
