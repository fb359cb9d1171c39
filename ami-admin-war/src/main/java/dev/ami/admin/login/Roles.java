package dev.ami.admin.login;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import java.util.Set;

/**
 * The two groups of the administration API, as Jakarta Security gives them to the container:
 * {@value #ADMIN} for an account whose write classes include {@code config} (UpdateConfig's right
 * over AMI), {@value #READER} for one whose read classes include it but not its write classes.
 * Any other account logs in but holds neither, so every resource refuses it (403).
 */
public final class Roles {

    /** May read and change (POST, PUT, PATCH, DELETE). */
    public static final String ADMIN = "admin";

    /** May read (GET, HEAD). */
    public static final String READER = "reader";

    private static final Authority CONFIG = Authority.of(AuthorityClass.CONFIG);

    private Roles() {
    }

    /**
     * @param account an AMI account
     * @return its groups: {@value #ADMIN}, {@value #READER}, or none
     */
    public static Set<String> of(Account account) {
        if (account.write().intersects(CONFIG)) {
            return Set.of(ADMIN);
        }
        return account.read().intersects(CONFIG) ? Set.of(READER) : Set.of();
    }

    /**
     * @param groups a caller's groups
     * @return the role the console shows: {@value #ADMIN}, {@value #READER}, or null for neither
     */
    public static String role(Set<String> groups) {
        if (groups.contains(ADMIN)) {
            return ADMIN;
        }
        return groups.contains(READER) ? READER : null;
    }
}
