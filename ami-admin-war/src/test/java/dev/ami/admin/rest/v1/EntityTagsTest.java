package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void absentStarAndLists() {
        assertNull(EntityTags.parse("If-Match", null));
        assertNull(EntityTags.parse("If-Match", List.of()));
        assertTrue(EntityTags.parse("If-Match", List.of(" * ")).strongMatch().test("anything"));
        EntityTags tags = EntityTags.parse("If-Match", List.of("\"a\", W/\"b\"", "\"c-_9\""));
        assertEquals(Set.of("a", "c-_9"), tags.strong());
        assertEquals(Set.of("b"), tags.weak());
        assertTrue(tags.strongMatch().test("a"));
        assertFalse(tags.strongMatch().test("b"), "If-Match compares strongly: a weak tag never matches");
        assertTrue(tags.weakMatch("b"), "If-None-Match compares weakly");
        assertFalse(tags.strongMatch().test("\"a\""));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"a", "\"unterminated", "\"a\"x", "W/a", ",", "\"a b\"", "**"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> EntityTags.parse("If-Match", List.of(bad)), bad);
            assertEquals(400, e.problem().status());
            assertEquals("If-Match", e.problem().errors().get(0).field());
        }
    }
}
