package dev.ami.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Authorization header read as main/utils.c's ast_parse_digest reads it. */
class DigestAuthorizationTest {

    private static final String FULL = "Digest username=\"admin\", realm=\"asterisk\", nonce=\"1f69e469\", "
            + "uri=\"/arawman?action=ping\", cnonce=\"abc\", nc=00000001, qop=auth, response=\"0123\", opaque=\"x\"";

    @Test
    void theFieldsOfACurlRequest() {
        DigestAuthorization d = DigestAuthorization.parse(FULL).orElseThrow();
        assertEquals(new DigestAuthorization("admin", "asterisk", "1f69e469", "/arawman?action=ping", "0123", "abc",
                "00000001", true), d);
    }

    @Test
    void leadingBlanksAnyCaseOfDigestAndKeysUnknownKeysAndEscapes() {
        DigestAuthorization d = DigestAuthorization.parse("  dIGEST Username=\"a\\\\b\\n\", extra=\"1\", REALM=r, "
                + "nonce=5, uri=/u, response=ab").orElseThrow();
        assertEquals("a\\b\n", d.username());
        assertEquals("r", d.realm());
        assertEquals("5", d.nonce());
        assertFalse(d.qop(), "no qop: RFC 2069");
    }

    @Test
    void whatAsteriskRefuses() {
        assertTrue(DigestAuthorization.parse("Basic YWRtaW46czNjcmV0").isEmpty());
        assertTrue(DigestAuthorization.parse("Digest").isEmpty(), "\"Digest \" with its space");
        assertTrue(DigestAuthorization.parse(FULL + ", algorithm=SHA-256").isEmpty());
        assertTrue(DigestAuthorization.parse(FULL.replace("nc=00000001", "nc=zz")).isEmpty(), "nc not hex");
        assertTrue(DigestAuthorization.parse(FULL.replace("cnonce=\"abc\", ", "")).isEmpty(), "qop without cnonce");
        assertTrue(DigestAuthorization.parse(FULL.replace("realm=\"asterisk\", ", "")).isEmpty());
        assertTrue(DigestAuthorization.parse(FULL.replace("uri=", "url=")).isEmpty());
        assertEquals(Optional.empty(), DigestAuthorization.parse(""));
    }

    @Test
    void qopCountsOnlyAsAuthAndAnUnquotedValueRunsToTheComma() {
        assertFalse(DigestAuthorization.parse(FULL.replace("qop=auth", "qop=auth-int")).orElseThrow().qop());
        assertFalse(DigestAuthorization.parse(FULL.replace("qop=auth,", "qop=auth ,")).orElseThrow().qop(),
                "the blank is part of the value");
        assertTrue(DigestAuthorization.parse(FULL.replace("qop=auth", "qop=\"AUTH\"")).orElseThrow().qop());
    }
}
