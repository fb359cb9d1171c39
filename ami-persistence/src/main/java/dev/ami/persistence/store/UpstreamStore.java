package dev.ami.persistence.store;

import dev.ami.api.connector.Upstream;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.audit.AuditChange;
import dev.ami.persistence.audit.AuditTarget;
import dev.ami.persistence.audit.AuditTrail;
import dev.ami.persistence.conf.ConfigDocument;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigText;
import dev.ami.persistence.manager.AccountDefinition;
import dev.ami.persistence.manager.AccountSection;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.ImportReport;
import dev.ami.persistence.manager.UpstreamSection;
import dev.ami.persistence.manager.UpstreamsConfReader;
import dev.ami.persistence.manager.UpstreamsConfWriter;
import dev.ami.persistence.secret.SecretCipher;
import dev.ami.persistence.store.ChangeRefused.Reason;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The stored upstreams (table {@code upstream}): upstreams.conf's import and export, and the
 * REST API's changes of one upstream. Like the accounts' changes, each runs in the caller's
 * transaction under {@link ConfigurationStore}'s write lock, is recorded in the audit trail, and
 * fires {@link ConfigurationChanged} so that the connector (and the other nodes) re-read the store
 * once it has committed. An upstream given field by field is checked by writing it as its
 * upstreams.conf section and reading that back with the import's reader, so it is exactly as valid
 * as one imported.
 */
final class UpstreamStore {

    private static final Logger LOG = Logger.getLogger(UpstreamStore.class.getName());

    private final EntityManager em;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Consumer<ConfigurationChanged> changed;
    private final BiFunction<String, String, Path> backup;

    /**
     * @param backup writes a backup file (name, text) and returns its path
     */
    UpstreamStore(EntityManager em, SecretCipher cipher, AuditTrail audit, Consumer<ConfigurationChanged> changed,
            BiFunction<String, String, Path> backup) {
        this.em = em;
        this.cipher = cipher;
        this.audit = audit;
        this.changed = changed;
        this.backup = backup;
    }

    /** @return every stored upstream, by name, secrets in clear */
    List<Upstream> all() {
        return entities().stream().map(u -> u.toUpstream(cipher)).toList();
    }

    /** @return every stored upstream as shown, by name */
    List<UpstreamState> states() {
        return entities().stream().map(u -> UpstreamState.of(u, cipher)).toList();
    }

    Optional<UpstreamEntity> find(String name) {
        return em.createNamedQuery(UpstreamEntity.BY_KEY, UpstreamEntity.class)
                .setParameter("key", UpstreamEntity.key(name)).getResultStream().findFirst();
    }

    private List<UpstreamEntity> entities() {
        return em.createNamedQuery(UpstreamEntity.ALL, UpstreamEntity.class).getResultList();
    }

    /**
     * Replaces every stored upstream by those of an upstreams.conf text, after a backup of the stored ones.
     *
     * @param accounts the stored accounts, whose {@code upstream} options are checked against the file
     */
    ImportReport importConf(Actor actor, ConfigDocument doc, boolean dryRun, List<AccountDefinition> accounts)
            throws ConfigParseException {
        UpstreamsConfReader.Result incoming = UpstreamsConfReader.read(doc);
        List<Upstream> current = all();
        ConfigurationDiff diff = ConfigurationDiff.betweenUpstreams(current, incoming.upstreams());
        List<String> warnings = new ArrayList<>(incoming.warnings());
        warnings.addAll(unknownUpstreams(accounts, incoming.upstreams()));
        if (dryRun) {
            return new ImportReport(diff, warnings, false, null);
        }
        Path saved = current.isEmpty() ? null : backup.apply(UpstreamsConfReader.FILE,
                UpstreamsConfWriter.write(current, "upstreams.conf saved by ami before an import on " + Instant.now()));
        replaceAll(incoming.upstreams());
        List<AuditChange> summary = new ArrayList<>();
        summary.add(new AuditChange("upstreams", null, String.join("\n", diff.settingsChanged())));
        if (saved != null) {
            summary.add(new AuditChange("backup", null, saved.toString()));
        }
        audit.record(actor, new AuditTarget(AuditTarget.UPSTREAMS_CONF, UpstreamsConfReader.FILE), "import", summary);
        diff.changes().forEach(c -> audit.record(actor, new AuditTarget(AuditTarget.UPSTREAM, c.name()), "import",
                fields(c)));
        LOG.info(() -> "Imported upstreams.conf: " + diff.settingsChanged()
                + (saved == null ? "" : "; previous upstreams saved to " + saved));
        changed.accept(new ConfigurationChanged(diff));
        return new ImportReport(diff, warnings, true, saved);
    }

    /** Stores these upstreams in place of all others (the first start's import, an import). */
    void replaceAll(List<Upstream> upstreams) {
        entities().forEach(em::remove);
        em.flush();
        upstreams.forEach(u -> em.persist(new UpstreamEntity(u, cipher)));
        em.flush();
    }

    /** @return upstreams.conf as stored */
    String export() {
        return UpstreamsConfWriter.write(all(), "upstreams.conf exported by ami on " + Instant.now());
    }

    /**
     * @param accounts  accounts
     * @param upstreams the upstreams there are
     * @return a warning per account whose {@code upstream} names none of them (stored all the same:
     *         the upstream may be added later; until then its requests are answered that it is not connected)
     */
    static List<String> unknownUpstreams(List<AccountDefinition> accounts, List<Upstream> upstreams) {
        Set<String> names = new HashSet<>();
        upstreams.forEach(u -> names.add(UpstreamEntity.key(u.name())));
        List<String> warnings = new ArrayList<>();
        for (AccountDefinition a : accounts) {
            if (a.upstream() != null && !names.contains(UpstreamEntity.key(a.upstream()))) {
                warnings.add("the account " + ConfigText.section(a.username()) + " names the upstream "
                        + ConfigText.name(a.upstream()) + ", which is not stored (upstreams.conf)");
            }
            for (String name : a.upstreams()) {
                if (!names.contains(UpstreamEntity.key(name))) {
                    warnings.add("the account " + ConfigText.section(a.username()) + " lists the upstream "
                            + ConfigText.name(name) + " in its upstreams, which is not stored (upstreams.conf)");
                }
            }
        }
        return warnings;
    }

    UpstreamState create(Actor actor, Upstream upstream) throws ChangeRefused {
        check(upstream);
        if (find(upstream.name()).isPresent()) {
            throw new ChangeRefused(Reason.EXISTS, "an upstream is named " + ConfigText.name(upstream.name())
                    + " already (names are compared without regard to case)", List.of(new FieldProblem("name", "taken")));
        }
        UpstreamEntity entity = new UpstreamEntity(upstream, cipher);
        em.persist(entity);
        em.flush();
        written(actor, "create", null, upstream);
        return UpstreamState.of(entity, cipher);
    }

    /**
     * Replaces an upstream's fields; its name stays the stored one.
     *
     * @param keepSecret true to keep the stored secret (the request gave none)
     */
    UpstreamState replace(Actor actor, String name, Predicate<String> ifMatch, Upstream upstream, boolean keepSecret)
            throws ChangeRefused {
        UpstreamEntity entity = current(name, ifMatch);
        Upstream before = entity.toUpstream(cipher);
        Upstream after = new Upstream(before.name(), upstream.host(), upstream.port(), upstream.tls(), upstream.tlsVerify(),
                upstream.tlsCaFile(), upstream.username(), keepSecret ? before.secret() : upstream.secret(),
                upstream.events(), upstream.enabled(), upstream.nameEvents());
        check(after);
        if (after.equals(before)) {
            return UpstreamState.of(entity, cipher);
        }
        entity.replace(after, cipher, keepSecret);
        em.flush();
        written(actor, "replace", before, after);
        return UpstreamState.of(entity, cipher);
    }

    void delete(Actor actor, String name, Predicate<String> ifMatch) throws ChangeRefused {
        UpstreamEntity entity = current(name, ifMatch);
        Upstream before = entity.toUpstream(cipher);
        em.remove(entity);
        em.flush();
        written(actor, "delete", before, null);
    }

    private UpstreamEntity current(String name, Predicate<String> ifMatch) throws ChangeRefused {
        UpstreamEntity entity = find(name).orElseThrow(() -> new ChangeRefused(Reason.UNKNOWN,
                "no upstream is named " + ConfigText.name(name), List.of()));
        if (!ifMatch.test(entity.digest())) {
            throw new ChangeRefused(Reason.STALE, "the upstream " + ConfigText.name(entity.name())
                    + " has changed since the state named by If-Match; read it again", List.of());
        }
        return entity;
    }

    private void written(Actor actor, String action, Upstream before, Upstream after) {
        ConfigurationDiff diff = ConfigurationDiff.betweenUpstreams(before == null ? List.of() : List.of(before),
                after == null ? List.of() : List.of(after));
        audit.record(actor, new AuditTarget(AuditTarget.UPSTREAM, (after == null ? before : after).name()), action,
                diff.changes().isEmpty() ? List.of() : fields(diff.changes().get(0)));
        changed.accept(new ConfigurationChanged(diff));
    }

    private static List<AuditChange> fields(ConfigurationDiff.Change change) {
        return change.fields().stream().map(f -> new AuditChange(f.field(), text(f.before()), text(f.after()))).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * Writes the upstream as its upstreams.conf section and reads it back with the import's reader:
     * a line the reader refuses is that field's problem; a field that reads back otherwise (a line
     * break, a {@code ;} the file would take for a comment...) is refused too.
     *
     * @param upstream the upstream, its secret in clear
     */
    static void check(Upstream upstream) throws ChangeRefused {
        List<AccountSection.Line> lines = UpstreamSection.lines(upstream);
        StringBuilder text = new StringBuilder(ConfigDocument.header(upstream.name(), List.of())).append('\n');
        Map<Integer, String> fieldOfLine = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            AccountSection.Line line = lines.get(i);
            text.append(ConfigDocument.line(line.option(), line.value())).append('\n');
            fieldOfLine.put(i + 2, line.field());
        }
        UpstreamsConfReader.Result read;
        try {
            read = UpstreamsConfReader.read(text.toString());
        } catch (ConfigParseException e) {
            String field = e.line() == 1 ? "name" : fieldOfLine.get(e.line());
            String prefix = UpstreamsConfReader.FILE + ":" + e.line() + ": ";
            String why = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw new ChangeRefused(Reason.INVALID, "the upstream is not valid: " + why,
                    List.of(new FieldProblem(field, why)));
        }
        if (read.upstreams().size() != 1) {
            throw new ChangeRefused(Reason.INVALID, "the upstream does not read back from upstreams.conf as given",
                    List.of(new FieldProblem("name", "does not read back from upstreams.conf as given")));
        }
        Upstream back = read.upstreams().get(0);
        List<FieldProblem> problems = new ArrayList<>();
        List<AccountSection.Line> backLines = UpstreamSection.lines(back);
        if (!back.name().equals(upstream.name())) {
            problems.add(new FieldProblem("name", "does not read back from upstreams.conf as given"));
        }
        for (AccountSection.Line line : lines) {
            if (!backLines.contains(line)) {
                problems.add(new FieldProblem(line.field(), "does not read back from upstreams.conf as given"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ChangeRefused(Reason.INVALID, "the upstream is not valid", problems);
        }
    }
}
