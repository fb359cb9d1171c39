package dev.ami.server.upstream;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.ManagerAction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asterisk's checks on what a request contains, made by ami with the client's own write classes
 * before the request is forwarded: the upstream makes them against ami's account there, which may
 * hold classes the client does not (main/manager.c: action_getvar and action_status with
 * function_capable_string_allowed_with_auths, action_originate with its application and data
 * rules).
 */
final class ContentGuard {

    private static final List<String> SYSTEM_APPLICATIONS = List.of("agi", "dbdeltree", "exec", "externalivr",
            "mixmonitor", "originate", "reload", "system");
    private static final List<String> SYSTEM_DATA = List.of("CURL", "DB", "EVAL", "FILE", "ODBC", "REALTIME", "SHELL");

    private ContentGuard() {
    }

    /**
     * @param action the request
     * @param write  the client's write classes
     * @return the error Asterisk answers when the client may not send this content, else empty
     */
    static Optional<String> refusal(ManagerAction action, Authority write) {
        String name = action.action().orElse("");
        boolean system = write.intersects(Authority.of(AuthorityClass.SYSTEM));
        if (name.equalsIgnoreCase("Getvar") && !system && shellCapable(action.get("Variable"))) {
            return Optional.of("GetVar Access Forbidden: Variable");
        }
        if (name.equalsIgnoreCase("Status") && !system && shellCapable(action.get("Variables"))) {
            return Optional.of("Status Access Forbidden: Variables");
        }
        if (name.equalsIgnoreCase("Originate") && !action.get("Application").isEmpty()
                && !originateAllowed(action.get("Application"), action.get("Data"), write, system)) {
            return Optional.of("Originate Access Forbidden: app or data blacklisted");
        }
        return Optional.empty();
    }

    private static boolean shellCapable(String expression) {
        return expression.contains("SHELL") || expression.contains("EVAL");
    }

    /** The first rule that matches decides. */
    private static boolean originateAllowed(String application, String data, Authority write, boolean system) {
        String app = application.toLowerCase(Locale.ROOT);
        for (String dangerous : SYSTEM_APPLICATIONS) {
            if (app.contains(dangerous)) {
                return system;
            }
        }
        if (app.contains("queue") && agiArgument(data)) {
            return system || write.intersects(Authority.of(AuthorityClass.AGI));
        }
        for (String function : SYSTEM_DATA) {
            if (data.contains(function)) {
                return system;
            }
        }
        return true;
    }

    /** Queue's sixth argument names an AGI script to run. */
    private static boolean agiArgument(String data) {
        String[] arguments = data.split("[,|]", -1);
        return arguments.length > 5 && !arguments[5].isBlank();
    }
}
