package dev.ami.server.action.login;

import dev.ami.api.connector.Account;
import dev.ami.api.event.security.SecurityEvents;
import dev.ami.server.action.ActionCall;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Asterisk's {@code allowmultiplelogin = no}: a Login or Challenge naming an account that may hold
 * only one session, while a session is logged in with it, is refused before any secret is checked:
 * a SessionLimit event, one second's pause, {@code Login Already In Use}, and the connection closes.
 * In a cluster a session on any node counts.
 */
public final class MultipleLoginGuard {

    private static final Set<String> GUARDED = Set.of("login", "challenge");

    private MultipleLoginGuard() {
    }

    /**
     * @param call   the request
     * @param action its action name as sent
     * @return true if the request was refused (and answered); the caller stops there
     */
    public static boolean refuses(ActionCall call, String action) {
        if (call.session().isAuthenticated() || !GUARDED.contains(action.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String username = call.action().get("Username");
        if (username.isEmpty()) {
            return false;
        }
        Optional<Account> account = call.connector().configuration().account(username);
        if (account.isEmpty() || account.get().allowMultipleLogin()
                || !call.connector().sessions().isLoggedIn(account.get().username())
                && call.connector().otherNodes().nodeWithLogin(account.get().username()).isEmpty()) {
            return false;
        }
        call.connector().publish(SecurityEvents.sessionLimit(call.session().securityPeer(), call.session().loginName(),
                call.now()));
        call.session().sendLaterAndClose(call.error().message("Login Already In Use").build(), LoginAction.FAILURE_DELAY);
        return true;
    }
}
