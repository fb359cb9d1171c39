package dev.ami.api.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final InetAddress GUESSER = address("10.0.0.66");
    private static final InetAddress OFFICE = address("10.0.0.1");
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(LockoutPolicy.DEFAULTS);

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private List<Duration> fail(String account, InetAddress source, int times, Instant now) {
        return java.util.stream.IntStream.range(0, times).mapToObj(i -> throttle.failed(account, source, now).delay())
                .toList();
    }

    @Test
    void aGuesserWaitsLongerAndLongerThenThePairIsLockedForMinutesEvenForTheRightSecret() {
        List<Duration> delays = fail("admin", GUESSER, 9, T0);
        assertEquals(List.of(1L, 1L, 1L, 2L, 4L, 8L, 8L, 8L, 8L), delays.stream().map(Duration::toSeconds).toList());
        assertEquals(Optional.empty(), throttle.lockout("admin", GUESSER, T0), "nine failures do not lock");

        LoginThrottle.Failure tenth = throttle.failed("ADMIN", GUESSER, T0);
        Lockout lock = new Lockout(Lockout.Scope.ACCOUNT_FROM_SOURCE, "admin", GUESSER, 10, T0.plus(Duration.ofMinutes(10)));
        assertEquals(List.of(lock), tenth.imposed(), "the tenth failure in a row sets the lock, once");
        assertEquals(Optional.of(lock), throttle.lockout("Admin", GUESSER, T0.plusSeconds(599)), "any case of the name");
        assertEquals(List.of(lock), throttle.lockouts(T0.plusSeconds(1)));
        assertEquals(Optional.empty(), throttle.lockout("admin", GUESSER, T0.plus(Duration.ofMinutes(10))), "then it ends");
    }

    @Test
    void theRealUserFromAnotherAddressIsNotLockedOutAndSuccessEndsARun() {
        fail("admin", GUESSER, 10, T0);
        assertEquals(Optional.empty(), throttle.lockout("admin", OFFICE, T0), "the account is open from elsewhere");
        fail("admin", OFFICE, 9, T0);
        throttle.succeeded("admin", OFFICE, T0);
        assertEquals(Duration.ofSeconds(1), throttle.failed("admin", OFFICE, T0).delay(), "a success started a new run");
        assertTrue(throttle.lockout("admin", GUESSER, T0).isPresent(), "a success elsewhere does not lift the lock");
    }

    @Test
    void oneSourceTryingManyAccountsIsLockedForAllOfThem() {
        for (int i = 0; i < 49; i++) {
            assertEquals(List.of(), throttle.failed("user" + i, GUESSER, T0).imposed());
        }
        LoginThrottle.Failure fiftieth = throttle.failed("user49", GUESSER, T0);
        assertEquals(List.of(new Lockout(Lockout.Scope.SOURCE, "", GUESSER, 50, T0.plus(Duration.ofMinutes(10)))),
                fiftieth.imposed());
        assertEquals(Lockout.Scope.SOURCE, throttle.lockout("someone-else", GUESSER, T0).orElseThrow().scope());
        assertEquals(Optional.empty(), throttle.lockout("someone-else", OFFICE, T0));
    }

    @Test
    void anAccountIsLockedEverywhereOnlyFarAboveThePairsThreshold() {
        for (int i = 0; i < 499; i++) {
            throttle.failed("admin", address("10.1." + (i / 250) + "." + (i % 250)), T0);
        }
        assertEquals(Optional.empty(), throttle.lockout("admin", OFFICE, T0), "499 failures from many addresses");
        throttle.failed("admin", address("10.2.0.1"), T0);
        assertEquals(Lockout.Scope.ACCOUNT, throttle.lockout("admin", OFFICE, T0).orElseThrow().scope());
        assertEquals("'admin' from every address", throttle.lockout("admin", OFFICE, T0).orElseThrow().describe());
    }

    @Test
    void oldFailuresAreForgottenAndAZeroThresholdLocksNothing() {
        fail("admin", GUESSER, 9, T0);
        assertEquals(Duration.ofSeconds(1), throttle.failed("admin", GUESSER, T0.plus(Duration.ofMinutes(11))).delay(),
                "ten minutes without a failure start a new run");
        throttle.policy(new LockoutPolicy(0, 0, 0, 3, Duration.ofMinutes(10)));
        fail("admin", OFFICE, 1000, T0);
        assertTrue(throttle.lockouts(T0).isEmpty());
    }

    @Test
    void anAdministratorClearsByAccountBySourceOrAll() {
        fail("admin", GUESSER, 10, T0);
        fail("monitor", GUESSER, 10, T0);
        assertEquals(2, throttle.lockouts(T0).size());
        assertEquals(2, throttle.clear("MONITOR", null), "the pair and the account's count");
        assertEquals(List.of("'admin' from 10.0.0.66"), throttle.lockouts(T0).stream().map(Lockout::describe).toList());
        throttle.clear(null, GUESSER);
        assertTrue(throttle.lockouts(T0).isEmpty());
        assertEquals(Optional.empty(), throttle.lockout("admin", GUESSER, T0));
    }

    @Test
    void theCountsKeptAreBounded() {
        Instant now = T0;
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 10; i++) {
            throttle.failed("a" + i, address("10.3." + (i >> 8 & 0xff) + "." + (i & 0xff)), now);
        }
        // still answers, with Asterisk's second for the ones it could not count
        assertEquals(Duration.ofSeconds(1), throttle.failed("late", address("10.9.9.9"), now).delay());
    }

    @Test
    void aPolicyRefusesNegativeCountsAndShortLocks() {
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(-1, 50, 500, 3, Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(10, 50, 500, 3, Duration.ofSeconds(59)));
    }
}
