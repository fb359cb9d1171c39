package dev.ami.persistence.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Asterisk's configuration syntax (asterisk main/config.c): {@code ;} comments, {@code \;}
 * escapes, nested {@code ;-- --;} block comments, {@code [section]} headers with template
 * {@code (!)} and inheritance {@code (base,…)} options, and {@code name = value} /
 * {@code name => value} lines with repeated names kept in order.
 *
 * <p>Any error rejects the whole file: the caller gets a {@link ConfigParseException} naming the
 * file and line, and nothing it stored is touched. The {@code #include}, {@code #tryinclude} and
 * {@code #exec} directives are refused with an error in this version.
 */
public final class AsteriskConfigParser {

    private static final int MAX_COMMENT_DEPTH = 128;

    private final String file;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Builder> sections = new LinkedHashMap<>();
    private Builder current;
    private int commentDepth;

    private AsteriskConfigParser(String file) {
        this.file = file;
    }

    /**
     * Parses the text of one file.
     *
     * @param file the file name, for messages
     * @param text the whole file
     * @return the document
     * @throws ConfigParseException on the first error, naming its line
     */
    public static ConfigDocument parse(String file, String text) throws ConfigParseException {
        AsteriskConfigParser parser = new AsteriskConfigParser(file);
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            parser.line(i + 1, line);
        }
        List<ConfigSection> result = new ArrayList<>();
        parser.sections.values().forEach(b -> result.add(b.build()));
        return new ConfigDocument(file, result, parser.warnings);
    }

    private void line(int number, String raw) throws ConfigParseException {
        String text = stripComments(number, raw).strip();
        if (text.isEmpty()) {
            return;
        }
        if (text.charAt(0) == '[') {
            sectionHeader(number, text);
        } else if (text.charAt(0) == '#') {
            directive(number, text);
        } else {
            variable(number, text);
        }
    }

    /** Removes comments, tracking block comments across lines; {@code \;} becomes a literal {@code ;}. */
    private String stripComments(int number, String raw) throws ConfigParseException {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (commentDepth > 0) {
                if (raw.startsWith("--;", i)) {
                    commentDepth--;
                    i += 3;
                } else if (raw.startsWith(";--", i) && !raw.startsWith(";---", i)) {
                    openBlock(number);
                    i += 3;
                } else {
                    i++;
                }
            } else if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == ';') {
                out.append(';');
                i += 2;
            } else if (c == ';') {
                if (raw.startsWith(";--", i) && !raw.startsWith(";---", i)) {
                    openBlock(number);
                    i += 3;
                } else {
                    break;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private void openBlock(int number) throws ConfigParseException {
        if (++commentDepth > MAX_COMMENT_DEPTH) {
            throw new ConfigParseException(file, number, "block comments nested deeper than " + MAX_COMMENT_DEPTH);
        }
    }

    private void sectionHeader(int number, String text) throws ConfigParseException {
        int close = text.indexOf(']');
        if (close < 0) {
            throw new ConfigParseException(file, number, "missing ']' in section header " + text);
        }
        String name = text.substring(1, close);
        if (name.isEmpty()) {
            throw new ConfigParseException(file, number, "empty section name");
        }
        boolean template = false;
        boolean append = false;
        List<Builder> bases = new ArrayList<>();
        if (close + 1 < text.length() && text.charAt(close + 1) == '(') {
            int end = text.indexOf(')', close);
            if (end < 0) {
                throw new ConfigParseException(file, number, "missing ')' after the options of section [" + name + "]");
            }
            for (String option : text.substring(close + 2, end).split(",")) {
                String o = option.strip();
                if (o.equals("!")) {
                    template = true;
                } else if (o.equals("+")) {
                    append = true;
                } else if (!o.isEmpty()) {
                    Builder base = sections.get(key(o));
                    if (base == null) {
                        throw new ConfigParseException(file, number,
                                "section [" + name + "] inherits from [" + o + "], which is not defined above it");
                    }
                    bases.add(base);
                }
            }
        }
        if (append) {
            current = sections.get(key(name));
            if (current == null) {
                throw new ConfigParseException(file, number, "[" + name + "](+) adds to a section that does not exist");
            }
            return;
        }
        Builder section = new Builder(name, template, number);
        bases.forEach(base -> section.entries.addAll(base.entries));
        // A second section of the same name continues the first, as Asterisk merges same-named users.
        Builder existing = sections.get(key(name));
        if (existing != null) {
            existing.entries.addAll(section.entries);
            current = existing;
        } else {
            sections.put(key(name), section);
            current = section;
        }
    }

    private void directive(int number, String text) throws ConfigParseException {
        String word = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        switch (word) {
            case "#exec" -> throw new ConfigParseException(file, number,
                    "#exec is refused: it would run a program on the server");
            case "#include", "#tryinclude" -> throw new ConfigParseException(file, number,
                    word + " is not supported by this version; inline the included file");
            default -> warnings.add(file + ":" + number + ": unknown directive " + word + " ignored");
        }
    }

    private void variable(int number, String text) throws ConfigParseException {
        int eq = text.indexOf('=');
        if (eq < 0) {
            warnings.add(file + ":" + number + ": no '=' in line, ignored: " + text);
            return;
        }
        if (current == null) {
            throw new ConfigParseException(file, number, "'" + text + "' comes before any [section]");
        }
        String name = text.substring(0, eq).strip();
        int valueStart = eq + 1 < text.length() && text.charAt(eq + 1) == '>' ? eq + 2 : eq + 1;
        if (name.isEmpty()) {
            throw new ConfigParseException(file, number, "option without a name: " + text);
        }
        current.entries.add(new ConfigEntry(name, text.substring(valueStart).strip(), file, number));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static final class Builder {
        final String name;
        final boolean template;
        final int line;
        final List<ConfigEntry> entries = new ArrayList<>();

        Builder(String name, boolean template, int line) {
            this.name = name;
            this.template = template;
            this.line = line;
        }

        ConfigSection build() {
            return new ConfigSection(name, template, entries, line);
        }
    }
}
