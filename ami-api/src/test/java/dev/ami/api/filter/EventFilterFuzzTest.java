package dev.ami.api.filter;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The event filter compiler against generated filter lines (jqwik; 1,000 per property in every
 * build, a million with {@code -Djqwik.tries.default=1000000}): every line, legacy or advanced,
 * becomes a filter or is refused with an {@link EventFilterException} naming why, never another
 * failure; a compiled filter then judges any event without failing.
 */
class EventFilterFuzzTest {

    @Property
    void everyLineCompilesOrIsRefusedWithItsReason(@ForAll("key") String key, @ForAll("pattern") String value,
            @ForAll("pattern") String eventText) {
        try {
            EventFilter filter = EventFilters.parse(key, value);
            assertNotNull(filter);
            EventFilter.allows(java.util.List.of(filter), "UserEvent", eventText);
        } catch (EventFilterException refused) {
            assertNotNull(refused.getMessage());
        }
    }

    @Provide
    Arbitrary<String> key() {
        return Arbitraries.oneOf(Arbitraries.of("eventfilter", "eventfilter(action(exclude),header(UserEvent),method(exact))",
                        "eventfilter(name(Newchannel))", "eventfilter(action(include)", "eventfilter()", "eventfilter(x(y))",
                        "eventfilter(method(regex),header())"),
                Arbitraries.strings().withChars("eventfilter(),actionincludexclude").ofMaxLength(50));
    }

    @Provide
    Arbitrary<String> pattern() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("Event: UserEvent", "!", "^", "$", ".*", "(", ")", "[", "]", "\\", "*", "+", "?", "{2,1}",
                        "(?<x>", "\\p{", "a{99999}", "[z-a]", "Event: ", "\r\n"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20));
        return pieces.list().ofMaxSize(10).map(l -> String.join("", l));
    }
}
