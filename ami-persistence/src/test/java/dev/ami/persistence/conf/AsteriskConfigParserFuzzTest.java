package dev.ami.persistence.conf;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The configuration parser against generated files (jqwik; 1,000 per property in every build, a
 * million with {@code -Djqwik.tries.default=1000000}): every text is read, or refused with a
 * {@link ConfigParseException} that names the file and line, never another failure.
 */
class AsteriskConfigParserFuzzTest {

    @Property
    void everyTextIsReadOrRefusedWithItsLine(@ForAll("conf") String text) {
        try {
            assertNotNull(AsteriskConfigParser.parse("fuzz.conf", text));
        } catch (ConfigParseException refused) {
            assertTrue(refused.getMessage().startsWith("fuzz.conf:"), refused.getMessage());
        }
    }

    @Provide
    Arbitrary<String> conf() {
        Arbitrary<String> lines = Arbitraries.oneOf(
                Arbitraries.of("[general]", "[admin](!)", "[a](tpl)", "[b](missing)", "[", "]", "[x", "enabled = yes",
                        "secret=s3cret", "read = system,call", "permit=10.0.0.0/8", "=", "novalue", "#include x.conf",
                        "#tryinclude *.conf", "#exec /bin/true", ";comment", ";--", "--;", "a => b", "x = y ; tail",
                        "key = \\;semi", "\t", ""),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
                Arbitraries.strings().withChars("[]()=!;#\\ \tabc").ofMaxLength(30));
        return lines.list().ofMaxSize(30).map(l -> String.join("\n", l));
    }
}
