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

    /** @return null when every edit applied, else Asterisk's message for the first that did not */
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
            String failure = switch (action.toLowerCase(Locale.ROOT)) {
                case "newcat" -> newCategory(categories, cat, match, m.get("Options-" + n));
                case "renamecat" -> value.isEmpty() ? UNSPECIFIED : withCategory(categories, cat, c -> {
                    c.rename(value);
                    return null;
                });
                case "delcat" -> withCategory(categories, cat, c -> {
                    categories.remove(c);
                    return null;
                });
                case "emptycat" -> withCategory(categories, cat, c -> {
                    c.lines().clear();
                    return null;
                });
                case "update" -> var.isEmpty() ? UNSPECIFIED : withCategory(categories, cat, c -> update(c, var, value, match));
                case "delete" -> var.isEmpty() && line.isEmpty() ? UNSPECIFIED
                        : withCategory(categories, cat, c -> delete(c, var, match, line));
                case "append" -> var.isEmpty() ? UNSPECIFIED : withCategory(categories, cat, c -> {
                    c.lines().add(new String[] {var, value});
                    return null;
                });
                case "insert" -> var.isEmpty() || line.isEmpty() ? UNSPECIFIED : withCategory(categories, cat, c -> {
                    int at = number(line);
                    c.lines().add(at < 0 || at > c.lines().size() ? c.lines().size() : at, new String[] {var, value});
                    return null;
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

    private interface Edit {
        String on(Category c);
    }

    private static String withCategory(List<Category> categories, String name, Edit edit) {
        int at = indexOf(categories, name);
        // not Optional.map: a successful edit answers null
        return at < 0 ? "Given category does not exist" : edit.on(categories.get(at));
    }

    private static String newCategory(List<Category> categories, String name, String before, String options) {
        boolean allowDups = false;
        boolean template = false;
        List<String> inherits = new ArrayList<>();
        for (String option : options.split(",")) {
            String o = option.strip();
            if (o.equalsIgnoreCase("allowdups")) {
                allowDups = true;
            } else if (o.equalsIgnoreCase("template")) {
                template = true;
            } else if (o.toLowerCase(Locale.ROOT).startsWith("inherit=")) {
                for (String t : o.substring("inherit=".length()).split("\\|")) {
                    if (!t.isBlank()) {
                        inherits.add(t.strip());
                    }
                }
            }
        }
        if (!allowDups && categories.stream().anyMatch(c -> c.name().equalsIgnoreCase(name))) {
            return "Create category did not complete successfully";
        }
        for (String t : inherits) {
            if (categories.stream().noneMatch(c -> c.name().equalsIgnoreCase(t))) {
                return "Template category not found";
            }
        }
        Category created = new Category(name, template, inherits);
        int at = before.isEmpty() ? -1 : indexOf(categories, before);
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

    private static String update(Category c, String var, String value, String match) {
        for (String[] l : c.lines()) {
            if (l[0].equalsIgnoreCase(var) && (match.isEmpty() || l[1].equals(match))) {
                l[1] = value;
                return null;
            }
        }
        return "Update did not complete successfully";
    }

    private static String delete(Category c, String var, String match, String line) {
        int index = line.isEmpty() ? -1 : number(line);
        boolean removed = false;
        List<String[]> lines = c.lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] l = lines.get(i);
            boolean byName = !var.isEmpty() && l[0].equalsIgnoreCase(var) && (match.isEmpty() || l[1].equals(match));
            if (byName || i == index) {
                lines.remove(i);
                removed = true;
            }
        }
        return removed ? null : "Delete did not complete successfully";
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
