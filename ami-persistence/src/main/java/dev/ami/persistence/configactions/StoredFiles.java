package dev.ami.persistence.configactions;

import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import dev.ami.persistence.manager.ManagerConfReader;
import dev.ami.persistence.store.AmiPaths;
import dev.ami.persistence.store.ConfigurationStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The configuration files the actions work on, as categories: read from the store and saved back by import. */
class StoredFiles {

    private final ConfigurationStore store;
    private final Path configurationDir;

    StoredFiles(ConfigurationStore store, Path configurationDir) {
        this.store = store;
        this.configurationDir = configurationDir;
    }

    static StoredFiles of(ConfigurationStore store) {
        return new StoredFiles(store, AmiPaths.configurationDir());
    }

    ConfigFile resolve(String filename) {
        return ConfigFile.of(filename, configurationDir);
    }

    boolean leaves(String filename) {
        return ConfigFile.leaves(filename, configurationDir);
    }

    /** @return manager.conf as stored, category by category */
    List<Category> managerConf() {
        try {
            List<Category> categories = new ArrayList<>();
            for (ConfigSection s : AsteriskConfigParser.parse(ManagerConfReader.FILE, store.exportManagerConf(),
                    AsteriskConfigParser.NO_INCLUDES).sections()) {
                categories.add(Category.of(s));
            }
            return categories;
        } catch (ConfigParseException e) {
            throw new IllegalStateException("the stored configuration does not export as valid manager.conf", e);
        }
    }

    /**
     * Replaces manager.conf with these categories: validated and stored in one transaction, then
     * applied by the connector; nothing changes if any line is refused.
     *
     * @throws ConfigParseException naming the refused line
     */
    void saveManagerConf(List<Category> categories) throws ConfigParseException {
        StringBuilder text = new StringBuilder();
        categories.forEach(c -> c.render(text));
        store.importManagerConf(text.toString(), false);
    }
}
