package dev.ami.persistence.conf;

/**
 * A configuration file that cannot be read; the message names the file, the line and the problem
 * (never a value: see {@link ConfigText}).
 */
public class ConfigParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public ConfigParseException(String file, int line, String problem) {
        super(ConfigText.escaped(file) + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
