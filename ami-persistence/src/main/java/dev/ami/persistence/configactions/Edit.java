package dev.ami.persistence.configactions;

import dev.ami.api.message.ManagerAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * One numbered edit of an UpdateConfig request ({@code Cat-NNNNNN}, {@code Var-}, {@code Value-},
 * {@code Match-}, {@code Line-}, {@code Options-}), applied as Asterisk's handle_updates applies it
 * (main/manager.c).
 *
 * @param number  the edit's number, {@code NNNNNN}
 * @param cat     the category name
 * @param var     the option name
 * @param value   the value
 * @param match   the value to match (Update, Delete) or the category to insert before (NewCat)
 * @param line    a line number (Delete, Insert)
 * @param options its options
 */
record Edit(String number, String cat, String var, String value, String match, String line, Options options) {

    private static final Logger LOG = Logger.getLogger(Edit.class.getName());

    static final String UNSPECIFIED = "Problem with category, value, or line (if required)";
    static final String NO_CATEGORY = "Given category does not exist";
    static final String UPDATE_FAILED = "Update did not complete successfully";
    static final String NEWCAT_FAILED = "Create category did not complete successfully";

    static Edit of(ManagerAction m, String number) {
        return new Edit(number, m.get("Cat-" + number), m.get("Var-" + number), m.get("Value-" + number),
                m.get("Match-" + number), m.get("Line-" + number), Options.parse(m.get("Options-" + number)));
    }

    /**
     * @param action     the edit's {@code Action-NNNNNN}
     * @param categories the file's categories, changed in place when the edit applies
     * @return Asterisk's error when it does not apply
     */
    Optional<String> applyTo(String action, List<Category> categories) {
        if (cat.isEmpty()) {
            return Optional.of("Category not specified");
        }
        List<Integer> chosen = IntStream.range(0, categories.size())
                .filter(i -> categories.get(i).name().equalsIgnoreCase(cat) && categories.get(i).matches(options.catFilter()))
                .boxed().toList();
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "newcat" -> writes("Cat", Verbatim.categoryName(cat), () -> newCategory(categories));
            case "renamecat" -> value.isEmpty() ? Optional.of(UNSPECIFIED)
                    : writes("Value", Verbatim.categoryName(value), () -> each(categories, chosen, c -> c.renamed(value)));
            case "delcat" -> chosen.isEmpty() ? missingCategory(options.ignoreError()) : delete(categories, chosen);
            case "emptycat" -> each(categories, chosen, c -> c.withLines(List.of()));
            case "update" -> var.isEmpty() ? Optional.of(UNSPECIFIED)
                    : writes("Value", Verbatim.value(value), () -> lineEdit(categories, chosen, false, this::update));
            case "delete" -> var.isEmpty() && line.isEmpty() ? Optional.of(UNSPECIFIED)
                    // Asterisk reports a delete that found nothing as a failed update
                    : lineEdit(categories, chosen, options.ignoreError(), this::delete);
            case "append" -> var.isEmpty() ? Optional.of(UNSPECIFIED) : writes("Var or Value", Verbatim.line(var, value),
                    () -> each(categories, chosen, c -> c.withLines(inserted(c.lines(), c.lines().size()))));
            case "insert" -> var.isEmpty() || line.isEmpty() ? Optional.of(UNSPECIFIED)
                    : writes("Var or Value", Verbatim.line(var, value), () -> each(categories, chosen, c -> {
                        int at = number(line);
                        return c.withLines(inserted(c.lines(), at < 0 || at > c.lines().size() ? c.lines().size() : at));
                    }));
            default -> Optional.of("Unknown action command");
        };
    }

    /** An edit that writes text: refused as a failed update unless the text reads back as itself. */
    private Optional<String> writes(String field, boolean verbatim, Supplier<Optional<String>> edit) {
        if (!verbatim) {
            // the text itself is not logged: it may be a secret
            LOG.warning(() -> "UpdateConfig refused edit " + number + ": its " + field
                    + " would not read back as written (a line break, directive, section header or comment)");
            return Optional.of(UPDATE_FAILED);
        }
        return edit.get();
    }

    private static Optional<String> missingCategory(boolean forgiven) {
        return forgiven ? Optional.empty() : Optional.of(NO_CATEGORY);
    }

    /** Replaces every chosen category by its edited form; none chosen is an error. */
    private static Optional<String> each(List<Category> categories, List<Integer> chosen, UnaryOperator<Category> edit) {
        if (chosen.isEmpty()) {
            return Optional.of(NO_CATEGORY);
        }
        chosen.forEach(i -> categories.set(i, edit.apply(categories.get(i))));
        return Optional.empty();
    }

    private static Optional<String> delete(List<Category> categories, List<Integer> chosen) {
        for (int i = chosen.size() - 1; i >= 0; i--) {
            categories.remove((int) chosen.get(i));
        }
        return Optional.empty();
    }

    /** A line edit on every chosen category: it fails if no category had the line, unless forgiven. */
    private static Optional<String> lineEdit(List<Category> categories, List<Integer> chosen, boolean ignoreMissingLine,
            Function<Category, Optional<Category>> edit) {
        if (chosen.isEmpty()) {
            return Optional.of(NO_CATEGORY);
        }
        boolean done = false;
        for (int i : chosen) {
            Optional<Category> edited = edit.apply(categories.get(i));
            if (edited.isPresent()) {
                categories.set(i, edited.get());
                done = true;
            }
        }
        return done || ignoreMissingLine ? Optional.empty() : Optional.of(UPDATE_FAILED);
    }

    private Optional<String> newCategory(List<Category> categories) {
        // a name taken by any category, templates included, is refused unless allowdups
        if (!options.allowDups() && categories.stream().anyMatch(c -> c.name().equalsIgnoreCase(cat))) {
            return options.ignoreError() ? Optional.empty() : Optional.of(NEWCAT_FAILED);
        }
        for (String t : options.inherits()) {
            // only a template can be inherited from
            if (categories.stream().noneMatch(c -> c.template() && c.name().equalsIgnoreCase(t))) {
                return Optional.of("Template category not found");
            }
        }
        Category created = Category.created(cat, options.template(), options.inherits());
        if (match.isEmpty()) {
            categories.add(created);
            return Optional.empty();
        }
        int before = IntStream.range(0, categories.size()).filter(i -> categories.get(i).name().equalsIgnoreCase(match))
                .findFirst().orElse(-1);
        if (before < 0) {
            return Optional.of(NEWCAT_FAILED);
        }
        categories.add(before, created);
        return Optional.empty();
    }

    /** Asterisk's ast_variable_update: the first line of that name (and value, if given). */
    private Optional<Category> update(Category c) {
        List<Category.Line> lines = c.lines();
        for (int i = 0; i < lines.size(); i++) {
            Category.Line l = lines.get(i);
            if (l.name().equalsIgnoreCase(var) && (match.isEmpty() || l.value().equalsIgnoreCase(match))) {
                List<Category.Line> edited = new ArrayList<>(lines);
                edited.set(i, new Category.Line(l.name(), value));
                return Optional.of(c.withLines(edited));
            }
        }
        return Optional.empty();
    }

    /** Asterisk's ast_variable_delete: by line number, or every line of that name (and value). */
    private Optional<Category> delete(Category c) {
        int index = line.isEmpty() ? -1 : number(line);
        if (!line.isEmpty() && index < 0) {
            return Optional.empty(); // not an item number
        }
        List<Category.Line> kept = new ArrayList<>();
        List<Category.Line> lines = c.lines();
        for (int i = 0; i < lines.size(); i++) {
            Category.Line l = lines.get(i);
            // a line number, when given, is the only criterion
            boolean hit = index >= 0 ? i == index
                    : l.name().equalsIgnoreCase(var) && (match.isEmpty() || l.value().equalsIgnoreCase(match));
            if (!hit) {
                kept.add(l);
            }
        }
        return kept.size() < lines.size() ? Optional.of(c.withLines(kept)) : Optional.empty();
    }

    private List<Category.Line> inserted(List<Category.Line> lines, int at) {
        List<Category.Line> edited = new ArrayList<>(lines);
        edited.add(at, new Category.Line(var, value));
        return edited;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * An edit's {@code Options-NNNNNN}: comma-separated {@code allowdups}, {@code template},
     * {@code ignoreerror}, {@code inherit=}, {@code catfilter=}.
     */
    record Options(boolean allowDups, boolean template, boolean ignoreError, List<String> inherits, String catFilter) {

        Options {
            inherits = List.copyOf(inherits);
        }

        static Options parse(String text) {
            boolean allowDups = false;
            boolean template = false;
            boolean ignoreError = false;
            List<String> inherits = new ArrayList<>();
            String catFilter = "";
            for (String option : text.split(",")) {
                String o = option.strip();
                String lower = o.toLowerCase(Locale.ROOT);
                if (lower.equals("allowdups")) {
                    allowDups = true;
                } else if (lower.equals("template")) {
                    template = true;
                } else if (lower.equals("ignoreerror")) {
                    ignoreError = true;
                } else if (lower.startsWith("inherit") && o.contains("=")) {
                    for (String t : o.substring(o.indexOf('=') + 1).split("\\|")) {
                        if (!t.isBlank()) {
                            inherits.add(t.strip());
                        }
                    }
                } else if (lower.startsWith("catfilter") && o.contains("=")) {
                    // the rest of the option, up to the next '=' as Asterisk splits it
                    String[] parts = o.split("=", -1);
                    catFilter = parts[1].strip() + (parts.length > 2 ? "=" + parts[2].strip() : "");
                }
            }
            return new Options(allowDups, template, ignoreError, inherits, catFilter);
        }
    }
}
