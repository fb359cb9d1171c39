package dev.ami.persistence.configactions;

import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import java.util.List;

/**
 * Whether a category name, option name or value that UpdateConfig writes reads back as itself when
 * the file is parsed again, and never as a directive ({@code #include}, {@code #exec}), a section
 * header or a comment. Refused: line breaks and other control characters in any of them; {@code ;}
 * and {@code ]} in a category name; an option name that begins with {@code #}, {@code [},
 * {@code ;} or a backslash, or holds {@code =} or {@code ;}. Asterisk writes such text unescaped
 * (main/config.c, ast_config_text_file_save), where it would become a directive or a header. Then
 * the written line is parsed back, the final word on anything these rules miss.
 */
final class Verbatim {

    private Verbatim() {
    }

    static boolean categoryName(String name) {
        if (name.isBlank() || hasControl(name) || name.contains(";") || name.contains("]")) {
            return false;
        }
        List<ConfigSection> read = reread(ConfigDocument.header(name, List.of()));
        return read.size() == 1 && read.get(0).name().equals(name) && read.get(0).entries().isEmpty();
    }

    static boolean line(String name, String value) {
        if (name.isBlank() || hasControl(name) || hasControl(value) || "#[;\\".indexOf(name.strip().charAt(0)) >= 0
                || name.contains("=") || name.contains(";")) {
            return false;
        }
        return readsBack(name, value);
    }

    static boolean value(String value) {
        return !hasControl(value) && readsBack("v", value);
    }

    private static boolean readsBack(String name, String value) {
        List<ConfigSection> read = reread("[s]\n" + ConfigDocument.line(name, value));
        if (read.size() != 1 || read.get(0).entries().size() != 1) {
            return false;
        }
        ConfigEntry e = read.get(0).entries().get(0);
        // the parser trims blanks around both, as Asterisk does: harmless
        return e.name().equals(name.strip()) && e.value().equals(value.strip());
    }

    /** Control characters other than a tab: line breaks, NUL, escape sequences. */
    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c));
    }

    /** @return the sections the text parses to, or none if it does not parse or warns */
    private static List<ConfigSection> reread(String text) {
        try {
            ConfigDocument doc = AsteriskConfigParser.parse("update", text + "\n", AsteriskConfigParser.NO_INCLUDES);
            return doc.warnings().isEmpty() ? doc.sections() : List.of();
        } catch (ConfigParseException e) {
            return List.of();
        }
    }
}
