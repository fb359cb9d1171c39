package dev.ami.server.action.cli;

import java.util.List;

/**
 * A command's answer to wrong arguments (Asterisk's {@code CLI_SHOWUSAGE}): the usage text, sent
 * with {@code Response: Error}. A command throws it or completes its stage with it.
 */
public final class CliUsage extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    /** @param lines the usage text, a line each */
    public CliUsage(List<String> lines) {
        super("wrong arguments", null, false, false);
        this.lines = List.copyOf(lines);
    }

    /** @return the usage text, a line each */
    public List<String> lines() {
        return lines;
    }
}
