package dev.ami.persistence.manager;

import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import dev.ami.persistence.conf.ConfigText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an account given field by field (the REST API's) is exactly as valid as one imported
 * from manager.conf: its lines ({@link AccountSection}) are read by {@link ManagerConfReader}, the
 * import itself, beside the stored {@code [general]}, so the same checks apply (addresses, filter
 * regexes, lengths the columns hold) with the same reasons and warnings; and each line must read
 * back from the file's text as given, since the store keeps the account as manager.conf text too.
 * Problems are reported per field: each line is read alone first, so that every bad field is
 * named, then the section whole (limits on all lines of an option together).
 */
public final class AccountCheck {

    /** The file name the account's own lines carry, which tells its warnings from {@code [general]}'s. */
    private static final String FILE = "account";

    private static final Pattern WHERE = Pattern.compile("^" + FILE + ":(\\d+): ");

    private AccountCheck() {
    }

    /**
     * @param errors   why the account cannot be stored; empty if it can
     * @param warnings what an import would warn about in its lines (stored all the same)
     */
    public record Result(List<FieldProblem> errors, List<FieldProblem> warnings) {

        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param account the account, its secret included
     * @param general the stored {@code [general]} section, if any: some warnings depend on it
     * @return the errors and warnings, by field
     */
    public static Result check(AccountDefinition account, Optional<ConfigSection> general) {
        List<FieldProblem> errors = new ArrayList<>();
        String name = account.username();
        String sectionName = "account";
        if (name.equalsIgnoreCase("general")) {
            errors.add(new FieldProblem(AccountSection.NAME,
                    "[general] holds manager.conf's settings; no account can be named so"));
        } else if (!sectionReadsBack(name)) {
            errors.add(new FieldProblem(AccountSection.NAME, "cannot be written as a manager.conf section name that reads back"
                    + " as itself (no line breaks or other control characters, no ']')"));
        } else {
            Optional<String> refused = refusal(general, AccountSection.section(name, List.of(), FILE));
            if (refused.isPresent()) {
                errors.add(new FieldProblem(AccountSection.NAME, refused.get()));
            } else {
                sectionName = name;
            }
        }
        List<AccountSection.Line> lines = AccountSection.lines(account);
        for (AccountSection.Line line : lines) {
            if (!lineReadsBack(line.option(), line.value())) {
                // the option alone: the value may be the secret
                errors.add(new FieldProblem(line.field(), "cannot be written as a manager.conf line that reads back as given"
                        + " (no line breaks or other control characters, no blanks at either end)"));
                continue;
            }
            refusal(general, AccountSection.section(sectionName, List.of(line), FILE))
                    .ifPresent(reason -> errors.add(new FieldProblem(line.field(), reason)));
        }
        if (!errors.isEmpty()) {
            return new Result(errors, List.of());
        }
        try {
            ImportedConfiguration read = ManagerConfReader.read(document(general, AccountSection.section(name, lines, FILE)));
            return new Result(List.of(), ours(read.warnings(), lines));
        } catch (ConfigParseException e) {
            // only what concerns the lines together is left, such as the total of all setvar lines
            return new Result(List.of(new FieldProblem(field(e.line(), lines), reason(e))), List.of());
        }
    }

    /** @return why the import refuses this section, or empty */
    private static Optional<String> refusal(Optional<ConfigSection> general, ConfigSection section) {
        try {
            ManagerConfReader.read(document(general, section));
            return Optional.empty();
        } catch (ConfigParseException e) {
            return Optional.of(reason(e));
        }
    }

    private static ConfigDocument document(Optional<ConfigSection> general, ConfigSection account) {
        List<ConfigSection> sections = new ArrayList<>();
        general.ifPresent(sections::add);
        sections.add(account);
        return new ConfigDocument(ManagerConfReader.FILE, sections, List.of());
    }

    /** The import's message without its place, which means nothing to a REST client. */
    static String reason(ConfigParseException e) {
        String place = ConfigText.escaped(e.file()) + ":" + e.line() + ": ";
        return e.getMessage().startsWith(place) ? e.getMessage().substring(place.length()) : e.getMessage();
    }

    /** @return the field of the account's line with this number, or null (not one of its lines) */
    private static String field(int lineNumber, List<AccountSection.Line> lines) {
        return lineNumber >= 1 && lineNumber <= lines.size() ? lines.get(lineNumber - 1).field() : null;
    }

    /** The warnings about the account's own lines, by field; {@code [general]}'s were given when it was imported. */
    private static List<FieldProblem> ours(List<String> warnings, List<AccountSection.Line> lines) {
        List<FieldProblem> mine = new ArrayList<>();
        for (String w : warnings) {
            Matcher m = WHERE.matcher(w);
            if (m.find()) {
                mine.add(new FieldProblem(field(Integer.parseInt(m.group(1)), lines), w.substring(m.end())));
            }
        }
        return mine;
    }

    private static boolean sectionReadsBack(String name) {
        if (name.isEmpty() || hasControl(name) || name.contains("]")) {
            return false;
        }
        List<ConfigSection> read = reread(ConfigDocument.header(name, List.of()));
        return read.size() == 1 && read.get(0).name().equals(name) && !read.get(0).template()
                && read.get(0).entries().isEmpty();
    }

    /**
     * @param option an option name
     * @param value  its value
     * @return true if {@code option = value} is one line that the parser reads back as exactly this option and value
     */
    public static boolean lineReadsBack(String option, String value) {
        if (hasControl(option) || hasControl(value)) {
            return false;
        }
        List<ConfigSection> read = reread("[s]\n" + ConfigDocument.line(option, value));
        if (read.size() != 1 || read.get(0).entries().size() != 1) {
            return false;
        }
        ConfigEntry e = read.get(0).entries().get(0);
        return e.name().equals(option) && e.value().equals(value);
    }

    /** Control characters other than a tab: line breaks, NUL, escape sequences. */
    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c));
    }

    /** @return the sections the text parses to, or none if it does not parse or warns */
    private static List<ConfigSection> reread(String text) {
        try {
            ConfigDocument doc = AsteriskConfigParser.parse(ManagerConfReader.FILE, text + "\n",
                    AsteriskConfigParser.NO_INCLUDES);
            return doc.warnings().isEmpty() ? doc.sections() : List.of();
        } catch (ConfigParseException e) {
            return List.of();
        }
    }
}
