package dev.ami.server.action.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.server.testing.TestConnector;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A password guesser over AMI: its failures wait longer and longer, then the account is locked from
 * its address for minutes, even for the right secret, while the real user elsewhere logs in.
 */
class LoginLockoutTest {

    private static final InetSocketAddress GUESSER = new InetSocketAddress("10.0.0.66", 40000);
    private static final InetSocketAddress OFFICE = new InetSocketAddress("10.0.0.1", 40000);

    private final TestConnector connector = new TestConnector();
    private TestConnector.Connection watcher;

    @BeforeEach
    void watch() {
        watcher = connector.securityWatcher();
    }

    /** @return the seconds the server waited before answering, and what it answered */
    private Attempt attempt(InetSocketAddress from, String secret) {
        TestConnector.Connection c = connector.open(from);
        c.read();
        c.channel().freezeTime();
        c.send("Action: Login\r\nUsername: admin\r\nSecret: " + secret + "\r\n\r\n");
        String answer = c.read();
        int waited = 0;
        while (answer.isEmpty() && waited < 60) {
            c.channel().advanceTimeBy(1, TimeUnit.SECONDS);
            c.channel().runScheduledPendingTasks();
            waited++;
            answer = c.read();
        }
        return new Attempt(waited, answer, c.channel().isOpen());
    }

    private record Attempt(int waited, String answer, boolean open) {
    }

    @Test
    void guessesWaitLongerThenThePairIsLockedEvenForTheRightSecretButNotElsewhere() {
        List<Integer> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Attempt guess = attempt(GUESSER, "guess" + i);
            assertEquals("Response: Error\r\nMessage: Authentication failed\r\n\r\n", guess.answer());
            waits.add(guess.waited());
        }
        assertEquals(List.of(1, 1, 1, 2, 4, 8, 8, 8, 8, 8), waits);
        watcher.read();

        Attempt right = attempt(GUESSER, "s3cret");
        assertEquals("Response: Error\r\nMessage: Authentication failed\r\n\r\n", right.answer(),
                "locked: the right secret looks like any failure on the wire");
        assertEquals(1, right.waited());
        String events = watcher.read();
        assertTrue(events.contains("Event: SessionLimit\r\n") && events.contains("AccountID: admin\r\n")
                && events.contains("RemoteAddress: IPV4/TCP/10.0.0.66/40000\r\n"), events);
        assertTrue(!events.contains("Event: SuccessfulAuth"), events);

        Attempt office = attempt(OFFICE, "s3cret");
        assertTrue(office.answer().startsWith("Response: Success\r\nMessage: Authentication accepted\r\n\r\n"),
                "the real user elsewhere: " + office.answer());
        assertEquals(0, office.waited());
    }

    @Test
    void theCliListsAndClearsLocks() {
        for (int i = 0; i < 10; i++) {
            attempt(GUESSER, "guess" + i);
        }
        String listed = watcher.exchange("Action: Command\r\nCommand: manager show lockouts\r\n\r\n");
        assertTrue(listed.contains("Output:   account+address       admin            10.0.0.66"), listed);
        assertTrue(listed.contains("Output: 1 lockouts in force.\r\n"), listed);
        String bad = watcher.exchange("Action: Command\r\nCommand: manager clear lockouts admin not-an-address\r\n\r\n");
        assertTrue(bad.startsWith("Response: Error\r\n") && bad.contains("Usage: manager clear lockouts"), bad);
        String cleared = watcher.exchange("Action: Command\r\nCommand: manager clear lockouts admin 10.0.0.66\r\n\r\n");
        assertTrue(cleared.contains("Output: Cleared 1 failure counts and their locks.\r\n"), cleared);
        assertTrue(watcher.exchange("Action: Command\r\nCommand: manager show lockouts\r\n\r\n")
                .contains("Output: 0 lockouts in force.\r\n"));
        assertTrue(attempt(GUESSER, "s3cret").answer().startsWith("Response: Success\r\n"), "lifted");
    }
}
