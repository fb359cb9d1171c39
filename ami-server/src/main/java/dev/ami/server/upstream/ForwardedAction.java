package dev.ami.server.upstream;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.SessionThread;
import dev.ami.api.connector.Upstream;
import dev.ami.server.action.ActionCall;
import dev.ami.server.action.ActionHandler;
import dev.ami.server.upstream.ForwardedRequests.UpstreamFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request that an upstream answers: checked here with the classes the upstream listed for the
 * action (the dispatcher does that) and the content rules ({@link ContentGuard}), sent with an
 * ActionID of ami's ({@code Upstream:} lines dropped), and answered to the client with its own
 * ActionID. The session holds its later requests until the whole answer is in, so answers keep
 * their order as Asterisk's one thread per session keeps them.
 */
final class ForwardedAction implements ActionHandler {

    /** How long a session waits for an upstream's answer, as for an application's action. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Authority authority;
    private final UpstreamChannel upstream;
    private final ForwardedRequests requests;

    /**
     * @param name      the action as the client named it
     * @param authority the write classes the upstream listed for it
     * @param upstream  where it goes
     * @param requests  the forwarded requests awaiting answers
     */
    ForwardedAction(String name, Authority authority, UpstreamChannel upstream, ForwardedRequests requests) {
        this.name = name;
        this.authority = authority;
        this.upstream = upstream;
        this.requests = requests;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Authority authority() {
        return authority;
    }

    @Override
    public String synopsis() {
        return "Answered by upstream " + upstream.name();
    }

    @Override
    public void handle(ActionCall call) {
        Optional<String> refused = ContentGuard.refusal(call.action(), call.session().account().write());
        if (refused.isPresent()) {
            call.replyError(refused.get());
            return;
        }
        ForwardedRequests.Opened opened = requests.open(upstream.name(), call.action().header("ActionID").orElse(""));
        String id = opened.id();
        if (!upstream.send(lines(call.action().lines(), id))) {
            requests.fail(id, UpstreamForwarding.notConnected(upstream.name()));
        }
        SessionThread.Timer timer = call.session().transport().schedule(() -> requests.fail(id, "Upstream "
                + upstream.name() + " did not answer within " + TIMEOUT.toSeconds() + " s"), TIMEOUT);
        call.session().await(opened.answer(), (messages, failure) -> {
            timer.cancel();
            if (failure == null) {
                messages.forEach(call::reply);
            } else {
                call.replyError(failure instanceof UpstreamFailure ? failure.getMessage()
                        : "Upstream " + upstream.name() + " failed: " + failure);
            }
        });
    }

    /** The request as the upstream gets it: ami's ActionID, no line naming the upstream. */
    static List<String> lines(List<String> request, String id) {
        List<String> lines = new ArrayList<>(request.size() + 1);
        for (String line : request) {
            UpstreamMessage one = UpstreamMessage.of(line);
            if (one.value("ActionID").isEmpty() && one.value(Upstream.HEADER).isEmpty()) {
                lines.add(line);
            }
        }
        lines.add("ActionID: " + id);
        return lines;
    }
}
