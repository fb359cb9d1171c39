package dev.ami.persistence.store;

import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.ImportedConfiguration;
import dev.ami.persistence.manager.ManagerConfReader;
import dev.ami.persistence.secret.SecretCipher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

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

    @PersistenceContext(unitName = "ami")
    private EntityManager em;

    private SecretCipher cipher;

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
        Path file = AmiPaths.configurationDir().resolve(ManagerConfReader.FILE);
        try {
            ImportedConfiguration imported = ManagerConfReader.read(Files.readString(file, StandardCharsets.UTF_8),
                    AsteriskConfigParser.relativeTo(AmiPaths.configurationDir()));
            imported.warnings().forEach(w -> LOG.warning(w));
            em.persist(new GeneralSettingsEntity(imported.general()));
            imported.accounts().forEach(a -> em.persist(new AccountEntity(a, cipher)));
            LOG.info(() -> "Imported " + file + ": " + imported.accounts().size() + " accounts");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot read " + file + " (set AMI_CONF_DIR to the folder holding manager.conf); "
                    + "AMI stays disabled until it is imported: " + e);
        } catch (ConfigParseException e) {
            LOG.severe("manager.conf was not imported, nothing was stored, AMI stays disabled: " + e.getMessage());
        }
    }

    /** @return a consistent snapshot of the stored configuration (AMI disabled if none is stored) */
    @Lock(LockType.READ)
    public ManagerConfiguration currentConfiguration() {
        GeneralSettingsEntity general = em.find(GeneralSettingsEntity.class, GeneralSettingsEntity.SINGLETON_ID);
        if (general == null) {
            return new ManagerConfiguration(GeneralSettings.DEFAULTS, List.of());
        }
        GeneralSettings settings = general.toSettings();
        List<Account> accounts = em.createNamedQuery(AccountEntity.ALL, AccountEntity.class).getResultStream()
                .map(a -> a.toDefinition(cipher)).map(a -> a.toAccount(settings)).toList();
        return new ManagerConfiguration(settings, accounts);
    }
}
