package dev.ami.persistence.conf;

import java.io.IOException;
import java.nio.file.Path;
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
 * file and line, and nothing it stored is touched. {@code #include} and {@code #tryinclude} read
 * files through an {@link IncludeResolver} (relative to the configuration folder and never outside
 * it, glob patterns allowed, ten levels at most); {@code #exec} is refused, since it would run a
 * program. Messages name the file, the line and at most a name ({@link ConfigText}), never a value
 * or other content of the file.
 * {@code name += value} appends to the option's last value; a leading {@code \\} escapes the
 * first character of an option line.
 */
public final class AsteriskConfigParser {

    private static final int MAX_COMMENT_DEPTH = 128;
    private static final int MAX_INCLUDE_DEPTH = 10;
    private static final int MAX_LINE = 8191;

    /** Finds the files an {@code #include} names; glob patterns may name several. */
    @FunctionalInterface
    public interface IncludeResolver {

        /**
         * @param name the name after the directive, quotes and brackets removed
         * @return the files, in name order (empty when nothing matches)
         * @throws IOException if a file cannot be read
         */
        List<IncludedFile> resolve(String name) throws IOException;
    }

    /**
     * @param name the file name, for messages
     * @param text its text
     */
    public record IncludedFile(String name, String text) {
    }

    /** Refuses every include: for text that must stand alone. */
    public static final IncludeResolver NO_INCLUDES = name -> {
        throw new IOException("includes are not available here");
    };

    /**
     * Resolves includes relative to a folder, as Asterisk does relative to its configuration
     * folder, and only inside it (see {@link ConfigFolder}).
     *
     * @param dir the folder
     * @return the resolver
     */
    public static IncludeResolver relativeTo(Path dir) {
        return new ConfigFolder(dir);
    }

    private final String file;
    private final IncludeResolver includes;
    private final int depth;
    private final Document doc;
    private int commentDepth;

    /** One parser per file; an included file continues the includer's document and current section. */
    private AsteriskConfigParser(String file, IncludeResolver includes, int depth, Document doc) {
        this.file = file;
        this.includes = includes;
        this.depth = depth;
        this.doc = doc;
    }

    /** What the files of one parse build together. */
    private static final class Document {
        final Map<String, Builder> sections = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();
        Builder current;
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
        return parse(file, text, NO_INCLUDES);
    }

    /**
     * Parses a file whose {@code #include} and {@code #tryinclude} lines are resolved by the given
     * resolver (at most ten levels deep).
     *
     * @param file     the file name, for messages
     * @param text     the whole file
     * @param includes finds included files
     * @return the document, included files merged in place
     * @throws ConfigParseException on the first error, naming its file and line
     */
    public static ConfigDocument parse(String file, String text, IncludeResolver includes) throws ConfigParseException {
        AsteriskConfigParser parser = new AsteriskConfigParser(file, includes, 0, new Document());
        parser.lines(text);
        List<ConfigSection> result = new ArrayList<>();
        parser.doc.sections.values().forEach(b -> result.add(b.build()));
        return new ConfigDocument(file, result, parser.doc.warnings);
    }

    private void lines(String text) throws ConfigParseException {
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.length() > MAX_LINE) {
                doc.warnings.add(where(i + 1) + ": line longer than " + MAX_LINE + " characters skipped");
                continue;
            }
            line(i + 1, line);
        }
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
            throw new ConfigParseException(file, number, "missing ']' in a section header");
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
                throw new ConfigParseException(file, number, "missing ')' after the options of section "
                        + ConfigText.name(name));
            }
            for (String option : text.substring(close + 2, end).split(",")) {
                String o = option.strip();
                if (o.equals("!")) {
                    template = true;
                } else if (o.equals("+")) {
                    append = true;
                } else if (!o.isEmpty()) {
                    Builder base = doc.sections.get(key(o));
                    if (base == null) {
                        throw new ConfigParseException(file, number, "section " + ConfigText.name(name)
                                + " inherits from " + ConfigText.name(o) + ", which is not defined above it");
                    }
                    bases.add(base);
                }
            }
        }
        if (append) {
            doc.current = doc.sections.get(key(name));
            if (doc.current == null) {
                throw new ConfigParseException(file, number, "section " + ConfigText.name(name)
                        + " with (+) adds to a section that does not exist");
            }
            return;
        }
        Builder section = new Builder(name, template, number);
        bases.forEach(base -> section.entries.addAll(base.entries));
        bases.forEach(base -> section.templates.add(base.name));
        section.inherited = section.entries.size();
        // A second section of the same name continues the first, as Asterisk merges same-named users.
        Builder existing = doc.sections.get(key(name));
        if (existing != null) {
            existing.entries.addAll(section.entries);
            doc.current = existing;
        } else {
            doc.sections.put(key(name), section);
            doc.current = section;
        }
    }

    private void directive(int number, String text) throws ConfigParseException {
        String[] parts = text.split("\\s+", 2);
        String word = parts[0].toLowerCase(Locale.ROOT);
        switch (word) {
            case "#exec" -> throw new ConfigParseException(file, number,
                    "#exec is refused: it would run a program on the server");
            case "#include", "#tryinclude" -> include(number, word, parts.length > 1 ? unquote(parts[1].strip()) : "");
            default -> doc.warnings.add(where(number) + ": unknown directive " + ConfigText.name(word) + " ignored");
        }
    }

    private void include(int number, String word, String name) throws ConfigParseException {
        if (name.isEmpty()) {
            throw new ConfigParseException(file, number, word + " names no file");
        }
        if (depth + 1 > MAX_INCLUDE_DEPTH) {
            throw new ConfigParseException(file, number, "includes nested deeper than " + MAX_INCLUDE_DEPTH);
        }
        List<IncludedFile> found;
        try {
            found = includes.resolve(name);
        } catch (IOException e) {
            // the resolver's reasons name no path and no content
            throw new ConfigParseException(file, number, word + " " + ConfigText.name(name) + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            if (word.equals("#tryinclude")) {
                return;
            }
            throw new ConfigParseException(file, number, word + " " + ConfigText.name(name) + ": no such file");
        }
        for (IncludedFile f : found) {
            new AsteriskConfigParser(f.name(), includes, depth + 1, doc).lines(f.text());
        }
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && ((name.startsWith("\"") && name.endsWith("\""))
                || (name.startsWith("<") && name.endsWith(">")))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    // Messages name the line and at most an option's name, never a value: it may be a secret.
    private void variable(int number, String text) throws ConfigParseException {
        if (text.startsWith("\\")) {
            // a leading backslash escapes the first character (e.g. a name starting with '[')
            if (text.length() < 2 || Character.isWhitespace(text.charAt(1))) {
                throw new ConfigParseException(file, number, "a backslash may not escape whitespace");
            }
            text = text.substring(1);
        }
        int eq = text.indexOf('=');
        if (eq < 0) {
            doc.warnings.add(where(number) + ": no '=' in line, ignored");
            return;
        }
        Builder current = doc.current;
        if (current == null) {
            throw new ConfigParseException(file, number, "option " + ConfigText.name(text.substring(0, eq).strip())
                    + " comes before any [section]");
        }
        boolean append = eq > 0 && text.charAt(eq - 1) == '+';
        String name = text.substring(0, append ? eq - 1 : eq).strip();
        int valueStart = eq + 1 < text.length() && text.charAt(eq + 1) == '>' ? eq + 2 : eq + 1;
        if (name.isEmpty()) {
            throw new ConfigParseException(file, number, "option without a name");
        }
        String value = text.substring(valueStart).strip();
        if (append) {
            // name += value appends to the last same-named option of the section, with no separator
            for (int i = current.entries.size() - 1; i >= 0; i--) {
                ConfigEntry e = current.entries.get(i);
                if (e.name().equals(name)) {
                    current.entries.set(i, new ConfigEntry(e.name(), e.value() + value, e.file(), e.line()));
                    return;
                }
            }
        }
        current.entries.add(new ConfigEntry(name, value, file, number));
    }

    private String where(int number) {
        return ConfigText.escaped(file) + ":" + number;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static final class Builder {
        final String name;
        final boolean template;
        final int line;
        final List<ConfigEntry> entries = new ArrayList<>();
        final List<String> templates = new ArrayList<>();
        int inherited;

        Builder(String name, boolean template, int line) {
            this.name = name;
            this.template = template;
            this.line = line;
        }

        ConfigSection build() {
            return new ConfigSection(name, template, entries, line, templates, inherited);
        }
    }
}
