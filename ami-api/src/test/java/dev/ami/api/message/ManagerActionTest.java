package dev.ami.api.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagerActionTest {

    @Test
    void namesMatchWithoutCaseAndTheColonMustFollowImmediately() {
        ManagerAction action = new ManagerAction(List.of("action:ping", "Action : Other"));
        assertEquals(Optional.of("ping"), action.action());
        ManagerAction spaced = new ManagerAction(List.of("Action : Ping"));
        assertTrue(spaced.action().isEmpty());
    }

    @Test
    void leadingBlanksAreSkippedTrailingBlanksKept() {
        ManagerAction action = new ManagerAction(List.of("Action:    Ping   ", "ActionID:\t  spaced   "));
        assertEquals(Optional.of("Ping   "), action.action());
        assertEquals(Optional.of("spaced   "), action.actionId());
    }

    @Test
    void firstOccurrenceWinsButActionTakesTheFirstNonEmpty() {
        ManagerAction action = new ManagerAction(List.of("Action: ", "Username: a", "Action: Login", "Username: b"));
        assertEquals(Optional.of("Login"), action.action());
        assertEquals("a", action.get("username"));
    }

    @Test
    void everyVariableHeaderCountsAndSplitsOnCommas() {
        ManagerAction action = new ManagerAction(List.of("Action: Originate", "Variable: A=1,B=2", "variable:C=3",
                "Variable: "));
        assertEquals(List.of("A=1", "B=2", "C=3"), action.variables());
    }

    @Test
    void emptyActionIdIsNotEchoed() {
        assertTrue(new ManagerAction(List.of("Action: Ping", "ActionID: ")).actionId().isEmpty());
    }

    @Test
    void responsesFollowTheStandardLayout() {
        ManagerMessage m = ManagerResponse.error(ManagerAction.of("Action", "X", "ActionID", "7"))
                .message("Permission denied").build();
        assertEquals(List.of(new Header("Response", "Error"), new Header("ActionID", "7"),
                new Header("Message", "Permission denied")), m.headers());
    }
}
