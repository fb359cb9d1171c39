package dev.ami.persistence.store;

import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigEntry;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import dev.ami.persistence.conf.ConfigText;
import dev.ami.persistence.manager.AccountCheck;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.ImportedConfiguration;
import dev.ami.persistence.manager.ManagerConfReader;
import dev.ami.persistence.manager.Templates;
import dev.ami.persistence.secret.SecretCipher;
import dev.ami.persistence.store.ChangeRefused.Reason;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Changes a template's own lines the way an import of manager.conf with that change would: the
 * template lives only in the kept manager.conf, so that file must still say what the tables say
 * (else the change is refused: there is no coherent template to change). Its section's own lines
 * are replaced, the file is written out with each section naming its templates and read back by
 * the import's parser and reader, so every account inheriting from it (directly or through another
 * template) gets the new lines as an import would give them; the change may touch only those
 * accounts. Their rows are written, the kept file replaced and {@link ConfigurationChanged} fired,
 * so the connector applies it at once. Runs inside the store's write lock and transaction.
 */
final class TemplateWriter {

    private static final Logger LOG = Logger.getLogger(TemplateWriter.class.getName());

    private final EntityManager em;
    private final SecretCipher cipher;
    private final Supplier<ImportedConfiguration> stored;
    private final Supplier<Optional<String>> kept;
    private final Consumer<ConfigDocument> keep;
    private final Consumer<ConfigurationChanged> changed;
    private final Written written;

    /** Records a change in the audit trail, in the change's transaction. */
    interface Written {
        /**
         * @param before   the template before
         * @param after    the template after
         * @param accounts each inheriting account that changed: before and after, secrets in clear
         */
        void record(Templates.Template before, Templates.Template after,
                List<Map.Entry<AccountDefinition, AccountDefinition>> accounts);
    }

    TemplateWriter(EntityManager em, SecretCipher cipher, Supplier<ImportedConfiguration> stored,
            Supplier<Optional<String>> kept, Consumer<ConfigDocument> keep, Consumer<ConfigurationChanged> changed,
            Written written) {
        this.em = em;
        this.cipher = cipher;
        this.stored = stored;
        this.kept = kept;
        this.keep = keep;
        this.changed = changed;
        this.written = written;
    }

    /**
     * @param name    the template, matched without regard to case
     * @param ifMatch tested with its ETag
     * @param options its own lines as they are to be: option name to a value or a list of values
     * @return the template as stored now, with the import's warnings about its lines
     */
    TemplateWrite replace(String name, Predicate<String> ifMatch, Map<String, Object> options) throws ChangeRefused {
        ImportedConfiguration before = stored.get();
        ConfigDocument base = base(before);
        ConfigSection section = base.sections().stream().filter(s -> s.template() && s.name().equalsIgnoreCase(name))
                .findFirst().orElseThrow(() -> new ChangeRefused(Reason.UNKNOWN, "manager.conf as kept has no"
                        + " template named " + ConfigText.name(name), List.of()));
        Templates.Template current = Templates.of(base).stream().filter(t -> t.name().equals(section.name())).findFirst()
                .orElseThrow();
        if (!ifMatch.test(current.etag())) {
            throw new ChangeRefused(Reason.STALE, "the template " + ConfigText.name(section.name())
                    + " has changed since the state named by If-Match; read it again", List.of());
        }
        List<ConfigEntry> own = new ArrayList<>();
        List<FieldProblem> errors = new ArrayList<>();
        options.forEach((option, value) -> {
            List<String> values = value instanceof List<?> list ? list.stream().map(String.class::cast).toList()
                    : List.of((String) value);
            for (String v : values) {
                if (option.isEmpty() || !AccountCheck.lineReadsBack(option, v)) {
                    errors.add(new FieldProblem("options." + option, "cannot be written as a manager.conf line that"
                            + " reads back as given (no line breaks or other control characters, no blanks at either end)"));
                } else {
                    own.add(new ConfigEntry(option, v, ManagerConfReader.FILE, 0));
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new ChangeRefused(Reason.INVALID, "the template would not be valid in manager.conf", errors);
        }
        if (current.options().equals(options)) {
            return new TemplateWrite(current, List.of(), false);
        }
        List<ConfigEntry> entries = new ArrayList<>(section.entries().subList(0, section.inherited()));
        entries.addAll(own);
        List<ConfigSection> sections = new ArrayList<>(base.sections());
        sections.set(sections.indexOf(section), new ConfigSection(section.name(), true, entries, section.line(),
                section.templates(), section.inherited()));
        Map<Integer, String> lineOptions = new HashMap<>();
        String text = withInheritance(sections, section.name(), lineOptions);
        ConfigDocument edited;
        ImportedConfiguration after;
        try {
            edited = AsteriskConfigParser.parse(ManagerConfReader.FILE, text, AsteriskConfigParser.NO_INCLUDES);
            after = ManagerConfReader.read(edited);
        } catch (ConfigParseException e) {
            String option = lineOptions.get(e.line());
            throw new ChangeRefused(Reason.INVALID, "manager.conf with this change would not be read",
                    List.of(new FieldProblem(option == null ? null : "options." + option, reason(e))));
        }
        ConfigurationDiff diff = ConfigurationDiff.between(before, after).withTemplates(base, edited);
        Set<String> inheritors = current.accounts().stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!diff.accountsAdded().isEmpty() || !diff.accountsRemoved().isEmpty() || !diff.settingsChanged().isEmpty()
                || !diff.accountsChanged().stream().allMatch(a -> inheritors.contains(a.toLowerCase(Locale.ROOT)))) {
            throw new IllegalStateException("a change of a template would have changed more than its inheritors: " + diff);
        }
        List<Map.Entry<AccountDefinition, AccountDefinition>> accounts = new ArrayList<>();
        for (String account : diff.accountsChanged()) {
            AccountDefinition next = after.accounts().stream().filter(a -> a.username().equalsIgnoreCase(account))
                    .findFirst().orElseThrow();
            AccountEntity entity = em.createNamedQuery(AccountEntity.BY_KEY, AccountEntity.class)
                    .setParameter("key", AccountEntity.key(account)).getResultStream().findFirst().orElseThrow();
            accounts.add(Map.entry(entity.toDefinition(cipher), next));
            entity.replace(next, cipher, false);
        }
        em.flush();
        keep.accept(edited);
        LOG.info(() -> "Template " + ConfigText.name(section.name()) + " changed through the administration API: " + diff);
        // observers act once the transaction has committed (the connector re-reads the store), as after an import
        changed.accept(new ConfigurationChanged(diff));
        Templates.Template now = Templates.of(edited).stream().filter(t -> t.name().equals(section.name())).findFirst()
                .orElseThrow();
        written.record(current, now, accounts);
        return new TemplateWrite(now, warnings(after.warnings(), lineOptions), true);
    }

    /** manager.conf as kept, which must say what the tables say: the templates live there only. */
    private ConfigDocument base(ImportedConfiguration before) throws ChangeRefused {
        String why = "templates live only in manager.conf as kept, ";
        String text = kept.get().orElseThrow(() -> new ChangeRefused(Reason.CONFLICT, why + "and none was kept;"
                + " import manager.conf first", List.of()));
        try {
            ConfigDocument doc = AsteriskConfigParser.parse(ManagerConfReader.FILE, text, AsteriskConfigParser.NO_INCLUDES);
            if (ConfigurationDiff.between(before, ManagerConfReader.read(doc)).isEmpty()) {
                return doc;
            }
        } catch (ConfigParseException e) {
            LOG.warning(() -> "The kept manager.conf does not read: " + e.getMessage());
        }
        throw new ChangeRefused(Reason.CONFLICT, why + "which no longer says what is stored; import"
                + " manager.conf first", List.of());
    }

    /**
     * The sections as text, each naming its templates and then its own lines, so that reading it
     * copies the changed template into every section inheriting from it; the template's own lines'
     * numbers are noted with their options.
     */
    private static String withInheritance(List<ConfigSection> sections, String template, Map<Integer, String> lineOptions) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (ConfigSection s : sections) {
            List<String> flags = new ArrayList<>();
            if (s.template()) {
                flags.add("!");
            }
            flags.addAll(s.templates());
            out.append(ConfigDocument.header(s.name(), flags)).append('\n');
            line++;
            for (ConfigEntry e : s.entries().subList(s.inherited(), s.entries().size())) {
                out.append(ConfigDocument.line(e.name(), e.value())).append('\n');
                line++;
                if (s.template() && s.name().equals(template)) {
                    lineOptions.put(line, e.name());
                }
            }
            out.append('\n');
            line++;
        }
        return out.toString();
    }

    private static final Pattern WHERE = Pattern.compile("^" + Pattern.quote(ManagerConfReader.FILE) + ":(\\d+): ");

    /** The import's warnings about the template's own lines, by option. */
    private static List<FieldProblem> warnings(List<String> warnings, Map<Integer, String> lineOptions) {
        List<FieldProblem> ours = new ArrayList<>();
        for (String w : warnings) {
            Matcher m = WHERE.matcher(w);
            if (m.find() && lineOptions.containsKey(Integer.parseInt(m.group(1)))) {
                ours.add(new FieldProblem("options." + lineOptions.get(Integer.parseInt(m.group(1))), w.substring(m.end())));
            }
        }
        return ours;
    }

    private static String reason(ConfigParseException e) {
        Matcher m = WHERE.matcher(e.getMessage());
        return m.find() ? e.getMessage().substring(m.end()) : e.getMessage();
    }
}
