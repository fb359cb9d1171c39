package dev.ami.admin.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsrfCheckTest {

    private static final String TOKEN = "c3VwZXItc2VjcmV0LXRva2Vu";

    private static Optional<String> console(String method, String headerToken) {
        return CsrfCheck.refusal(new CsrfCheck.Request(method, false, Caller.Via.CONSOLE, TOKEN, headerToken, null, null,
                "ami.example:8080"));
    }

    private static Optional<String> basic(String method, String fetchSite, String origin) {
        return CsrfCheck.refusal(new CsrfCheck.Request(method, false, Caller.Via.BASIC, null, null, fetchSite, origin,
                "ami.example:8080"));
    }

    @Test
    void aConsoleChangeNeedsTheSessionsToken() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertTrue(console(method, null).isPresent(), method + " without the header");
            assertTrue(console(method, TOKEN + "x").isPresent(), method + " with another token");
            assertTrue(console(method, "").isPresent(), method + " with an empty one");
            assertEquals(Optional.empty(), console(method, TOKEN), method + " with the session's");
        }
    }

    @Test
    void readsNeedNoToken() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertEquals(Optional.empty(), console(method, null), method);
        }
    }

    @Test
    void theLoginNeedsNoTokenButASessionWithoutOneNeverPasses() {
        assertEquals(Optional.empty(), CsrfCheck.refusal(new CsrfCheck.Request("POST", true, Caller.Via.CONSOLE, TOKEN,
                null, null, null, null)));
        assertTrue(CsrfCheck.refusal(new CsrfCheck.Request("POST", false, Caller.Via.CONSOLE, null, "", null, null, null))
                .isPresent(), "no token in the session: an empty header must not match it");
    }

    @Test
    void scriptsWithBasicNeedNoToken() {
        assertEquals(Optional.empty(), basic("POST", null, null), "curl sends neither Sec-Fetch-Site nor Origin");
        assertEquals(Optional.empty(), basic("DELETE", "same-origin", "http://ami.example:8080"));
        assertEquals(Optional.empty(), basic("PUT", "none", null), "typed by the user");
        assertEquals(Optional.empty(), basic("POST", null, "http://AMI.example:8080"), "the same host");
    }

    @Test
    void aBrowsersBasicChangeFromAnotherSiteIsRefused() {
        assertTrue(basic("POST", "cross-site", null).isPresent());
        assertTrue(basic("POST", "same-site", null).isPresent(), "a sibling host is another origin");
        assertTrue(basic("POST", null, "https://evil.example").isPresent(), "an older browser's Origin");
        assertTrue(basic("POST", null, "null").isPresent(), "an opaque origin");
        assertEquals(Optional.empty(), basic("GET", "cross-site", "https://evil.example"), "a read changes nothing");
    }
}
