package dev.ami.admin.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.admin.login.LoginResult.Outcome;
import dev.ami.api.event.security.SecurityPeer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleLoginTest {

    private static final SecurityPeer PEER = new SecurityPeer("REST", "0x1234", "IPV4/TCP/127.0.0.1/8080",
            "IPV4/TCP/192.0.2.7/50000", Instant.parse("2026-12-06T18:00:00Z"));

    private static LoginResult admitted() {
        return new LoginResult(Outcome.ADMITTED, "admin", Set.of(Roles.ADMIN), PEER, Optional.empty(), Duration.ZERO);
    }

    @Test
    void eachLoginHasItsOwnUnguessableToken() {
        ConsoleLogin first = ConsoleLogin.of(admitted());
        ConsoleLogin second = ConsoleLogin.of(admitted());
        assertNotEquals(first.csrfToken(), second.csrfToken());
        assertTrue(first.csrfToken().matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url: " + first.csrfToken());
    }

    @Test
    void itsEventsNameTheSessionOfTheLogin() {
        assertEquals(PEER, ConsoleLogin.of(admitted()).peer());
    }

    @Test
    void onlyAnAdmittedLoginOpensOne() {
        assertThrows(IllegalArgumentException.class,
                () -> ConsoleLogin.of(LoginResult.refused(Outcome.WRONG_SECRET, "admin", Optional.empty())));
    }

    @Test
    void theTokenStaysOutOfLogs() {
        ConsoleLogin login = ConsoleLogin.of(admitted());
        assertFalse(login.toString().contains(login.csrfToken()));
    }
}
