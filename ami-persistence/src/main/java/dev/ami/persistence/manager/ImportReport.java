package dev.ami.persistence.manager;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of an import or a dry run.
 *
 * @param diff     what changes (or would change)
 * @param warnings lines accepted with a warning
 * @param applied  false for a dry run
 * @param backup   the export of the replaced configuration, or null (dry run, or nothing was stored)
 */
public record ImportReport(ConfigurationDiff diff, List<String> warnings, boolean applied, Path backup) {

    public ImportReport {
        warnings = List.copyOf(warnings);
    }
}
