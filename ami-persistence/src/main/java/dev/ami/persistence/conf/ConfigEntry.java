package dev.ami.persistence.conf;

/**
 * One {@code name = value} line of an Asterisk configuration file.
 *
 * @param name  the option name, trimmed
 * @param value the value, trimmed (may be empty)
 * @param file  the file it came from
 * @param line  its line number there, from 1
 */
public record ConfigEntry(String name, String value, String file, int line) {

    /** @return {@code file:line}, for messages */
    public String where() {
        return ConfigText.escaped(file) + ":" + line;
    }

    /** @return the option's name as a message shows it ({@link ConfigText#name}) */
    public String shownName() {
        return ConfigText.name(name);
    }
}
