package dev.ami.persistence.store;

import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.Digests;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.SettingsCheck;
import dev.ami.persistence.manager.SettingsForm;
import dev.ami.persistence.store.ChangeRefused.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Changes the {@code [general]} section of manager.conf or http.conf the way an import of the file
 * with that change would, as {@link AccountWriter} changes an account: the values are checked by
 * the file's own reader ({@link SettingsCheck}), the kept file (or its export where none was kept,
 * or the kept one no longer says what is stored) is edited where the changed options stand, read
 * back whole by the import's reader, and must come to exactly these settings and nothing else
 * changed; then the settings row is written, the kept file replaced and {@link ConfigurationChanged}
 * fired, so the connector and the HTTP listener apply it as they apply an import. Runs inside the
 * store's write lock and transaction.
 *
 * @param <S> the settings record
 */
final class SettingsWriter<S> {

    private static final Logger LOG = Logger.getLogger(SettingsWriter.class.getName());

    /** Reads a whole file and says what it would change in the store. */
    @FunctionalInterface
    interface DiffTo {
        ConfigurationDiff diff(ConfigDocument doc) throws ConfigParseException;
    }

    private final SettingsForm<S> form;
    private final String kind;
    private final Supplier<S> stored;
    private final Supplier<String> export;
    private final Supplier<Optional<String>> kept;
    private final DiffTo diffTo;
    private final Consumer<S> store;
    private final Consumer<ConfigDocument> keep;
    private final Consumer<ConfigurationChanged> changed;
    private final BiConsumer<Map<String, Object>, Map<String, Object>> written;

    /**
     * @param form    the file's form
     * @param kind    the kind its diff gives the section ({@link ConfigurationDiff#GENERAL} or {@link ConfigurationDiff#HTTP})
     * @param stored  reads the stored settings
     * @param export  the stored file, exported
     * @param kept    the file as last kept
     * @param diffTo  what a file would change
     * @param store   writes the settings row
     * @param keep    keeps the file as changed
     * @param changed tells the observers of a committed change
     * @param written records a change in the audit trail, in the change's transaction: the values before and after
     */
    SettingsWriter(SettingsForm<S> form, String kind, Supplier<S> stored, Supplier<String> export,
            Supplier<Optional<String>> kept, DiffTo diffTo, Consumer<S> store, Consumer<ConfigDocument> keep,
            Consumer<ConfigurationChanged> changed, BiConsumer<Map<String, Object>, Map<String, Object>> written) {
        this.form = form;
        this.kind = kind;
        this.stored = stored;
        this.export = export;
        this.kept = kept;
        this.diffTo = diffTo;
        this.store = store;
        this.keep = keep;
        this.changed = changed;
        this.written = written;
    }

    SettingsState state() {
        Map<String, Object> values = form.view().apply(stored.get());
        return new SettingsState(values, Digests.of(form.file(), values), List.of());
    }

    /**
     * @param ifMatch tested with the current ETag: false refuses the change as stale
     * @param values  a value for every option of the form
     * @return the settings as stored now; {@code changed} false if they already were as asked
     */
    SettingsWrite replace(Predicate<String> ifMatch, Map<String, Object> values) throws ChangeRefused {
        SettingsState current = state();
        if (!ifMatch.test(current.etag())) {
            throw new ChangeRefused(Reason.STALE, form.file() + " [general] has changed since the state named by"
                    + " If-Match; read it again", List.of());
        }
        Map<String, Object> asked = SettingsCheck.ordered(form, values);
        SettingsCheck.Result<S> check = SettingsCheck.check(form, asked);
        if (!check.errors().isEmpty()) {
            throw new ChangeRefused(Reason.INVALID, "the settings would not be valid in " + form.file(),
                    check.errors());
        }
        if (current.values().equals(asked)) {
            return new SettingsWrite(new SettingsState(current.values(), current.etag(), check.warnings()), false);
        }
        ConfigDocument base = base();
        Set<String> editing = new LinkedHashSet<>();
        asked.forEach((name, value) -> {
            if (!Objects.equals(current.values().get(name), value)) {
                editing.add(name);
            }
        });
        ConfigDocument edited = null;
        S read = null;
        Map<String, Object> back = null;
        // a second pass writes out the options whose value followed one that changed (tlsbindaddr follows bindaddr)
        for (int pass = 0; pass < 2; pass++) {
            edited = reparsed(edited(base, asked, editing));
            read = read(edited);
            back = form.view().apply(read);
            Map<String, Object> now = back;
            List<String> differing = asked.keySet().stream().filter(n -> !Objects.equals(now.get(n), asked.get(n))).toList();
            if (differing.isEmpty()) {
                break;
            }
            editing.addAll(differing);
        }
        List<FieldProblem> unlike = new ArrayList<>();
        for (String name : asked.keySet()) {
            if (!Objects.equals(back.get(name), asked.get(name))) {
                unlike.add(new FieldProblem(name, "does not read back from " + form.file() + " as given"));
            }
        }
        if (!unlike.isEmpty()) {
            throw new ChangeRefused(Reason.INVALID, form.file() + " with this change would not read as asked", unlike);
        }
        ConfigurationDiff diff;
        try {
            diff = diffTo.diff(edited);
        } catch (ConfigParseException e) {
            throw new ChangeRefused(Reason.INVALID, form.file() + " with this change would not be read: "
                    + e.getMessage(), List.of());
        }
        if (!diff.accountsAdded().isEmpty() || !diff.accountsChanged().isEmpty() || !diff.accountsRemoved().isEmpty()
                || diff.changes().stream().anyMatch(c -> !c.kind().equals(kind) || !c.name().equals("general"))) {
            throw new IllegalStateException("a change of " + form.file() + " [general] would have changed more: " + diff);
        }
        // the whole file's reading: http.conf's restriction sections are part of its settings
        store.accept(read);
        keep.accept(edited);
        SettingsState now = state();
        written.accept(current.values(), now.values());
        ConfigurationDiff logged = diff;
        LOG.info(() -> form.file() + " [general] changed through the administration API: " + logged);
        // observers act once the transaction has committed (the connector re-reads the store), as after an import
        changed.accept(new ConfigurationChanged(diff));
        return new SettingsWrite(new SettingsState(now.values(), now.etag(), check.warnings()), true);
    }

    private S read(ConfigDocument doc) throws ChangeRefused {
        try {
            return form.reader().read(doc, new ArrayList<>());
        } catch (ConfigParseException e) {
            throw new ChangeRefused(Reason.INVALID, form.file() + " with this change would not be read: "
                    + e.getMessage(), List.of());
        }
    }

    /** The file as kept if it still says what is stored, else the export. */
    private ConfigDocument base() {
        Optional<String> text = kept.get();
        if (text.isPresent()) {
            try {
                ConfigDocument doc = AsteriskConfigParser.parse(form.file(), text.get(), AsteriskConfigParser.NO_INCLUDES);
                if (diffTo.diff(doc).isEmpty()) {
                    return doc;
                }
                LOG.warning(() -> "The kept " + form.file() + " no longer says what is stored; the change edits its export");
            } catch (ConfigParseException e) {
                LOG.warning(() -> "The kept " + form.file() + " does not read (" + e.getMessage() + "); the change edits"
                        + " its export");
            }
        }
        try {
            return AsteriskConfigParser.parse(form.file(), export.get(), AsteriskConfigParser.NO_INCLUDES);
        } catch (ConfigParseException e) {
            throw new IllegalStateException("the export of " + form.file() + " does not read: " + e.getMessage(), e);
        }
    }

    private ConfigDocument reparsed(ConfigDocument doc) throws ChangeRefused {
        try {
            return AsteriskConfigParser.parse(form.file(), doc.render(), AsteriskConfigParser.NO_INCLUDES);
        } catch (ConfigParseException e) {
            throw new ChangeRefused(Reason.INVALID, form.file() + " with this change would not be read: "
                    + e.getMessage(), List.of());
        }
    }

    /**
     * The document with the options named replaced in {@code [general]}: their lines (any spelling)
     * give way to the new ones where the first stood, or at the end of the section; the section
     * holds all its lines itself and inherits from nothing. A file without {@code [general]} gets one first.
     */
    private ConfigDocument edited(ConfigDocument base, Map<String, Object> values, Set<String> names) {
        List<ConfigSection> sections = new ArrayList<>(base.sections());
        int at = -1;
        for (int i = 0; i < sections.size() && at < 0; i++) {
            if (!sections.get(i).template() && sections.get(i).name().equalsIgnoreCase("general")) {
                at = i;
            }
        }
        ConfigSection general = at < 0 ? new ConfigSection("general", false, List.of(), 0) : sections.get(at);
        List<ConfigEntry> entries = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (ConfigEntry e : general.entries()) {
            SettingsForm.Option option = names.stream().map(form::option).filter(o -> o.spelled(e.name())).findFirst()
                    .orElse(null);
            if (option == null) {
                entries.add(e);
            } else if (written.add(option.name())) {
                lines(option, values.get(option.name()), entries);
            }
        }
        for (String name : names) {
            if (written.add(name)) {
                lines(form.option(name), values.get(name), entries);
            }
        }
        ConfigSection fresh = new ConfigSection(general.name(), false, entries, general.line());
        if (at < 0) {
            sections.add(0, fresh);
        } else {
            sections.set(at, fresh);
        }
        return new ConfigDocument(base.file(), sections, List.of());
    }

    private void lines(SettingsForm.Option option, Object value, List<ConfigEntry> entries) {
        SettingsForm.lines(option, value).forEach(line -> entries.add(new ConfigEntry(option.name(), line, form.file(), 0)));
    }
}
