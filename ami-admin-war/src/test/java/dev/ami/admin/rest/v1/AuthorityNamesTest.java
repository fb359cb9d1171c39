package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.persistence.manager.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorityNamesTest {

    @Test
    void shownIsWhatAsteriskGrants() {
        assertEquals(List.of("all"), AuthorityNames.shown("all"));
        assertEquals(List.of("all"), AuthorityNames.shown("system,all"));
        assertEquals(List.of(), AuthorityNames.shown(""));
        assertEquals(List.of(), AuthorityNames.shown("none"));
        assertEquals(List.of("system", "call"), AuthorityNames.shown("call,system"));
        // Asterisk's quirks: a blank after the comma grants nothing, a prefix before a comma matches
        assertEquals(List.of("system"), AuthorityNames.shown("system, call"));
        assertEquals(List.of("system", "call"), AuthorityNames.shown("sys,call"));
    }

    @Test
    void takenNamesAreStoredPlainlyAndGrantExactlyThem() {
        List<FieldProblem> problems = new ArrayList<>();
        assertEquals("system,call", AuthorityNames.stored(List.of("call", "system", "call"), "read", problems));
        assertEquals("all", AuthorityNames.stored(List.of("call", "all"), "read", problems));
        assertEquals("", AuthorityNames.stored(List.of("none"), "read", problems));
        assertEquals("", AuthorityNames.stored(List.of(), "read", problems));
        assertEquals("user", AuthorityNames.stored(List.of("none", "user"), "read", problems));
        assertEquals(List.of(), problems);
        // every class alone and all of them together read back as given
        for (AuthorityClass c : AuthorityClass.values()) {
            if (c != AuthorityClass.NONE) {
                String alone = AuthorityNames.stored(List.of(c.label()), "read", problems);
                assertEquals(List.of(c.label()), AuthorityNames.shown(alone));
            }
        }
        List<String> every = new ArrayList<>();
        for (AuthorityClass c : AuthorityClass.values()) {
            if (c != AuthorityClass.ALL && c != AuthorityClass.NONE) {
                every.add(c.label());
            }
        }
        String stored = AuthorityNames.stored(every, "write", problems);
        assertEquals(every, AuthorityNames.shown(stored));
        assertEquals(false, Authority.isQuirky(stored));
        assertEquals(List.of(), problems);
    }

    @Test
    void aNameThatIsNoClassIsAProblemOfItsOwn() {
        List<FieldProblem> problems = new ArrayList<>();
        AuthorityNames.stored(Arrays.asList("system", "System", "bogus", null, "sys"), "write", problems);
        // a null was reported as not a string when the JSON was read
        assertEquals(List.of("write[1]", "write[2]", "write[4]"), problems.stream().map(FieldProblem::field).toList());
        assertEquals("is not an authority class; the classes are system, call, log, verbose, command, agent, user, config,"
                + " dtmf, reporting, cdr, dialplan, originate, agi, cc, aoc, test, security, message, all, none"
                + " (lower case, as Asterisk writes them)", problems.get(0).reason());
    }
}
