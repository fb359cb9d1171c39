package dev.ami.persistence.configactions;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What a {@code Filename} of the configuration actions names, decided by the name alone, never by
 * what is on disk: whether a file exists outside the stored ones must not show in any answer.
 * Only manager.conf and http.conf are stored. A name that leaves the configuration folder once
 * normalised ({@code /etc/passwd}, {@code ../x}) is restricted, as Asterisk restricts a path
 * outside its configuration folder (main/manager.c, is_restricted_file); Asterisk also follows
 * links and answers "not found" for a missing file there, which would tell what exists.
 */
enum ConfigFile {
    /** manager.conf, served from the store. */
    MANAGER,
    /** http.conf, served from the store. */
    HTTP,
    /** A name outside the configuration folder: {@code File requires escalated privileges}. */
    RESTRICTED,
    /** Any other name: not a file this server has. */
    MISSING;

    /** @return true for the files the store keeps */
    boolean stored() {
        return this == MANAGER || this == HTTP;
    }

    static ConfigFile of(String filename, Path configurationDir) {
        Path dir = configurationDir.toAbsolutePath().normalize();
        Path path;
        try {
            path = dir.resolve(filename.strip()).normalize();
        } catch (InvalidPathException e) {
            return MISSING; // a NUL in the name: no file has it
        }
        if (!path.startsWith(dir)) {
            return RESTRICTED;
        }
        if (path.equals(dir.resolve("manager.conf"))) {
            return MANAGER;
        }
        return path.equals(dir.resolve("http.conf")) ? HTTP : MISSING;
    }
}
