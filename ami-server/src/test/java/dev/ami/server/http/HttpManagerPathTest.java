package dev.ami.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpManagerPathTest {

    private static HttpManagerPath matched(String prefix, String path) {
        Optional<HttpManagerPath> match = HttpManagerPath.match(prefix, path);
        assertTrue(match.isPresent(), path + " under prefix '" + prefix + "'");
        return match.get();
    }

    private static void assertNoMatch(String prefix, String path) {
        assertEquals(Optional.empty(), HttpManagerPath.match(prefix, path), path + " under prefix '" + prefix + "'");
    }

    @Test
    void theSixUrisGiveTheirFormatAndAuthentication() {
        assertEquals(new HttpManagerPath("manager", OutputFormat.HTML, false), matched("", "/manager"));
        assertEquals(new HttpManagerPath("rawman", OutputFormat.RAW, false), matched("", "/rawman"));
        assertEquals(new HttpManagerPath("mxml", OutputFormat.XML, false), matched("", "/mxml"));
        assertEquals(new HttpManagerPath("amanager", OutputFormat.HTML, true), matched("", "/amanager"));
        assertEquals(new HttpManagerPath("arawman", OutputFormat.RAW, true), matched("", "/arawman"));
        assertEquals(new HttpManagerPath("amxml", OutputFormat.XML, true), matched("", "/amxml"));
    }

    @Test
    void contentTypesAreAsterisks() {
        assertEquals("text/html", matched("", "/manager").contentType());
        assertEquals("text/plain", matched("", "/arawman").contentType());
        assertEquals("text/xml", matched("", "/mxml").contentType());
    }

    @Test
    void caseDoesNotMatterInPrefixOrUri() {
        assertEquals("rawman", matched("", "/RawMan").uri());
        assertEquals("mxml", matched("asterisk", "/ASTERISK/MXML").uri());
        assertEquals("amanager", matched("Asterisk", "/asterisk/aManager").uri());
    }

    @Test
    void oneTrailingSlashIsToleratedAndNothingMore() {
        assertEquals("rawman", matched("", "/rawman/").uri());
        assertEquals("rawman", matched("asterisk", "/asterisk/rawman/").uri());
        assertNoMatch("", "/rawman//");
        assertNoMatch("", "/rawman/x");
        assertNoMatch("", "/rawmanx");
        assertNoMatch("", "/raw");
    }

    @Test
    void thePrefixMustBeFollowedByASlash() {
        assertNoMatch("asterisk", "/rawman");
        assertNoMatch("asterisk", "/asteriskrawman");
        assertNoMatch("asterisk", "/asterisk");
        assertNoMatch("asterisk", "/asterisk/");
        assertNoMatch("", "/asterisk/rawman");
        assertNoMatch("", "rawman");
        assertNoMatch("", "/");
        assertNoMatch("", "");
    }

    @Test
    void theQueryIsNotPartOfThePathAndNothingIsDecoded() {
        assertEquals("rawman", matched("", "/rawman?action=ping").uri());
        assertEquals("mxml", matched(null, "/mxml/?x=/y").uri());
        assertNoMatch("", "/raw%6Dan");
        assertNoMatch("", "/nosuchpath");
        assertNoMatch("", "/httpstatus");
        assertNoMatch("", null);
    }

    @Test
    void digestFormsAreMarked() {
        assertTrue(matched("", "/amxml").digest());
        assertFalse(matched("", "/mxml").digest());
    }
}
