package dev.ami.persistence.configactions;

import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import dev.ami.persistence.manager.HttpConfReader;
import dev.ami.persistence.manager.ManagerConfReader;
import dev.ami.persistence.store.AmiPaths;
import dev.ami.persistence.store.ConfigurationStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The configuration files the actions work on (manager.conf, http.conf), as categories: read from the store and saved back by import. */
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

    /** @return a stored file, category by category */
    List<Category> categories(ConfigFile file) {
        String name = file == ConfigFile.HTTP ? HttpConfReader.FILE : ManagerConfReader.FILE;
        // the file as last imported, as Asterisk shows the file; the export where none was kept
        String text = store.importedText(name)
                .orElseGet(() -> file == ConfigFile.HTTP ? store.exportHttpConf() : store.exportManagerConf());
        return categoriesOf(name, text);
    }

    /** @return the categories of a stored file's text */
    static List<Category> categoriesOf(String name, String text) {
        try {
            List<Category> categories = new ArrayList<>();
            for (ConfigSection s : AsteriskConfigParser.parse(name, text, AsteriskConfigParser.NO_INCLUDES).sections()) {
                categories.add(Category.of(s));
            }
            return categories;
        } catch (ConfigParseException e) {
            throw new IllegalStateException("the stored " + name + " does not parse", e);
        }
    }

    /**
     * Replaces a stored file with these categories: validated and stored in one transaction (then
     * applied by the connector); nothing changes if any line is refused.
     *
     * @throws ConfigParseException naming the refused line
     */
    void save(ConfigFile file, List<Category> categories) throws ConfigParseException {
        StringBuilder text = new StringBuilder();
        categories.forEach(c -> c.render(text));
        if (file == ConfigFile.HTTP) {
            store.importHttpConf(text.toString(), false);
        } else {
            store.importManagerConf(text.toString(), false);
        }
    }
}
