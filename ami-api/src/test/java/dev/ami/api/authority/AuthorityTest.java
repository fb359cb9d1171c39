package dev.ami.api.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthorityTest {

    private static final Authority SYSTEM = Authority.of(AuthorityClass.SYSTEM);
    private static final Authority CALL = Authority.of(AuthorityClass.CALL);

    @Test
    void bitValuesMatchAsterisk() {
        assertEquals(1, AuthorityClass.SYSTEM.bits());
        assertEquals(64, AuthorityClass.USER.bits());
        assertEquals(262144, AuthorityClass.SECURITY.bits());
        assertEquals(1073741824, AuthorityClass.MESSAGE.bits());
        assertEquals(2147483647, AuthorityClass.ALL.bits());
    }

    @Test
    void plainListsGrantTheNamedClasses() {
        assertEquals(Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CALL), Authority.parse("system,call"));
        assertEquals(Authority.ALL, Authority.parse("all"));
        assertEquals(Authority.NONE, Authority.parse("none"));
        assertEquals(Authority.NONE, Authority.parse(""));
        assertEquals(Authority.NONE, Authority.parse(null));
    }

    @Test
    void namesAreCaseSensitiveAndNotTrimmed() {
        assertEquals(Authority.NONE, Authority.parse("System"));
        assertEquals(SYSTEM, Authority.parse("system, call"));
    }

    @Test
    void nonFinalTokensMatchAsPrefixes() {
        assertEquals(Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CALL), Authority.parse("sys,call"));
        assertEquals(Authority.of(AuthorityClass.SYSTEM, AuthorityClass.SECURITY, AuthorityClass.CALL),
                Authority.parse("s,call"));
        assertEquals(Authority.NONE, Authority.parse("sys"));
        assertTrue(Authority.isQuirky("sys,call"));
    }

    @Test
    void anEmptyNonFinalTokenGrantsEverything() {
        assertEquals(Authority.ALL, Authority.parse("system,,call"));
        assertEquals(Authority.ALL, Authority.parse(",call"));
        assertEquals(SYSTEM, Authority.parse("system,"));
        assertTrue(Authority.isQuirky(",call"));
        assertFalse(Authority.isQuirky("system,call"));
        assertFalse(Authority.isQuirky("system,"), "a trailing comma is harmless");
    }

    @Test
    void aNameThatIsNoClassAsWrittenIsReportedWhereverItStands() {
        // blanks are not trimmed: " call" grants nothing, so this list grants only system
        assertTrue(Authority.isQuirky("system, call"));
        assertTrue(Authority.isQuirky("System"));
        assertTrue(Authority.isQuirky("system,cal"));
        assertFalse(Authority.isQuirky("all"));
        assertFalse(Authority.isQuirky("none"));
        assertFalse(Authority.isQuirky("system,call,user"));
    }

    @Test
    void privilegeListsClassesInTableOrderEndingInAll() {
        assertEquals("system,all", SYSTEM.privilege());
        assertEquals("system,call,all", Authority.parse("call,system").privilege());
        assertEquals("security,all", Authority.of(AuthorityClass.SECURITY).privilege());
        assertEquals("<none>", Authority.NONE.privilege());
        assertEquals("all", new Authority(1 << 14).privilege());
    }

    @Test
    void eventMaskForms() {
        assertNull(Authority.parseEventMask(""));
        assertEquals(SYSTEM, Authority.parseEventMask("1"));
        assertEquals(Authority.NONE, Authority.parseEventMask("0"));
        assertEquals(Authority.NONE, Authority.parseEventMask("OFF"));
        assertEquals(Authority.ALL, Authority.parseEventMask("on"));
        assertEquals(Authority.of(AuthorityClass.CALL, AuthorityClass.USER), Authority.parseEventMask("call,user"));
        assertEquals(Authority.NONE, Authority.parseEventMask("bogus"));
    }

    @Test
    void anyOverlapSufficesForIntersects() {
        Authority getConfig = Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CONFIG);
        assertTrue(SYSTEM.intersects(getConfig));
        assertFalse(CALL.intersects(getConfig));
        assertFalse(SYSTEM.containsAll(getConfig));
    }
}
