package dev.ami.server.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import dev.ami.server.testing.TestConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in action, checked for its write classes in the one place they are enforced: an
 * account holding none of them is refused, an account holding any single one of them is let through.
 */
class AuthorityPerActionTest {

    static Stream<ActionHandler> actions() {
        return BuiltInActions.registry().sorted().stream().filter(a -> !a.allowedBeforeLogin());
    }

    private static TestConnector.Connection loggedIn(Authority write) {
        TestConnector connector = new TestConnector(TestConnector.GENERAL,
                List.of(Account.of("tester", "pw", Authority.NONE, write)));
        var c = connector.login("tester", "pw");
        c.read();
        return c;
    }

    private static String run(TestConnector.Connection c, ActionHandler action) {
        // WaitEvent with Timeout 0 answers at once; the other headers are harmless to the rest
        return c.exchange("Action: " + action.name() + "\r\nActionID: auth\r\nTimeout: 0\r\nEventMask: off\r\n"
                + "Operation: Add\r\nMatchCriteria: name(X)\r\nCommand: core show uptime\r\n\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void refusedWithoutAnyOfItsClasses(ActionHandler action) {
        int missing = Authority.ALL.bits() & ~action.authority().bits();
        String out = run(loggedIn(new Authority(action.authority().isEmpty() ? Authority.NONE.bits() : missing)), action);
        if (action.authority().isEmpty()) {
            assertFalse(out.contains("Message: Permission denied"), out);
        } else {
            assertEquals("Response: Error\r\nActionID: auth\r\nMessage: Permission denied\r\n\r\n", out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void allowedWithAnySingleOneOfItsClasses(ActionHandler action) {
        List<AuthorityClass> classes = new ArrayList<>();
        for (AuthorityClass c : AuthorityClass.values()) {
            if (c != AuthorityClass.ALL && c != AuthorityClass.NONE && (action.authority().bits() & c.bits()) != 0) {
                classes.add(c);
            }
        }
        for (AuthorityClass one : classes) {
            String out = run(loggedIn(Authority.of(one)), action);
            assertFalse(out.contains("Message: Permission denied"), one + ": " + out);
            assertFalse(out.isEmpty(), one + ": no answer");
        }
    }
}
