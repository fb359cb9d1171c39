package dev.ami.admin.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a change may be a cross-site request forgery. The console's session cookie goes with
 * every request a browser makes to this origin, whoever's page makes it, so a change (POST, PUT,
 * PATCH, DELETE) authenticated by the cookie must carry {@code X-CSRF-Token} with the session's
 * token, which only this origin's pages can have read ({@code POST /ami/api/v1/session} answers
 * it). The login itself ({@code POST /ami/api/v1/session}) needs none: it has no session yet.
 *
 * <p>A request with HTTP Basic needs no token (scripts have none), but a browser that once answered
 * a Basic prompt for this origin sends those credentials by itself with later requests, another
 * site's form posts included. So a Basic change a browser marks as coming from another site
 * ({@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}, or, from a browser without
 * it, an {@code Origin} other than the request's own host) is refused too; scripts send neither.
 */
public final class CsrfCheck {

    /** The header carrying the session's token. */
    public static final String HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private CsrfCheck() {
    }

    /**
     * What a change is checked on.
     *
     * @param method       the HTTP method
     * @param login        true for the console's login request ({@code POST /ami/api/v1/session})
     * @param via          how the caller proved who it is
     * @param sessionToken the console session's token (null for Basic)
     * @param headerToken  {@code X-CSRF-Token}, or null
     * @param fetchSite    {@code Sec-Fetch-Site}, or null
     * @param origin       {@code Origin}, or null
     * @param host         {@code Host}, or null
     */
    public record Request(String method, boolean login, Caller.Via via, String sessionToken, String headerToken,
            String fetchSite, String origin, String host) {
    }

    /**
     * @param request the request
     * @return why it is refused, empty if it may go on
     */
    public static Optional<String> refusal(Request request) {
        if (SAFE.contains(request.method()) || request.login()) {
            return Optional.empty();
        }
        if (request.via() == Caller.Via.CONSOLE) {
            if (request.headerToken() == null || request.sessionToken() == null || request.sessionToken().isEmpty()) {
                return Optional.of("a change in a console session needs the header " + HEADER);
            }
            // compared in constant time, as a secret is: the token is one
            return MessageDigest.isEqual(bytes(request.headerToken()), bytes(request.sessionToken())) ? Optional.empty()
                    : Optional.of(HEADER + " is not this session's token");
        }
        if (crossSite(request)) {
            return Optional.of("a browser sent this change from another site");
        }
        return Optional.empty();
    }

    private static boolean crossSite(Request request) {
        if (request.fetchSite() != null) {
            String site = request.fetchSite().strip().toLowerCase(Locale.ROOT);
            return !site.equals("same-origin") && !site.equals("none");
        }
        if (request.origin() == null) {
            return false;
        }
        String origin = request.origin().strip();
        int scheme = origin.indexOf("://");
        return scheme < 0 || request.host() == null || !origin.substring(scheme + 3).equalsIgnoreCase(request.host().strip());
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
