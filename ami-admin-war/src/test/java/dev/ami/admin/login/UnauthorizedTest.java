package dev.ami.admin.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnauthorizedTest {

    /** A request with these answers to the few questions the challenge rule asks; null for the rest. */
    private static HttpServletRequest request(String path, String sessionId, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(UnauthorizedTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> "/api";
                    case "getPathInfo" -> path;
                    case "getRequestedSessionId" -> sessionId;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> null;
                });
    }

    @Test
    void aScriptWithoutACookieIsChallenged() {
        assertTrue(Unauthorized.challenges(request("/v1/accounts", null, Map.of())));
        assertTrue(Unauthorized.challenges(request("/config/manager.conf", null, Map.of("Authorization", "Basic eA=="))));
    }

    @Test
    void theConsoleIsNeverChallengedSoNoBrowserPromptAppears() {
        assertFalse(Unauthorized.challenges(request("/v1/session", null, Map.of())), "its login resource");
        assertFalse(Unauthorized.challenges(request("/v1/accounts", "expired-id", Map.of())), "a session cookie, even stale");
        assertFalse(Unauthorized.challenges(request("/v1/accounts", null, Map.of("X-Requested-With", "XMLHttpRequest"))));
    }

    @Test
    void theProblemIsUnauthorized() {
        assertEquals("urn:ami:problem:unauthorized", Unauthorized.problem().type());
        assertEquals(401, Unauthorized.problem().status());
    }
}
