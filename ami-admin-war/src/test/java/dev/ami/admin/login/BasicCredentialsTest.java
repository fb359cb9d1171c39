package dev.ami.admin.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsNameAndSecret() {
        // "Aladdin:open sesame", RFC 7617's example
        assertEquals(Optional.of(new BasicCredentials("Aladdin", "open sesame")),
                BasicCredentials.parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
    }

    @Test
    void anotherSchemeOrNoHeaderOffersNothing() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ==").isEmpty());
        assertTrue(BasicCredentials.parse("Basically").isEmpty());
    }

    @Test
    void badBase64IsUnreadable() {
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ="));
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.parse("Basic %%%"));
    }

    @Test
    void theSecretStaysOutOfItsText() {
        assertFalse(new BasicCredentials("admin", "s3cret").toString().contains("s3cret"));
    }
}
