package dev.ami.persistence.configactions;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ActionRequest;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import dev.ami.persistence.conf.ConfigParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * {@code UpdateConfig}: Asterisk's numbered edits ({@code Action-NNNNNN}, {@code Cat-}, {@code Var-},
 * {@code Value-}, {@code Match-}, {@code Line-}, {@code Options-}) applied in order to the stored
 * file, then saved as one import: every edit or none, validated like any import, applied at once.
 */
final class UpdateConfigAction implements ConfigAction {

    private static final Logger LOG = Logger.getLogger(UpdateConfigAction.class.getName());

    @Override
    public String name() {
        return "UpdateConfig";
    }

    @Override
    public Authority write() {
        return Authority.of(AuthorityClass.CONFIG);
    }

    @Override
    public String synopsis() {
        return "Update basic configuration.";
    }

    @Override
    public List<ManagerMessage> handle(ActionRequest request, StoredFiles store) {
        ManagerAction m = request.action();
        String source = m.get("SrcFilename");
        String destination = m.get("DstFilename");
        if (source.isEmpty() || destination.isEmpty()) {
            return ConfigReplies.error(m, "Filename not specified");
        }
        ConfigFile file = store.resolve(source);
        if (!file.stored() || store.resolve(destination) != file) {
            // Asterisk refuses a missing file the same way; one stored file is not saved as another
            return ConfigReplies.error(m, "File requires escalated privileges");
        }
        List<Category> categories = new ArrayList<>(store.categories(file));
        String failure = apply(m, categories);
        if (failure != null) {
            return ConfigReplies.error(m, failure);
        }
        try {
            store.save(file, categories);
        } catch (ConfigParseException e) {
            LOG.warning(() -> "UpdateConfig by " + request.username() + " refused: " + e.getMessage());
            return ConfigReplies.error(m, "Save of config failed");
        }
        return List.of(ManagerResponse.success(m).build());
    }

    /**
     * Applies the edits as Asterisk's {@code handle_updates} does: each edit acts on every category
     * of that name that its {@code catfilter} option selects (templates only when the filter asks
     * for them, {@code TEMPLATES=include} or {@code restrict}); {@code ignoreerror} forgives a
     * missing category or line where Asterisk does.
     *
     * @return null when every edit applied, else Asterisk's message for the first that did not
     */
    static String apply(ManagerAction m, List<Category> categories) {
        for (int x = 0; x < 100_000; x++) {
            String n = String.format("%06d", x);
            String action = m.get("Action-" + n);
            if (action.isEmpty()) {
                return null;
            }
            String cat = m.get("Cat-" + n);
            String var = m.get("Var-" + n);
            String value = m.get("Value-" + n);
            String match = m.get("Match-" + n);
            String line = m.get("Line-" + n);
            if (cat.isEmpty()) {
                return "Category not specified";
            }
            Options o = Options.parse(m.get("Options-" + n));
            List<Category> chosen = categories.stream()
                    .filter(c -> c.name().equalsIgnoreCase(cat) && c.matches(o.catFilter())).toList();
            String failure = switch (action.toLowerCase(Locale.ROOT)) {
                case "newcat" -> newCategory(categories, cat, match, o);
                case "renamecat" -> value.isEmpty() ? UNSPECIFIED : each(chosen, false, c -> c.rename(value));
                case "delcat" -> each(chosen, o.ignoreError(), categories::remove);
                case "emptycat" -> each(chosen, false, c -> c.lines().clear());
                case "update" -> var.isEmpty() ? UNSPECIFIED : lineEdit(chosen, false, "Update did not complete successfully",
                        c -> update(c, var, value, match));
                case "delete" -> var.isEmpty() && line.isEmpty() ? UNSPECIFIED : lineEdit(chosen, o.ignoreError(),
                        // Asterisk reports a delete that found nothing as a failed update
                        "Update did not complete successfully", c -> delete(c, var, match, line));
                case "append" -> var.isEmpty() ? UNSPECIFIED : each(chosen, false, c -> c.lines().add(new String[] {var, value}));
                case "insert" -> var.isEmpty() || line.isEmpty() ? UNSPECIFIED : each(chosen, false, c -> {
                    int at = number(line);
                    c.lines().add(at < 0 || at > c.lines().size() ? c.lines().size() : at, new String[] {var, value});
                });
                default -> "Unknown action command";
            };
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private static final String UNSPECIFIED = "Problem with category, value, or line (if required)";
    private static final String NO_CATEGORY = "Given category does not exist";

    /** An edit's {@code Options-NNNNNN}: comma-separated {@code allowdups}, {@code template}, {@code ignoreerror}, {@code inherit=}, {@code catfilter=}. */
    private record Options(boolean allowDups, boolean template, boolean ignoreError, List<String> inherits,
            String catFilter) {

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

    /** Runs an edit on every chosen category; none chosen is an error unless forgiven. */
    private static String each(List<Category> chosen, boolean ignoreMissing, java.util.function.Consumer<Category> edit) {
        if (chosen.isEmpty()) {
            return ignoreMissing ? null : NO_CATEGORY;
        }
        chosen.forEach(edit);
        return null;
    }

    /** A line edit on every chosen category: it fails if no category had the line, unless forgiven. */
    private static String lineEdit(List<Category> chosen, boolean ignoreMissingLine, String failure,
            java.util.function.Predicate<Category> edit) {
        if (chosen.isEmpty()) {
            return NO_CATEGORY;
        }
        boolean done = false;
        for (Category c : chosen) {
            done |= edit.test(c);
        }
        return done || ignoreMissingLine ? null : failure;
    }

    private static String newCategory(List<Category> categories, String name, String before, Options o) {
        // a name taken by any category, templates included, is refused unless allowdups
        if (!o.allowDups() && categories.stream().anyMatch(c -> c.name().equalsIgnoreCase(name))) {
            return o.ignoreError() ? null : "Create category did not complete successfully";
        }
        for (String t : o.inherits()) {
            // only a template can be inherited from
            if (categories.stream().noneMatch(c -> c.template() && c.name().equalsIgnoreCase(t))) {
                return "Template category not found";
            }
        }
        Category created = new Category(name, o.template(), o.inherits());
        int at = before.isEmpty() ? -1 : indexOf(categories, before);
        if (!before.isEmpty() && at < 0) {
            return "Create category did not complete successfully";
        }
        if (at < 0) {
            categories.add(created);
        } else {
            categories.add(at, created);
        }
        return null;
    }

    private static int indexOf(List<Category> categories, String name) {
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Asterisk's ast_variable_update: the first line of that name (and value, if given); true if there was one. */
    private static boolean update(Category c, String var, String value, String match) {
        for (String[] l : c.lines()) {
            if (l[0].equalsIgnoreCase(var) && (match.isEmpty() || l[1].equalsIgnoreCase(match))) {
                l[1] = value;
                return true;
            }
        }
        return false;
    }

    /** Asterisk's ast_variable_delete: by line number, or every line of that name (and value); true if any went. */
    private static boolean delete(Category c, String var, String match, String line) {
        int index = line.isEmpty() ? -1 : number(line);
        if (!line.isEmpty() && index < 0) {
            return false; // not an item number
        }
        boolean removed = false;
        List<String[]> lines = c.lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] l = lines.get(i);
            // a line number, when given, is the only criterion
            boolean hit = index >= 0 ? i == index
                    : l[0].equalsIgnoreCase(var) && (match.isEmpty() || l[1].equalsIgnoreCase(match));
            if (hit) {
                lines.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
