package dev.ami.persistence.store;

import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.connector.Upstream;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditChange;
import dev.ami.persistence.audit.AuditChanges;
import dev.ami.persistence.audit.AuditTarget;
import dev.ami.persistence.audit.AuditTrail;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.HttpConfReader;
import dev.ami.persistence.manager.HttpConfWriter;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.manager.ImportedConfiguration;
import dev.ami.persistence.manager.ManagerConfReader;
import dev.ami.persistence.manager.ManagerConfWriter;
import dev.ami.persistence.manager.SettingsForm;
import dev.ami.persistence.manager.StoredLengths;
import dev.ami.persistence.manager.Templates;
import dev.ami.persistence.manager.UpstreamsConfReader;
import dev.ami.persistence.secret.OwnerOnlyFiles;
import dev.ami.persistence.secret.SecretCipher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The store of record for the AMI configuration. On the first start (no settings stored yet) it
 * imports manager.conf from the configuration folder; later starts use the database alone, so
 * what is stored survives restarts and later edits of the file. Secrets are stored encrypted
 * ({@link SecretCipher}, key in the data folder).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class ConfigurationStore {

    private static final Logger LOG = Logger.getLogger(ConfigurationStore.class.getName());

    @Inject
    Event<ConfigurationChanged> changed;

    @PersistenceContext(unitName = "ami")
    EntityManager em;

    @Inject
    AuditTrail audit;

    SecretCipher cipher;

    @PostConstruct
    void importOnFirstStart() {
        try {
            cipher = SecretCipher.inDataDir(AmiPaths.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the secret key in " + AmiPaths.dataDir() + ": " + e, e);
        }
        if (em.find(GeneralSettingsEntity.class, GeneralSettingsEntity.SINGLETON_ID) != null) {
            em.createNamedQuery(AccountEntity.ALL, AccountEntity.class).getResultList()
                    .forEach(a -> a.encryptLegacySecret(cipher));
            LOG.info("AMI configuration read from the database");
            return;
        }
        importHttpConfOnFirstStart();
        List<Upstream> upstreams = importUpstreamsConfOnFirstStart();
        Path file = AmiPaths.configurationDir().resolve(ManagerConfReader.FILE);
        try {
            ConfigDocument doc = parse(ManagerConfReader.FILE, Files.readString(file, StandardCharsets.UTF_8));
            ImportedConfiguration imported = ManagerConfReader.read(doc);
            imported.warnings().forEach(w -> LOG.warning(w));
            UpstreamStore.unknownUpstreams(imported.accounts(), upstreams).forEach(w -> LOG.warning(w));
            em.persist(new GeneralSettingsEntity(imported.general()));
            imported.accounts().forEach(a -> em.persist(new AccountEntity(a, cipher)));
            keepSource(ManagerConfReader.FILE, doc);
            recordImport(Actor.SERVER_START, stored(GeneralSettings.DEFAULTS, List.of()), imported,
                    ConfigurationDiff.between(stored(GeneralSettings.DEFAULTS, List.of()), imported), null);
            LOG.info(() -> "Imported " + file + ": " + imported.accounts().size() + " accounts");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot read " + file + " (set AMI_CONF_DIR to the folder holding manager.conf); "
                    + "AMI stays disabled until it is imported: " + e);
        } catch (ConfigParseException e) {
            LOG.severe("manager.conf was not imported, nothing was stored, AMI stays disabled: " + e.getMessage());
        }
    }

    /**
     * Replaces the stored configuration by the one a manager.conf text describes, in one transaction:
     * all of it or none of it. Before anything is replaced the current configuration is exported to
     * a timestamped file in {@code <data>/backups}. A dry run only reports what would change.
     *
     * @param actor  who imports, for the audit trail
     * @param text   the manager.conf text ({@code #include} lines are read from the configuration folder,
     *               and only from there)
     * @param dryRun true to change nothing
     * @return what changed, or would change
     * @throws ConfigParseException naming the file and line of the first error; nothing is changed
     */
    public ImportReport importManagerConf(Actor actor, String text, boolean dryRun) throws ConfigParseException {
        ConfigDocument doc = parse(ManagerConfReader.FILE, text);
        ImportedConfiguration incoming = ManagerConfReader.read(doc);
        GeneralSettingsEntity general = em.find(GeneralSettingsEntity.class, GeneralSettingsEntity.SINGLETON_ID);
        ImportedConfiguration current = stored();
        ConfigurationDiff diff = ConfigurationDiff.between(current, incoming).withTemplates(keptManagerConf(), doc);
        List<String> warnings = new ArrayList<>(incoming.warnings());
        warnings.addAll(UpstreamStore.unknownUpstreams(incoming.accounts(), upstreamStore().all()));
        if (dryRun) {
            return new ImportReport(diff, warnings, false, null);
        }
        Path backup = general == null ? null : backup(current);
        if (general == null) {
            em.persist(new GeneralSettingsEntity(incoming.general()));
        } else {
            general.update(incoming.general());
        }
        for (AccountEntity old : em.createNamedQuery(AccountEntity.ALL, AccountEntity.class).getResultList()) {
            em.remove(old);
        }
        em.flush();
        incoming.accounts().forEach(a -> em.persist(new AccountEntity(a, cipher)));
        keepSource(ManagerConfReader.FILE, doc);
        recordImport(actor, current, incoming, diff, backup);
        LOG.info(() -> "Imported manager.conf: " + diff + (backup == null ? "" : "; previous configuration saved to " + backup));
        // observers act once the transaction has committed (the connector re-reads the store)
        changed.fire(new ConfigurationChanged(diff));
        return new ImportReport(diff, warnings, true, backup);
    }

    /**
     * upstreams.conf is optional, read on the first start like http.conf; an installation that had
     * stored its configuration before upstreams existed imports it later ({@link #importUpstreamsConf}).
     *
     * @return the upstreams stored
     */
    private List<Upstream> importUpstreamsConfOnFirstStart() {
        Path file = AmiPaths.configurationDir().resolve(UpstreamsConfReader.FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            UpstreamsConfReader.Result read = UpstreamsConfReader.read(parse(UpstreamsConfReader.FILE,
                    Files.readString(file, StandardCharsets.UTF_8)));
            read.warnings().forEach(w -> LOG.warning(w));
            upstreamStore().replaceAll(read.upstreams());
            LOG.info(() -> "Imported " + file + ": " + read.upstreams().size() + " upstreams");
            return read.upstreams();
        } catch (IOException | ConfigParseException e) {
            LOG.severe("upstreams.conf was not imported; no upstream is stored: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Replaces the stored upstreams by those an upstreams.conf text describes, as {@link #importManagerConf}
     * does for manager.conf: in one transaction, after a backup of the stored ones, or only reporting on a
     * dry run. Accounts whose {@code upstream} names none of them are warned about, not refused.
     *
     * @param actor  who imports, for the audit trail
     * @param text   the upstreams.conf text
     * @param dryRun true to report without changing anything
     * @return what changed (or would change)
     * @throws ConfigParseException naming the file and line of the first error; nothing changes
     */
    public ImportReport importUpstreamsConf(Actor actor, String text, boolean dryRun) throws ConfigParseException {
        return upstreamStore().importConf(actor, parse(UpstreamsConfReader.FILE, text), dryRun, stored().accounts());
    }

    /** @return the stored upstreams as upstreams.conf text, secrets in clear (as the other exports) */
    @Lock(LockType.READ)
    public String exportUpstreamsConf() {
        return upstreamStore().export();
    }

    /** @return every stored upstream, by name, without its secret */
    @Lock(LockType.READ)
    public List<UpstreamState> upstreams() {
        return upstreamStore().states();
    }

    /**
     * @param name an upstream's name, matched without regard to case
     * @return the stored upstream, without its secret
     */
    @Lock(LockType.READ)
    public Optional<UpstreamState> upstream(String name) {
        return upstreamStore().find(name).map(u -> UpstreamState.of(u, cipher));
    }

    /**
     * Adds an upstream, checked as an import of upstreams.conf checks it; the connector re-reads the
     * store once committed.
     *
     * @param actor    who adds it, for the audit trail
     * @param upstream the upstream, its secret in clear
     * @return what was stored
     * @throws ChangeRefused the name is taken or a field is invalid (named); nothing changes
     */
    public UpstreamState createUpstream(Actor actor, Upstream upstream) throws ChangeRefused {
        return upstreamStore().create(actor, upstream);
    }

    /**
     * Replaces an upstream's fields, keeping its name.
     *
     * @param actor      who changes it, for the audit trail
     * @param name       the upstream, matched without regard to case
     * @param ifMatch    tested with its current ETag; false refuses the change
     * @param upstream   its fields as they are to be (the name is not used)
     * @param keepSecret true to keep the stored secret (the upstream's is then not used)
     * @return what was stored
     * @throws ChangeRefused unknown, stale or invalid; nothing changes
     */
    public UpstreamState replaceUpstream(Actor actor, String name, Predicate<String> ifMatch, Upstream upstream,
            boolean keepSecret) throws ChangeRefused {
        return upstreamStore().replace(actor, name, ifMatch, upstream, keepSecret);
    }

    /**
     * Deletes an upstream; accounts naming it keep the name (their requests are then answered that it
     * is not connected), as after an import without it.
     *
     * @param actor   who deletes it, for the audit trail
     * @param name    the upstream, matched without regard to case
     * @param ifMatch tested with its current ETag; false refuses the change
     * @throws ChangeRefused unknown or stale; nothing changes
     */
    public void deleteUpstream(Actor actor, String name, Predicate<String> ifMatch) throws ChangeRefused {
        upstreamStore().delete(actor, name, ifMatch);
    }

    private UpstreamStore upstreamStore() {
        return new UpstreamStore(em, cipher, audit, changed::fire, this::backup);
    }

    /** http.conf is optional: without it Asterisk's defaults are stored (no HTTP server). */
    private void importHttpConfOnFirstStart() {
        Path file = AmiPaths.configurationDir().resolve(HttpConfReader.FILE);
        HttpSettings settings = HttpSettings.DEFAULTS;
        if (Files.exists(file)) {
            try {
                ConfigDocument doc = parse(HttpConfReader.FILE, Files.readString(file, StandardCharsets.UTF_8));
                HttpConfReader.Result read = HttpConfReader.read(doc);
                read.warnings().forEach(w -> LOG.warning(w));
                settings = read.settings();
                keepSource(HttpConfReader.FILE, doc);
                LOG.info(() -> "Imported " + file);
            } catch (IOException | ConfigParseException e) {
                LOG.severe("http.conf was not imported; its defaults are stored instead: " + e.getMessage());
            }
        }
        em.persist(new HttpSettingsEntity(settings));
    }

    /**
     * Replaces the stored http.conf settings, as {@link #importManagerConf} does for manager.conf:
     * in one transaction, after a backup, or only reporting on a dry run.
     *
     * @param actor  who imports, for the audit trail
     * @param text   the http.conf text
     * @param dryRun true to report without changing anything
     * @return what changed (or would change)
     * @throws ConfigParseException naming the file and line of the first error; nothing changes
     */
    public ImportReport importHttpConf(Actor actor, String text, boolean dryRun) throws ConfigParseException {
        ConfigDocument doc = parse(HttpConfReader.FILE, text);
        HttpConfReader.Result incoming = HttpConfReader.read(doc);
        HttpSettingsEntity stored = em.find(HttpSettingsEntity.class, HttpSettingsEntity.SINGLETON_ID);
        HttpSettings current = stored == null ? HttpSettings.DEFAULTS : stored.toSettings();
        ConfigurationDiff diff = ConfigurationDiff.between(current, incoming.settings());
        if (dryRun) {
            return new ImportReport(diff, incoming.warnings(), false, null);
        }
        Path backup = stored == null ? null : backup(HttpConfReader.FILE, HttpConfWriter.write(current,
                "http.conf saved by ami before an import on " + Instant.now()));
        if (stored == null) {
            em.persist(new HttpSettingsEntity(incoming.settings()));
        } else {
            stored.update(incoming.settings());
        }
        keepSource(HttpConfReader.FILE, doc);
        List<AuditChange> changes = new ArrayList<>(AuditChanges.settings(current, incoming.settings()));
        if (backup != null) {
            changes.add(new AuditChange("backup", null, backup.toString()));
        }
        audit.record(actor, new AuditTarget(AuditTarget.HTTP_CONF, HttpConfReader.FILE), "import", changes);
        LOG.info(() -> "Imported http.conf: " + diff + (backup == null ? "" : "; previous settings saved to " + backup));
        // the connector (prefix, servername, enabled) and the HTTP listener apply it once committed
        changed.fire(new ConfigurationChanged(diff));
        return new ImportReport(diff, incoming.warnings(), true, backup);
    }

    /** Parses a file, its {@code #include} lines read from the configuration folder and never from outside it. */
    private static ConfigDocument parse(String file, String text) throws ConfigParseException {
        return AsteriskConfigParser.parse(file, text, AsteriskConfigParser.relativeTo(AmiPaths.configurationDir()));
    }

    /**
     * Keeps an imported file as Asterisk holds it once loaded ({@link ConfigDocument#render()}),
     * encrypted since it holds the secrets: the configuration actions show and edit it. A file too
     * large for its column is not kept; the actions then fall back to the export.
     */
    private void keepSource(String file, ConfigDocument doc) {
        String sealed = cipher.encrypt(doc.render());
        ConfigSourceEntity kept = em.find(ConfigSourceEntity.class, file);
        if (sealed.length() > StoredLengths.SOURCE) {
            LOG.warning(() -> file + " is too large to keep as written (" + sealed.length() + " characters encrypted);"
                    + " GetConfig shows it as exported");
            if (kept != null) {
                em.remove(kept);
            }
        } else if (kept == null) {
            em.persist(new ConfigSourceEntity(file, sealed));
        } else {
            kept.replace(sealed);
        }
    }

    /**
     * @param file {@code manager.conf} or {@code http.conf}
     * @return the file as last imported, as Asterisk holds it once loaded; empty if it was not kept
     *         (stored before this version, or too large), when the export stands in for it
     */
    @Lock(LockType.READ)
    public Optional<String> importedText(String file) {
        ConfigSourceEntity kept = em.find(ConfigSourceEntity.class, file);
        return Optional.ofNullable(kept).map(k -> cipher.decrypt(k.content()));
    }

    /** @return the stored http.conf settings */
    @Lock(LockType.READ)
    public HttpSettings httpSettings() {
        HttpSettingsEntity stored = em.find(HttpSettingsEntity.class, HttpSettingsEntity.SINGLETON_ID);
        return stored == null ? HttpSettings.DEFAULTS : stored.toSettings();
    }

    /** @return the stored http.conf settings as http.conf text */
    @Lock(LockType.READ)
    public String exportHttpConf() {
        return HttpConfWriter.write(httpSettings(), "http.conf exported by ami on " + Instant.now());
    }

    /** @return the stored configuration as manager.conf text */
    @Lock(LockType.READ)
    public String exportManagerConf() {
        return ManagerConfWriter.write(stored(), "manager.conf exported by ami on " + Instant.now());
    }

    private ImportedConfiguration stored() {
        GeneralSettingsEntity general = em.find(GeneralSettingsEntity.class, GeneralSettingsEntity.SINGLETON_ID);
        return stored(general == null ? GeneralSettings.DEFAULTS : general.toSettings(),
                em.createNamedQuery(AccountEntity.ALL, AccountEntity.class).getResultStream()
                        .map(a -> a.toDefinition(cipher)).toList());
    }

    private static ImportedConfiguration stored(GeneralSettings general, List<AccountDefinition> accounts) {
        return new ImportedConfiguration(general, accounts, List.of());
    }

    /**
     * An import in the audit trail: one entry for the file (what it added, changed and removed, and the
     * backup), one for {@code [general]} if it changed, and one per account it touched, so that an
     * account's history shows imports too.
     */
    private void recordImport(Actor actor, ImportedConfiguration before, ImportedConfiguration after,
            ConfigurationDiff diff, Path backup) {
        List<AuditChange> summary = new ArrayList<>();
        summary.add(new AuditChange("accountsAdded", null, String.join(", ", diff.accountsAdded())));
        summary.add(new AuditChange("accountsChanged", null, String.join(", ", diff.accountsChanged())));
        summary.add(new AuditChange("accountsRemoved", null, String.join(", ", diff.accountsRemoved())));
        if (backup != null) {
            summary.add(new AuditChange("backup", null, backup.toString()));
        }
        audit.record(actor, new AuditTarget(AuditTarget.MANAGER_CONF, ManagerConfReader.FILE), "import", summary);
        List<AuditChange> general = AuditChanges.settings(before.general(), after.general());
        if (!general.isEmpty()) {
            audit.record(actor, new AuditTarget(AuditTarget.GENERAL, "general"), "import", general);
        }
        Map<String, AccountDefinition> old = byKey(before.accounts());
        Map<String, AccountDefinition> now = byKey(after.accounts());
        Stream.of(diff.accountsAdded(), diff.accountsChanged(), diff.accountsRemoved()).flatMap(List::stream)
                .forEach(name -> audit.record(actor, AuditTarget.account(name), "import",
                        AuditChanges.account(old.get(AccountEntity.key(name)), now.get(AccountEntity.key(name)))));
    }

    private static Map<String, AccountDefinition> byKey(List<AccountDefinition> accounts) {
        Map<String, AccountDefinition> map = new HashMap<>();
        accounts.forEach(a -> map.put(AccountEntity.key(a.username()), a));
        return map;
    }

    private Path backup(ImportedConfiguration current) {
        return backup(ManagerConfReader.FILE, ManagerConfWriter.write(current, "backup taken by ami before an import, "
                + Instant.now()));
    }

    /**
     * Writes {@code <data>/backups/<file>.<UTC stamp>}, owner-only since it holds the accounts'
     * secrets in clear (Asterisk's file form); without a backup nothing is replaced.
     */
    private Path backup(String fileName, String text) {
        Path dir = AmiPaths.dataDir().resolve("backups");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(Instant.now());
        Path file = dir.resolve(fileName + "." + stamp);
        try {
            OwnerOnlyFiles.createFolder(dir);
            OwnerOnlyFiles.create(file, text);
            return file;
        } catch (IOException e) {
            // without a backup nothing is replaced
            throw new IllegalStateException("Cannot write the backup " + file + " before importing: " + e, e);
        }
    }

    /**
     * One page of the stored accounts, by name without regard to case.
     *
     * @param nameContains only accounts whose names hold this, without regard to case; empty for all
     * @param offset       how many matching accounts to skip
     * @param limit        how many to return at most
     * @return the page and the number of all matching accounts
     */
    @Lock(LockType.READ)
    public AccountPage accounts(String nameContains, int offset, int limit) {
        String part = AccountEntity.key(nameContains);
        boolean all = part.isEmpty();
        List<AccountState> page = (all ? em.createNamedQuery(AccountEntity.BY_NAME, AccountEntity.class)
                : em.createNamedQuery(AccountEntity.NAMED_LIKE, AccountEntity.class).setParameter("part", part))
                .setFirstResult(offset).setMaxResults(limit).getResultStream().map(a -> AccountState.of(a, cipher)).toList();
        long total = (all ? em.createNamedQuery(AccountEntity.COUNT, Long.class)
                : em.createNamedQuery(AccountEntity.COUNT_NAMED_LIKE, Long.class).setParameter("part", part)).getSingleResult();
        return new AccountPage(page, total);
    }

    /**
     * @param name an account name, matched without regard to case (as a login matches it)
     * @return the stored account, without its secret
     */
    @Lock(LockType.READ)
    public Optional<AccountState> account(String name) {
        return accountWriter().find(name).map(a -> AccountState.of(a, cipher));
    }

    /**
     * Adds an account, checked as an import checks it and applied as an import is (the connector
     * re-reads the store once committed). Single-account changes take no backup: see ARCHITECTURE.md.
     *
     * @param actor   who changes it, for the audit trail
     * @param account the account, its secret in clear (or null for none)
     * @return what was stored
     * @throws ChangeRefused if the name is taken or the account would not be valid; nothing changes
     */
    public AccountWrite createAccount(Actor actor, AccountDefinition account) throws ChangeRefused {
        return upstreamWarning(accountWriter(actor, "create").create(account));
    }

    /**
     * Replaces an account's options, keeping its name and its secret.
     *
     * @param actor   who changes it, for the audit trail
     * @param name    the account, matched without regard to case
     * @param ifMatch tested with the account's current ETag; false refuses the change
     * @param account the options as they are to be (its name and secret are not used)
     * @return what was stored
     * @throws ChangeRefused unknown, stale or invalid; nothing changes
     */
    public AccountWrite replaceAccount(Actor actor, String name, Predicate<String> ifMatch, AccountDefinition account)
            throws ChangeRefused {
        return upstreamWarning(accountWriter(actor, "replace").replace(name, ifMatch, account));
    }

    /** An account naming an upstream that is not stored is stored, with a warning (the upstream may come later). */
    private AccountWrite upstreamWarning(AccountWrite write) {
        if (write.state() == null) {
            return write;
        }
        AccountDefinition account = write.state().account();
        UpstreamStore upstreams = upstreamStore();
        List<FieldProblem> warnings = new ArrayList<>(write.warnings());
        if (account.upstream() != null && upstreams.find(account.upstream()).isEmpty()) {
            warnings.add(new FieldProblem("upstream", "names no stored upstream; its requests are answered that the"
                    + " upstream is not connected until one of that name is added"));
        }
        for (int i = 0; i < account.upstreams().size(); i++) {
            if (upstreams.find(account.upstreams().get(i)).isEmpty()) {
                warnings.add(new FieldProblem("upstreams[" + i + "]", "names no stored upstream; it is allowed once one"
                        + " of that name is added"));
            }
        }
        return warnings.size() == write.warnings().size() ? write
                : new AccountWrite(write.state(), warnings, write.changed());
    }

    /**
     * Renames an account.
     *
     * @param actor   who changes it, for the audit trail
     * @param name    the account, matched without regard to case
     * @param ifMatch tested with the account's current ETag; false refuses the change
     * @param newName its new name (no other account's, no template's)
     * @return what was stored
     * @throws ChangeRefused unknown, stale, the new name taken or invalid; nothing changes
     */
    public AccountWrite renameAccount(Actor actor, String name, Predicate<String> ifMatch, String newName)
            throws ChangeRefused {
        return accountWriter(actor, "rename").rename(name, ifMatch, newName);
    }

    /**
     * Sets or removes an account's secret.
     *
     * @param actor   who changes it, for the audit trail
     * @param name    the account, matched without regard to case
     * @param ifMatch tested with the account's current ETag; false refuses the change
     * @param secret  the secret in clear, or null for none (the account can then no longer log in)
     * @return what was stored
     * @throws ChangeRefused unknown, stale or a secret manager.conf cannot hold; nothing changes
     */
    public AccountWrite setAccountSecret(Actor actor, String name, Predicate<String> ifMatch, String secret)
            throws ChangeRefused {
        return accountWriter(actor, "secret").secret(name, ifMatch, secret);
    }

    /**
     * Deletes an account; its sessions stay until they end, as after an import without it.
     *
     * @param actor   who changes it, for the audit trail
     * @param name    the account, matched without regard to case
     * @param ifMatch tested with the account's current ETag; false refuses the change
     * @return what was stored (no state)
     * @throws ChangeRefused unknown or stale; nothing changes
     */
    public AccountWrite deleteAccount(Actor actor, String name, Predicate<String> ifMatch) throws ChangeRefused {
        return accountWriter(actor, "delete").delete(name, ifMatch);
    }

    /** A writer for reading only: it changes nothing, so records nothing. */
    private AccountWriter accountWriter() {
        return accountWriter(null, null);
    }

    /** A writer whose changes are recorded as this actor's, done by this action. */
    private AccountWriter accountWriter(Actor actor, String action) {
        return new AccountWriter(em, cipher, this::stored, () -> importedText(ManagerConfReader.FILE),
                doc -> keepSource(ManagerConfReader.FILE, doc), changed::fire,
                (before, after) -> audit.record(actor, AuditTarget.account((after == null ? before : after).username()),
                        action, AuditChanges.account(before, after)));
    }

    /** @return manager.conf as last kept, parsed, or null if none was kept or it no longer reads */
    private ConfigDocument keptManagerConf() {
        Optional<String> text = importedText(ManagerConfReader.FILE);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return AsteriskConfigParser.parse(ManagerConfReader.FILE, text.get(), AsteriskConfigParser.NO_INCLUDES);
        } catch (ConfigParseException e) {
            LOG.warning(() -> "The kept manager.conf does not read: " + e.getMessage());
            return null;
        }
    }

    /**
     * @return manager.conf's {@code [general]} as stored, option by option ({@link SettingsForm#GENERAL}), with its ETag
     */
    @Lock(LockType.READ)
    public SettingsState generalSettings() {
        return generalWriter(null).state();
    }

    /**
     * Replaces manager.conf's {@code [general]}, checked and applied as an import of manager.conf with
     * these lines would be (the kept file edited too, the connector re-reading the store once committed).
     *
     * @param actor   who changes them, for the audit trail
     * @param ifMatch tested with the current ETag; false refuses the change
     * @param values  a value for every option of {@link SettingsForm#GENERAL}, of its kind
     * @return the settings as stored
     * @throws ChangeRefused stale, or an option invalid (each named); nothing changes
     */
    public SettingsWrite replaceGeneralSettings(Actor actor, Predicate<String> ifMatch, Map<String, Object> values)
            throws ChangeRefused {
        return generalWriter(actor).replace(ifMatch, values);
    }

    /** @return http.conf's {@code [general]} as stored, option by option ({@link SettingsForm#HTTP}), with its ETag */
    @Lock(LockType.READ)
    public SettingsState httpGeneralSettings() {
        return httpWriter(null).state();
    }

    /**
     * Replaces http.conf's {@code [general]} (its restriction sections stay), checked and applied as an
     * import of http.conf with these lines would be: the HTTP listener moves as after an import.
     *
     * @param actor   who changes them, for the audit trail
     * @param ifMatch tested with the current ETag; false refuses the change
     * @param values  a value for every option of {@link SettingsForm#HTTP}, of its kind
     * @return the settings as stored
     * @throws ChangeRefused stale, or an option invalid (each named); nothing changes
     */
    public SettingsWrite replaceHttpGeneralSettings(Actor actor, Predicate<String> ifMatch, Map<String, Object> values)
            throws ChangeRefused {
        return httpWriter(actor).replace(ifMatch, values);
    }

    /** @param actor who changes, or null when only reading */
    private SettingsWriter<GeneralSettings> generalWriter(Actor actor) {
        return new SettingsWriter<>(SettingsForm.GENERAL, ConfigurationDiff.GENERAL, () -> stored().general(),
                this::exportManagerConf, () -> importedText(ManagerConfReader.FILE),
                doc -> ConfigurationDiff.between(stored(), ManagerConfReader.read(doc)),
                settings -> {
                    GeneralSettingsEntity general = em.find(GeneralSettingsEntity.class, GeneralSettingsEntity.SINGLETON_ID);
                    if (general == null) {
                        em.persist(new GeneralSettingsEntity(settings));
                    } else {
                        general.update(settings);
                    }
                    em.flush();
                }, doc -> keepSource(ManagerConfReader.FILE, doc), changed::fire,
                (before, after) -> audit.record(actor, new AuditTarget(AuditTarget.GENERAL, "general"), "replace",
                        AuditChanges.values(before, after, List.of())));
    }

    /** @param actor who changes, or null when only reading */
    private SettingsWriter<HttpSettings> httpWriter(Actor actor) {
        return new SettingsWriter<>(SettingsForm.HTTP, ConfigurationDiff.HTTP, this::httpSettings, this::exportHttpConf,
                () -> importedText(HttpConfReader.FILE),
                doc -> ConfigurationDiff.between(httpSettings(), HttpConfReader.read(doc).settings()),
                settings -> {
                    HttpSettingsEntity stored = em.find(HttpSettingsEntity.class, HttpSettingsEntity.SINGLETON_ID);
                    if (stored == null) {
                        em.persist(new HttpSettingsEntity(settings));
                    } else {
                        stored.update(settings);
                    }
                    em.flush();
                }, doc -> keepSource(HttpConfReader.FILE, doc), changed::fire,
                (before, after) -> audit.record(actor, new AuditTarget(AuditTarget.HTTP, "general"), "replace",
                        AuditChanges.values(before, after, List.of())));
    }

    /**
     * The templates of manager.conf and the accounts inheriting from each, as far as the store keeps
     * them: in the kept manager.conf only (the tables hold each account with its inherited lines applied).
     *
     * @return the templates in file order; none if no manager.conf was kept
     */
    @Lock(LockType.READ)
    public List<Templates.Template> templates() {
        return Templates.of(keptManagerConf());
    }

    /**
     * Replaces a template's own lines, applied as an import of manager.conf with that change would
     * be: every account inheriting from it gets the new lines, the connector re-reads the store once
     * committed.
     *
     * @param actor   who changes it, for the audit trail (the template's entry and one per inheritor it changed)
     * @param name    the template, matched without regard to case
     * @param ifMatch tested with the template's ETag ({@link Templates.Template#etag()}); false refuses the change
     * @param options its own lines as they are to be: option name to a value, or to a list of values in order
     * @return the template as kept now
     * @throws ChangeRefused unknown, stale, invalid (the option named), or no coherent kept manager.conf
     *                               to change it in; nothing changes
     */
    public TemplateWrite replaceTemplate(Actor actor, String name, Predicate<String> ifMatch, Map<String, Object> options)
            throws ChangeRefused {
        return new TemplateWriter(em, cipher, this::stored, () -> importedText(ManagerConfReader.FILE),
                doc -> keepSource(ManagerConfReader.FILE, doc), changed::fire, (before, after, accounts) -> {
                    audit.record(actor, new AuditTarget(AuditTarget.TEMPLATE, after.name()), "replace",
                            AuditChanges.values(before.options(), after.options(), List.of("secret")));
                    // each inheritor changed through its template, as "update" (not a change of the account itself)
                    accounts.forEach(a -> audit.record(actor, AuditTarget.account(a.getValue().username()), "update",
                            AuditChanges.account(a.getKey(), a.getValue())));
                }).replace(name, ifMatch, options);
    }

    /** @return a consistent snapshot of the stored configuration, http.conf's included (AMI disabled if none is stored) */
    @Lock(LockType.READ)
    public ManagerConfiguration currentConfiguration() {
        GeneralSettingsEntity general = em.find(GeneralSettingsEntity.class, GeneralSettingsEntity.SINGLETON_ID);
        if (general == null) {
            return new ManagerConfiguration(GeneralSettings.DEFAULTS, List.of());
        }
        GeneralSettings stored = general.toSettings();
        // certificate paths are relative to the configuration folder, as includes are; the ports
        // are this node's (PortOffset)
        GeneralSettings settings = PortOffset.apply(stored.toBuilder()
                .tls(stored.tls().resolvedAgainst(AmiPaths.configurationDir())).build(),
                PortOffset.parse(System.getProperty(PortOffset.PROPERTY)));
        List<Account> accounts = em.createNamedQuery(AccountEntity.ALL, AccountEntity.class).getResultStream()
                .map(a -> a.toDefinition(cipher)).map(a -> a.toAccount(settings)).toList();
        return new ManagerConfiguration(settings, accounts, PortOffset.forThisNode(httpSettings()),
                upstreamStore().all().stream().map(ConfigurationStore::caFileResolved).toList());
    }

    /** An upstream's tlscafile relative to the configuration folder, as manager.conf's certificate paths are. */
    private static Upstream caFileResolved(Upstream u) {
        if (u.tlsCaFile().isEmpty()) {
            return u;
        }
        String file = AmiPaths.configurationDir().resolve(u.tlsCaFile()).toString();
        return new Upstream(u.name(), u.host(), u.port(), u.tls(), u.tlsVerify(), file, u.username(), u.secret(),
                u.events(), u.enabled(), u.nameEvents());
    }
}
