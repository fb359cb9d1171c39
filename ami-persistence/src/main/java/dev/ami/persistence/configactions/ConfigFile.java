package dev.ami.persistence.configactions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a {@code Filename} of the configuration actions names. Only manager.conf and http.conf are stored here;
 * a name that leaves the configuration folder is refused as Asterisk refuses it (facts §5.5).
 */
enum ConfigFile {
    /** manager.conf, served from the store. */
    MANAGER,
    /** http.conf, served from the store. */
    HTTP,
    /** Outside the configuration folder and existing: {@code File requires escalated privileges}. */
    RESTRICTED,
    /** Anything else: not a file this server has. */
    MISSING;

    /** @return true for the files the store keeps */
    boolean stored() {
        return this == MANAGER || this == HTTP;
    }

    static ConfigFile of(String filename, Path configurationDir) {
        Path dir = configurationDir.toAbsolutePath().normalize();
        Path path = path(filename, dir);
        if (!path.startsWith(dir)) {
            // Asterisk resolves the real path first: a file that does not exist is "not found"
            return Files.exists(path) ? RESTRICTED : MISSING;
        }
        if (path.equals(dir.resolve("manager.conf"))) {
            return MANAGER;
        }
        return path.equals(dir.resolve("http.conf")) ? HTTP : MISSING;
    }

    /** @return true if the name points outside the configuration folder, whether or not it exists */
    static boolean leaves(String filename, Path configurationDir) {
        Path dir = configurationDir.toAbsolutePath().normalize();
        return !path(filename, dir).startsWith(dir);
    }

    private static Path path(String filename, Path dir) {
        String name = filename.strip();
        return (name.startsWith("/") ? Path.of(name) : dir.resolve(name)).normalize();
    }
}
