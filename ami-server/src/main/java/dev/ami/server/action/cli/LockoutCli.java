package dev.ami.server.action.cli;

import dev.ami.api.login.Lockout;
import dev.ami.api.net.Addresses;
import dev.ami.server.action.ActionCall;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ami's own CLI commands for the login lockout (Asterisk has none): {@code manager show lockouts}
 * lists the locks in force, in the layout of {@code manager show connected}, and
 * {@code manager clear lockouts [<account>|*] [<address>]} lifts them and forgets their counts.
 */
final class LockoutCli {

    private static final String ROW = "  %-20.20s  %-15.15s  %-39.39s  %-8s  %s";

    private LockoutCli() {
    }

    static List<CliCommand> commands() {
        return List.of(ManagerCli.command(List.of("manager", "show", "lockouts"), LockoutCli::show),
                ManagerCli.command(List.of("manager", "clear", "lockouts"), LockoutCli::clear));
    }

    static List<String> show(ActionCall call, List<String> arguments) {
        Instant now = call.now();
        List<Lockout> locks = call.connector().logins().lockouts(now);
        List<String> out = new ArrayList<>();
        out.add(String.format(ROW, "Scope", "Account", "Address", "Failures", "Until"));
        for (Lockout l : locks) {
            out.add(String.format(ROW, scope(l.scope()), l.account().isEmpty() ? "*" : l.account(),
                    l.source() == null ? "*" : Addresses.text(l.source()), l.failures(),
                    l.until() + " (" + Duration.between(now, l.until()).toSeconds() + " s)"));
        }
        out.add(locks.size() + " lockouts in force.");
        return out;
    }

    static List<String> clear(ActionCall call, List<String> arguments) {
        if (arguments.size() > 2) {
            throw usage();
        }
        String account = arguments.isEmpty() || arguments.get(0).equals("*") ? null : arguments.get(0);
        InetAddress source = null;
        if (arguments.size() == 2) {
            try {
                // a literal only: a host name is not looked up
                if (!arguments.get(1).matches("[0-9A-Fa-f:.]+")) {
                    throw usage();
                }
                source = InetAddress.getByName(arguments.get(1));
            } catch (UnknownHostException e) {
                throw usage();
            }
        }
        int cleared = call.connector().logins().clear(account, source);
        return List.of("Cleared " + cleared + " failure counts and their locks.");
    }

    private static String scope(Lockout.Scope scope) {
        return switch (scope) {
            case ACCOUNT_FROM_SOURCE -> "account+address";
            case SOURCE -> "address";
            case ACCOUNT -> "account";
        };
    }

    private static CliUsage usage() {
        return new CliUsage(List.of("Usage: manager clear lockouts [<account>|*] [<address>]",
                "       Lifts login lockouts of an account, an address, both, or all, and forgets their failures."));
    }
}
