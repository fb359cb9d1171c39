package dev.ami.server.upstream;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Upstream;
import dev.ami.api.message.ManagerAction;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ActionHandler;
import dev.ami.server.action.Forwarding;
import dev.ami.server.action.application.ApplicationActionHandler;
import dev.ami.server.session.AmiSession;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which requests an upstream answers. A request goes to the upstream it names in an
 * {@code Upstream:} header, or else to its account's default upstream ({@code upstream = } in
 * manager.conf); an empty {@code Upstream:} keeps it here. What ami does for the session itself
 * stays here whatever the request names: Login, Challenge, Logoff, Ping, Events, Filter,
 * WaitEvent, ListCommands, Reload, and the actions applications add (the configuration actions
 * among them). An account whose {@code upstreams} option leaves the upstream out is answered
 * {@code Permission denied}.
 */
public final class UpstreamForwarding implements Forwarding {

    private static final Set<String> LOCAL = Set.of("login", "challenge", "logoff", "ping", "events", "filter",
            "waitevent", "listcommands", "reload");

    /** Asterisk's answer to a request the account may not make. */
    static final String PERMISSION_DENIED = "Permission denied";

    private final UpstreamDirectory upstreams;
    private final ForwardedRequests requests;

    /**
     * @param upstreams the connector's upstreams
     * @param requests  the forwarded requests awaiting answers
     */
    public UpstreamForwarding(UpstreamDirectory upstreams, ForwardedRequests requests) {
        this.upstreams = upstreams;
        this.requests = requests;
    }

    @Override
    public Optional<ActionHandler> forward(AmiSession session, ManagerAction action, Optional<ActionHandler> local) {
        String name = action.action().orElse("");
        if (LOCAL.contains(name.toLowerCase(Locale.ROOT))
                || local.filter(ApplicationActionHandler.class::isInstance).isPresent()) {
            return Optional.empty();
        }
        String target = action.header(Upstream.HEADER).orElse(session.account().upstream());
        if (target == null || target.isEmpty()) {
            return Optional.empty();
        }
        if (!session.account().mayUse(target)) {
            return Optional.of(new Refusal(name, PERMISSION_DENIED));
        }
        Optional<UpstreamChannel> channel = upstreams.connected(target);
        if (channel.isEmpty()) {
            String why = upstreams.configured(target) ? notConnected(target) : "Upstream " + target + " is not configured";
            return Optional.of(new Refusal(name, why));
        }
        Optional<Authority> classes = channel.get().actionClasses(name);
        if (classes.isEmpty()) {
            // never forwarded unchecked: an action the upstream did not list has no classes to check
            return Optional.of(new Refusal(name, "Invalid/unknown command: " + name
                    + ". Use Action: ListCommands to show available commands."));
        }
        return Optional.of(new ForwardedAction(name, classes.get(), channel.get(), requests));
    }

    /** @return the error for a request whose upstream is not logged in */
    static String notConnected(String upstream) {
        return "Upstream " + upstream + " is not connected";
    }

    /** A request that names an upstream it cannot reach: answered with an error naming it. */
    private record Refusal(String name, String why) implements ActionHandler {

        @Override
        public Authority authority() {
            return Authority.NONE;
        }

        @Override
        public String synopsis() {
            return why;
        }

        @Override
        public void handle(ActionCall call) {
            call.replyError(why);
        }
    }
}
