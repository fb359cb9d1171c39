package dev.ami.persistence.configactions;

import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.manager.HttpConfReader;
import dev.ami.persistence.manager.ManagerConfReader;
import dev.ami.persistence.store.AmiPaths;
import dev.ami.persistence.store.ConfigurationStore;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration files the actions work on (manager.conf, http.conf), as categories: read from the store and
 * saved back by import.
 */
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

    /** @return a stored file, category by category */
    List<Category> categories(ConfigFile file) {
        String name = name(file);
        // the file as last imported, as Asterisk shows the file; the export where none was kept
        String text = store.importedText(name)
                .orElseGet(() -> file == ConfigFile.HTTP ? store.exportHttpConf() : store.exportManagerConf());
        return categoriesOf(name, text);
    }

    private static String name(ConfigFile file) {
        return file == ConfigFile.HTTP ? HttpConfReader.FILE : ManagerConfReader.FILE;
    }

    /** @return the categories of a stored file's text */
    static List<Category> categoriesOf(String name, String text) {
        try {
            return AsteriskConfigParser.parse(name, text, AsteriskConfigParser.NO_INCLUDES).sections().stream()
                    .map(Category::of).toList();
        } catch (ConfigParseException e) {
            throw new IllegalStateException("the stored " + name + " does not parse", e);
        }
    }

    /**
     * Replaces a stored file with these categories: validated and stored in one transaction (then
     * applied by the connector); nothing changes if any line is refused.
     *
     * @param actor who saves, for the audit trail
     * @throws ConfigParseException naming the refused line
     */
    void save(ConfigFile file, List<Category> categories, Actor actor) throws ConfigParseException {
        StringBuilder text = new StringBuilder();
        categories.forEach(c -> c.render(text));
        // what UpdateConfig writes holds no directive (Verbatim); should one slip through, it is
        // refused here rather than read from the folder by the import
        AsteriskConfigParser.parse(name(file), text.toString(), AsteriskConfigParser.NO_INCLUDES);
        if (file == ConfigFile.HTTP) {
            store.importHttpConf(actor, text.toString(), false);
        } else {
            store.importManagerConf(actor, text.toString(), false);
        }
    }
}
