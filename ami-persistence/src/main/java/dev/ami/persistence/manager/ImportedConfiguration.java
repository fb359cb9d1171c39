package dev.ami.persistence.manager;

import dev.ami.api.connector.GeneralSettings;
import java.util.List;

/**
 * What a manager.conf says, ready to be stored.
 *
 * @param general  the {@code [general]} settings
 * @param accounts the accounts, in file order
 * @param warnings lines that were accepted with a warning
 */
public record ImportedConfiguration(GeneralSettings general, List<AccountDefinition> accounts, List<String> warnings) {

    public ImportedConfiguration {
        accounts = List.copyOf(accounts);
        warnings = List.copyOf(warnings);
    }
}
