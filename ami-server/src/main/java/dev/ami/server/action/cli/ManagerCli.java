package dev.ami.server.action.cli;

import dev.ami.api.acl.AclRule;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.OtherNodes;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.api.connector.TlsSettings;
import dev.ami.api.net.Addresses;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ActionHandler;
import dev.ami.server.session.AmiSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code manager show …} and {@code manager reload} CLI commands, with Asterisk 22's layouts
 * (main/manager.c handle_showmanconn, handle_showmanagers, handle_showmanager, handle_showmancmds,
 * handle_manager_show_settings).
 */
final class ManagerCli {

    /** Asterisk's MGR_SHOW_TERMINAL_WIDTH. */
    private static final int TERMINAL_WIDTH = 80;

    private ManagerCli() {
    }

    static List<CliCommand> commands() {
        return List.of(
                command(List.of("manager", "show", "connected"), ManagerCli::connected),
                command(List.of("manager", "show", "users"), ManagerCli::users),
                command(List.of("manager", "show", "user"), ManagerCli::user),
                command(List.of("manager", "show", "commands"), ManagerCli::actions),
                command(List.of("manager", "show", "settings"), ManagerCli::settings),
                new CliCommand() {
                    @Override
                    public List<String> words() {
                        return List.of("manager", "reload");
                    }

                    @Override
                    public CompletionStage<List<String>> run(ActionCall call, List<String> arguments) {
                        return call.connector().reloader().reload().thenApply(configuration -> List.of());
                    }
                });
    }

    interface Lines {
        List<String> of(ActionCall call, List<String> arguments);
    }

    static CliCommand command(List<String> words, Lines lines) {
        return new CliCommand() {
            @Override
            public List<String> words() {
                return words;
            }

            @Override
            public CompletionStage<List<String>> run(ActionCall call, List<String> arguments) {
                try {
                    return CompletableFuture.completedFuture(lines.of(call, arguments));
                } catch (CliUsage usage) {
                    return CompletableFuture.failedFuture(usage);
                }
            }
        };
    }

    /**
     * Every connection, logged in or not; HttpCnt is an HTTP session's requests in progress (0 over
     * TCP) and FileDes -1 (no file descriptors here).
     * After Asterisk's columns, each session's event delivery: queued, delivered, dropped, and the
     * largest wait in milliseconds between routing and writing.
     */
    static List<String> connected(ActionCall call, List<String> arguments) {
        String head = "  %-15.15s  %-55.55s  %-10.10s  %-10.10s  %-8.8s  %-8.8s  %-10.10s  %-10.10s"
                + "  %-10.10s  %-10.10s  %-8.8s  %-8.8s";
        List<String> out = new ArrayList<>();
        out.add(String.format(head, "Username", "IP Address", "Start", "Elapsed", "FileDes", "HttpCnt", "ReadPerms",
                "WritePerms", "Queued", "Delivered", "Dropped", "MaxLagMs"));
        long now = call.now().getEpochSecond();
        Collection<AmiSession> sessions = call.connector().sessions().all();
        for (AmiSession s : sessions) {
            long start = s.isAuthenticated() ? s.loggedInAt().getEpochSecond() : 0;
            int read = s.isAuthenticated() ? s.account().read().bits() : 0;
            int write = s.isAuthenticated() ? s.account().write().bits() : 0;
            SessionStatistics stats = s.statistics();
            out.add(String.format("  %-15.15s  %-55.55s  %-10d  %-10d  %-8d  %-8d  %010d  %010d  %-10d  %-10d  %-8d  %-8d",
                    s.loginName(), s.remoteHost(), start, now - start, -1, s.transport().requestsInProgress(), read,
                    write, stats.queued(),
                    stats.delivered(), stats.dropped(), stats.maxLagMillis()));
        }
        // In a cluster the other nodes' sessions follow, their node beside the address; their
        // delivery figures live on their node, so they show as "-".
        List<OtherNodes.RemoteSession> remote = call.connector().otherNodes().sessions();
        for (OtherNodes.RemoteSession r : remote) {
            long start = r.loggedInAt().getEpochSecond();
            Optional<Account> account = call.connector().configuration().account(r.username());
            out.add(String.format("  %-15.15s  %-55.55s  %-10d  %-10d  %-8d  %-8d  %010d  %010d  %-10s  %-10s  %-8s  %-8s",
                    r.username(), r.remoteAddress() + " on " + r.node(), start, now - start, -1, 0,
                    account.map(a -> a.read().bits()).orElse(0), account.map(a -> a.write().bits()).orElse(0),
                    "-", "-", "-", "-"));
        }
        out.add(sessions.size() + remote.size() + " users connected.");
        return out;
    }

    /** Asterisk's {@code manager show settings}: the [general] values in force. */
    static List<String> settings(ActionCall call, List<String> arguments) {
        GeneralSettings g = call.connector().configuration().general();
        TlsSettings tls = g.tls();
        List<String> out = new ArrayList<>(List.of("", "Global Settings:", "----------------"));
        out.add(setting("Manager (AMI):", yesNo(g.enabled())));
        out.add(setting("Web Manager (AMI/HTTP):", yesNo(g.webEnabled())));
        out.add(setting("TCP Bindaddress:", g.enabled() ? socket(g.bindAddress(), g.port()) : "Disabled"));
        out.add(String.format("  %-25.25s  %-15d", "HTTP Timeout (seconds):", g.httpTimeoutSeconds()));
        out.add(setting("TLS Enable:", yesNo(tls.enabled())));
        out.add(setting("TLS Bindaddress:", tls.enabled() ? socket(tls.bindAddress(), tls.port()) : "Disabled"));
        out.add(setting("TLS Certfile:", tls.certFile()));
        out.add(setting("TLS Privatekey:", tls.privateKey()));
        out.add(setting("TLS Cipher:", tls.cipher()));
        out.add(setting("Allow multiple login:", yesNo(g.allowMultipleLogin())));
        out.add(setting("Display connects:", yesNo(g.displayConnects())));
        out.add(setting("Timestamp events:", yesNo(g.timestampEvents())));
        out.add(String.format("  %-25.25s  %s", "Channel vars:", String.join(",", g.channelVars())));
        out.add(String.format("  %-25.25s  %s", "Disabled events:", String.join(",", g.disabledEvents())));
        out.add(setting("Debug:", yesNo(g.debug())));
        return out;
    }

    private static String setting(String label, String value) {
        return String.format("  %-25.25s  %-15.55s", label, value);
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    /** An address and port as Asterisk prints a socket address: IPv6 in brackets. */
    private static String socket(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    static List<String> users(ActionCall call, List<String> arguments) {
        var accounts = call.connector().configuration().accounts();
        if (accounts.isEmpty()) {
            return List.of("There are no manager users.");
        }
        List<String> out = new ArrayList<>(List.of("", "username", "--------"));
        accounts.forEach(a -> out.add(a.username()));
        out.add("-------------------");
        out.add(accounts.size() + " manager users configured.");
        return out;
    }

    static List<String> user(ActionCall call, List<String> arguments) {
        if (arguments.size() != 1) {
            throw new CliUsage(List.of(" Usage: manager show user <user>",
                    "        Display all information related to the manager user specified."));
        }
        return call.connector().configuration().account(arguments.get(0)).map(a -> List.of(
                "",
                "          username: " + a.username(),
                "            secret: " + (a.secret() != null ? "<Set>" : "(N/A)"),
                "               ACL: " + (a.acl().rules().isEmpty() ? "no" : "yes"),
                "         read perm: " + exactClasses(a.read().bits()),
                "        write perm: " + exactClasses(a.write().bits()),
                "   displayconnects: " + (a.displayConnects() ? "yes" : "no"),
                "allowmultiplelogin: " + (a.allowMultipleLogin() ? "yes" : "no"),
                "         Variables: "))
                .map(lines -> withVariablesAndAcl(lines, call.connector().configuration().account(arguments.get(0))
                        .orElseThrow()))
                .orElse(List.of("There is no manager called " + arguments.get(0)));
    }

    /**
     * Asterisk prints a non-empty ACL after the variables, as its ACL code prints one: the
     * permit/deny lines form one unnamed ACL, each rule with its index, sense, network and mask.
     */
    private static List<String> withVariablesAndAcl(List<String> lines, Account account) {
        List<String> out = new ArrayList<>(lines);
        // Asterisk keeps setvar lines newest first, so it prints them in reverse
        for (int i = account.variables().size() - 1; i >= 0; i--) {
            String v = account.variables().get(i);
            int eq = v.indexOf('=');
            out.add("                 " + v.substring(0, eq) + " = " + v.substring(eq + 1));
        }
        List<AclRule> rules = account.acl().rules();
        if (rules.isEmpty()) {
            return out;
        }
        out.add("ACL: (unnamed)");
        out.add("-".repeat(45));
        for (int i = 0; i < rules.size(); i++) {
            AclRule r = rules.get(i);
            out.add(String.format("%3d: %s - %s/%s", i, r.permit() ? "allow" : " deny", Addresses.text(r.network()),
                    Addresses.text(r.mask())));
        }
        return out;
    }

    /** The CLI's form of a class set: only classes fully held, {@code <none>} if none. */
    static String exactClasses(int bits) {
        List<String> names = new ArrayList<>();
        for (AuthorityClass c : AuthorityClass.values()) {
            if (c != AuthorityClass.NONE && (bits & c.bits()) == c.bits()) {
                names.add(c.label());
            }
        }
        return names.isEmpty() ? "<none>" : String.join(",", names);
    }

    static List<String> actions(ActionCall call, List<String> arguments) {
        Collection<ActionHandler> all = call.actions().sorted();
        int nameLength = Math.max(1, all.stream().mapToInt(a -> a.name().length()).max().orElse(1));
        int space = Math.max(0, TERMINAL_WIDTH - nameLength - 4);
        List<String> out = new ArrayList<>();
        out.add(row(nameLength, space, "Action", "Synopsis"));
        out.add(row(nameLength, space, "------", "--------"));
        // Asterisk's synopses (from its XML docs) end in a space; ListCommands shows it as "synopsis.  (Priv:"
        all.forEach(a -> out.add(row(nameLength, space, a.name(), a.synopsis() + " ")));
        return out;
    }

    private static String row(int nameLength, int space, String name, String synopsis) {
        String cut = synopsis.length() > space ? synopsis.substring(0, space) : synopsis;
        return "  " + String.format("%-" + nameLength + "." + nameLength + "s", name) + "  " + cut;
    }
}
