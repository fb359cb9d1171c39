package dev.ami.admin.rest.v1;

import dev.ami.admin.login.ConfigLoginFilter;
import dev.ami.persistence.audit.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** Who makes a change through the REST API, as the audit trail records it. */
public final class Actors {

    /** The start of the User-Agent that {@code bin/ami-config} sends. */
    static final String AMI_CONFIG_AGENT = "ami-config/";

    private Actors() {
    }

    /**
     * @param request an admitted request
     * @return its account, its client's address, and the way it came: the console (no HTTP Basic credentials:
     *         its session cookie), {@code bin/ami-config} (its User-Agent), or another REST client
     */
    public static Actor of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        Object admitted = request.getAttribute(ConfigLoginFilter.ADMITTED_ACCOUNT);
        String name = principal != null ? principal.getName() : admitted != null ? admitted.toString() : "unknown";
        String authorization = request.getHeader("Authorization");
        String agent = request.getHeader("User-Agent");
        String via = authorization == null ? Actor.CONSOLE
                : agent != null && agent.startsWith(AMI_CONFIG_AGENT) ? Actor.AMI_CONFIG : Actor.REST;
        return new Actor(name, request.getRemoteAddr(), via);
    }
}
