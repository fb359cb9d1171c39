package dev.ami.persistence.store;

import java.util.List;

/**
 * One page of the stored accounts, by name.
 *
 * @param accounts the accounts of the page
 * @param total    how many accounts match, on every page together
 */
public record AccountPage(List<AccountState> accounts, long total) {

    public AccountPage {
        accounts = List.copyOf(accounts);
    }
}
