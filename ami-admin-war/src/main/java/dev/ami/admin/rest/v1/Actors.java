package dev.ami.admin.rest.v1;

import dev.ami.admin.login.Caller;
import dev.ami.persistence.audit.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Who makes a change through the REST API, as the audit trail records it. */
public final class Actors {

    /** The start of the User-Agent that {@code bin/ami-config} sends. */
    static final String AMI_CONFIG_AGENT = "ami-config/";

    private Actors() {
    }

    /**
     * @param request an admitted request
     * @return its account, its client's address, and the way it came: the console (its session cookie),
     *         {@code bin/ami-config} (HTTP Basic with the script's User-Agent), or another REST client
     */
    public static Actor of(HttpServletRequest request) {
        Optional<Caller> caller = Caller.of(request);
        String name = caller.map(Caller::username).orElse("unknown");
        String agent = request.getHeader("User-Agent");
        String via = caller.map(Caller::via).orElse(Caller.Via.BASIC) == Caller.Via.CONSOLE ? Actor.CONSOLE
                : agent != null && agent.startsWith(AMI_CONFIG_AGENT) ? Actor.AMI_CONFIG : Actor.REST;
        return new Actor(name, request.getRemoteAddr(), via);
    }
}
