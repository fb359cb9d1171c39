package dev.ami.persistence.store;

import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import dev.ami.persistence.conf.ConfigText;
import dev.ami.persistence.manager.AccountCheck;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AccountSection;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.ImportedConfiguration;
import dev.ami.persistence.manager.ManagerConfReader;
import dev.ami.persistence.manager.ManagerConfWriter;
import dev.ami.persistence.secret.SecretCipher;
import dev.ami.persistence.store.ChangeRefused.Reason;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Changes one account the way an import of manager.conf with that one change would: the stored
 * manager.conf (as last imported, or the export where none was kept) is edited, read back by the
 * import's own reader, and must come to exactly this change; then only that account's row is
 * written, the kept manager.conf replaced, and {@link ConfigurationChanged} fired, so the connector
 * applies it as it applies an import. Run inside the store's write lock and transaction, so that the
 * checks (the account exists, is as the caller last saw it, the new name is free) and the write are
 * one step.
 */
final class AccountWriter {

    private static final Logger LOG = Logger.getLogger(AccountWriter.class.getName());

    private final EntityManager em;
    private final SecretCipher cipher;
    private final Supplier<ImportedConfiguration> stored;
    private final Supplier<Optional<String>> kept;
    private final Consumer<ConfigDocument> keep;
    private final Consumer<ConfigurationChanged> changed;
    private final BiConsumer<AccountDefinition, AccountDefinition> written;

    /**
     * @param em      the store's entity manager
     * @param cipher  the secrets' cipher
     * @param stored  reads the stored configuration
     * @param kept    reads manager.conf as last kept
     * @param keep    keeps manager.conf as changed
     * @param changed tells the observers of a committed change
     * @param written  records a change in the audit trail, in the change's transaction: the account before (null
     *                 when created) and after (null when deleted), secrets in clear
     */
    AccountWriter(EntityManager em, SecretCipher cipher, Supplier<ImportedConfiguration> stored,
            Supplier<Optional<String>> kept, Consumer<ConfigDocument> keep, Consumer<ConfigurationChanged> changed,
            BiConsumer<AccountDefinition, AccountDefinition> written) {
        this.em = em;
        this.cipher = cipher;
        this.stored = stored;
        this.kept = kept;
        this.keep = keep;
        this.changed = changed;
        this.written = written;
    }

    Optional<AccountEntity> find(String name) {
        return em.createNamedQuery(AccountEntity.BY_KEY, AccountEntity.class).setParameter("key", AccountEntity.key(name))
                .getResultStream().findFirst();
    }

    AccountWrite create(AccountDefinition account) throws ChangeRefused {
        return change(null, etag -> true, none -> account, false);
    }

    /** Replaces everything but the name and the secret. */
    AccountWrite replace(String name, Predicate<String> ifMatch, AccountDefinition account) throws ChangeRefused {
        return change(name, ifMatch, current -> new AccountDefinition(current.username(), current.secret(), account.read(),
                account.write(), account.acl(), account.allowMultipleLogin(), account.displayConnects(),
                account.writeTimeout(), account.eventFilters(), account.variables(), account.namedAcls(),
                account.upstream(), account.upstreams()), true);
    }

    AccountWrite rename(String name, Predicate<String> ifMatch, String newName) throws ChangeRefused {
        return change(name, ifMatch, current -> new AccountDefinition(newName, current.secret(), current.read(),
                current.write(), current.acl(), current.allowMultipleLogin(), current.displayConnects(),
                current.writeTimeout(), current.eventFilters(), current.variables(), current.namedAcls(),
                current.upstream(), current.upstreams()), true);
    }

    AccountWrite secret(String name, Predicate<String> ifMatch, String secret) throws ChangeRefused {
        return change(name, ifMatch, current -> new AccountDefinition(current.username(), secret, current.read(),
                current.write(), current.acl(), current.allowMultipleLogin(), current.displayConnects(),
                current.writeTimeout(), current.eventFilters(), current.variables(), current.namedAcls(),
                current.upstream(), current.upstreams()), false);
    }

    AccountWrite delete(String name, Predicate<String> ifMatch) throws ChangeRefused {
        return change(name, ifMatch, current -> null, true);
    }

    /**
     * @param name       the account changed, or null to create one
     * @param ifMatch    tested with the account's current ETag: false refuses the change as stale
     * @param change     the account as it is to be, from the account as it is (null when creating); null deletes
     * @param keepSecret true to keep the stored secret (encrypted as it is)
     */
    private AccountWrite change(String name, Predicate<String> ifMatch, UnaryOperator<AccountDefinition> change,
            boolean keepSecret) throws ChangeRefused {
        AccountEntity entity = null;
        AccountDefinition current = null;
        if (name != null) {
            entity = find(name).orElseThrow(() -> new ChangeRefused(Reason.UNKNOWN,
                    "no account is named " + ConfigText.name(name), List.of()));
            if (!ifMatch.test(entity.digest())) {
                throw new ChangeRefused(Reason.STALE, "the account " + ConfigText.name(entity.username())
                        + " has changed since the state named by If-Match; read it again", List.of());
            }
            current = entity.toDefinition(cipher);
        }
        AccountDefinition next = change.apply(current);
        ImportedConfiguration before = stored.get();
        ConfigDocument base = base(before);
        List<FieldProblem> warnings = List.of();
        if (next != null) {
            if (current == null || !AccountEntity.key(next.username()).equals(AccountEntity.key(current.username()))) {
                nameIsFree(next.username(), base);
            }
            AccountCheck.Result check = AccountCheck.check(next, base.section("general"));
            if (!check.errors().isEmpty()) {
                throw new ChangeRefused(Reason.INVALID, "the account would not be valid in manager.conf",
                        check.errors());
            }
            warnings = check.warnings();
            if (next.equals(current)) {
                return new AccountWrite(AccountState.of(entity, cipher), warnings, false);
            }
        }
        ConfigDocument edited = edited(base, current == null ? null : current.username(), next);
        ImportedConfiguration after;
        try {
            edited = AsteriskConfigParser.parse(ManagerConfReader.FILE, edited.render(), AsteriskConfigParser.NO_INCLUDES);
            after = ManagerConfReader.read(edited);
        } catch (ConfigParseException e) {
            throw new ChangeRefused(Reason.INVALID, "manager.conf with this change would not be read: "
                    + e.getMessage(), List.of());
        }
        ConfigurationDiff diff = ConfigurationDiff.between(before, after);
        readsBackAsAsked(current, next, after, diff);
        if (next == null) {
            em.remove(entity);
        } else if (entity == null) {
            entity = new AccountEntity(next, cipher);
            em.persist(entity);
        } else {
            entity.replace(next, cipher, keepSecret);
        }
        em.flush();
        keep.accept(edited);
        written.accept(current, next);
        LOG.info(() -> "Account changed through the administration API: " + diff);
        // observers act once the transaction has committed (the connector re-reads the store), as after an import
        changed.accept(new ConfigurationChanged(diff));
        return new AccountWrite(next == null ? null : AccountState.of(entity, cipher), warnings, true);
    }

    /** A new name must be no other account's and no template's: the file would merge the two sections. */
    private void nameIsFree(String name, ConfigDocument base) throws ChangeRefused {
        if (find(name).isPresent()) {
            throw new ChangeRefused(Reason.EXISTS, "an account named " + ConfigText.name(name) + " exists",
                    List.of(new FieldProblem(AccountSection.NAME, "is the name of another account (names are matched"
                            + " without regard to case, as a login matches them)")));
        }
        if (base.sections().stream().anyMatch(s -> s.template() && s.name().equalsIgnoreCase(name))) {
            throw new ChangeRefused(Reason.EXISTS, "a template of manager.conf is named " + ConfigText.name(name),
                    List.of(new FieldProblem(AccountSection.NAME, "is the name of a template in manager.conf;"
                            + " an account of that name would be merged into it")));
        }
    }

    /**
     * manager.conf as stored, to be edited: as last kept (templates and all) if it still says what
     * the tables say, else the tables' export.
     */
    private ConfigDocument base(ImportedConfiguration before) {
        Optional<String> text = kept.get();
        if (text.isPresent()) {
            try {
                ConfigDocument doc = AsteriskConfigParser.parse(ManagerConfReader.FILE, text.get(),
                        AsteriskConfigParser.NO_INCLUDES);
                ImportedConfiguration read = ManagerConfReader.read(doc);
                if (read.general().equals(before.general()) && byKey(read.accounts()).equals(byKey(before.accounts()))) {
                    return doc;
                }
                LOG.warning("The kept manager.conf no longer says what the stored accounts say; the account change"
                        + " edits their export instead");
            } catch (ConfigParseException e) {
                LOG.warning(() -> "The kept manager.conf does not read (" + e.getMessage() + "); the account change"
                        + " edits the export instead");
            }
        }
        try {
            return AsteriskConfigParser.parse(ManagerConfReader.FILE, ManagerConfWriter.write(before, null),
                    AsteriskConfigParser.NO_INCLUDES);
        } catch (ConfigParseException e) {
            throw new IllegalStateException("the export of the stored configuration does not read: " + e.getMessage(), e);
        }
    }

    private static Map<String, AccountDefinition> byKey(List<AccountDefinition> accounts) {
        Map<String, AccountDefinition> map = new TreeMap<>();
        accounts.forEach(a -> map.put(AccountEntity.key(a.username()), a));
        return map;
    }

    /**
     * The document with the account's section replaced where it stood (all its lines its own, no
     * longer inheriting from templates, so that it says exactly what is stored), removed, or added
     * at the end.
     */
    private static ConfigDocument edited(ConfigDocument base, String oldName, AccountDefinition next) {
        List<ConfigSection> sections = new ArrayList<>(base.sections());
        int at = -1;
        for (int i = 0; oldName != null && i < sections.size(); i++) {
            if (!sections.get(i).template() && sections.get(i).name().equalsIgnoreCase(oldName)) {
                at = i;
            }
        }
        ConfigSection fresh = next == null ? null
                : AccountSection.section(next.username(), AccountSection.lines(next), ManagerConfReader.FILE);
        if (at >= 0 && fresh == null) {
            sections.remove(at);
        } else if (at >= 0) {
            sections.set(at, fresh);
        } else if (fresh != null) {
            sections.add(fresh);
        }
        return new ConfigDocument(base.file(), sections, List.of());
    }

    /**
     * The edited file, read as an import reads it, must change exactly this account into exactly
     * what was asked. A field that reads back otherwise is refused; anything else would be a fault
     * of this class, never stored.
     */
    private static void readsBackAsAsked(AccountDefinition current, AccountDefinition next, ImportedConfiguration after,
            ConfigurationDiff diff) throws ChangeRefused {
        if (next != null) {
            String key = AccountEntity.key(next.username());
            AccountDefinition read = after.accounts().stream().filter(a -> AccountEntity.key(a.username()).equals(key))
                    .findFirst().orElse(null);
            if (!next.equals(read)) {
                throw new ChangeRefused(Reason.INVALID, "the account would not read back from manager.conf as given",
                        differences(next, read));
            }
        }
        Set<String> allowed = new HashSet<>();
        if (current != null) {
            allowed.add(AccountEntity.key(current.username()));
        }
        if (next != null) {
            allowed.add(AccountEntity.key(next.username()));
        }
        List<String> touched = new ArrayList<>(diff.accountsAdded());
        touched.addAll(diff.accountsChanged());
        touched.addAll(diff.accountsRemoved());
        if (!diff.settingsChanged().isEmpty() || !touched.stream().map(AccountEntity::key).allMatch(allowed::contains)) {
            throw new IllegalStateException("an account change would have changed more than the account: " + diff);
        }
    }

    /** The fields of an account that read back otherwise, for the refusal. */
    private static List<FieldProblem> differences(AccountDefinition asked, AccountDefinition read) {
        String why = "does not read back from manager.conf as given";
        if (read == null) {
            return List.of(new FieldProblem(AccountSection.NAME, why));
        }
        List<FieldProblem> problems = new ArrayList<>();
        differs(problems, AccountSection.NAME, asked.username(), read.username(), why);
        differs(problems, "secret", asked.secret(), read.secret(), why);
        differs(problems, "read", asked.read(), read.read(), why);
        differs(problems, "write", asked.write(), read.write(), why);
        differs(problems, "acl", asked.acl(), read.acl(), why);
        differs(problems, "allowMultipleLogin", asked.allowMultipleLogin(), read.allowMultipleLogin(), why);
        differs(problems, "displayConnects", asked.displayConnects(), read.displayConnects(), why);
        differs(problems, "writeTimeout", asked.writeTimeout(), read.writeTimeout(), why);
        differs(problems, "eventFilters", asked.eventFilters(), read.eventFilters(), why);
        differs(problems, "variables", asked.variables(), read.variables(), why);
        differs(problems, "namedAcls", asked.namedAcls(), read.namedAcls(), why);
        differs(problems, "upstream", asked.upstream(), read.upstream(), why);
        differs(problems, "upstreams", asked.upstreams(), read.upstreams(), why);
        return problems;
    }

    private static void differs(List<FieldProblem> problems, String field, Object asked, Object read, String why) {
        if (!Objects.equals(asked, read)) {
            problems.add(new FieldProblem(field, why));
        }
    }
}
