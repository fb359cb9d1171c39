package dev.ami.api.event.security;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.event.AmiTime;
import dev.ami.api.event.ManagerEvent;
import java.time.Instant;

/**
 * The security events Asterisk raises for its manager (class {@code security}), with their headers
 * in Asterisk's order: the required fields of each event, then the optional ones the manager fills
 * in (main/security_events.c, security_event_to_ami; main/manager.c, report_* functions). The
 * {@code Service} is the peer's; {@code AccountID} is the name as the client typed it.
 */
public final class SecurityEvents {

    private static final String ERROR = "Error";

    private SecurityEvents() {
    }

    /** A login was accepted. */
    public static ManagerEvent successfulAuth(SecurityPeer peer, String accountId, Instant now) {
        // Asterisk reports 0 here for both plaintext and MD5 logins.
        return common("SuccessfulAuth", "Informational", 1, peer, accountId, now)
                .header("UsingPassword", "0")
                .header("SessionTV", AmiTime.eventTv(peer.sessionTv())).build();
    }

    /** A login named an account that does not exist. */
    public static ManagerEvent invalidAccountId(SecurityPeer peer, String accountId, Instant now) {
        return ended(common("InvalidAccountID", ERROR, 1, peer, accountId, now), peer);
    }

    /** A login came from an address the account's permit/deny rules refuse. */
    public static ManagerEvent failedAcl(SecurityPeer peer, String accountId, Instant now) {
        return ended(common("FailedACL", ERROR, 1, peer, accountId, now), peer);
    }

    /** A plaintext login gave the wrong secret. */
    public static ManagerEvent invalidPassword(SecurityPeer peer, String accountId, Instant now) {
        return ended(common("InvalidPassword", ERROR, 2, peer, accountId, now), peer);
    }

    /**
     * An MD5 login gave the wrong key. Asterisk names the session's (still empty) account, and
     * reports the challenge, the key received and the key expected.
     */
    public static ManagerEvent challengeResponseFailed(SecurityPeer peer, String accountId, String challenge,
            String response, String expected, Instant now) {
        return ended(common("ChallengeResponseFailed", ERROR, 1, peer, accountId, now)
                .header("Challenge", challenge)
                .header("Response", response)
                .header("ExpectedResponse", expected), peer);
    }

    /** A logged-in session asked for an action its account may not run. */
    public static ManagerEvent requestNotAllowed(SecurityPeer peer, String accountId, String action, Instant now) {
        return ended(common("RequestNotAllowed", ERROR, 1, peer, accountId, now)
                .header("RequestType", requestType("Action: " + action)), peer);
    }

    /** A login was refused because the account may hold only one session. */
    public static ManagerEvent sessionLimit(SecurityPeer peer, String accountId, Instant now) {
        return ended(common("SessionLimit", ERROR, 1, peer, accountId, now), peer);
    }

    /**
     * A request had no action, or an unknown one. Here AccountID is optional and comes last.
     *
     * @param requestType {@code Action: <name>}, or {@code Action: NONE}
     */
    public static ManagerEvent requestBadFormat(SecurityPeer peer, String accountId, String requestType,
            Instant now) {
        return session(start("RequestBadFormat", ERROR, 1, peer, now), peer)
                .header("RequestType", requestType(requestType))
                .header("SessionTV", AmiTime.eventTv(peer.sessionTv()))
                .header("AccountID", accountId).build();
    }

    /** Asterisk formats the request type into a 64-byte buffer: at most 63 characters survive. */
    private static String requestType(String text) {
        return text.length() > 63 ? text.substring(0, 63) : text;
    }

    private static ManagerEvent.Builder common(String name, String severity, int version, SecurityPeer peer,
            String accountId, Instant now) {
        return session(start(name, severity, version, peer, now).header("AccountID", accountId), peer);
    }

    private static ManagerEvent.Builder session(ManagerEvent.Builder event, SecurityPeer peer) {
        return event.header("SessionID", peer.sessionId())
                .header("LocalAddress", peer.localAddress())
                .header("RemoteAddress", peer.remoteAddress());
    }

    private static ManagerEvent ended(ManagerEvent.Builder event, SecurityPeer peer) {
        return event.header("SessionTV", AmiTime.eventTv(peer.sessionTv())).build();
    }

    private static ManagerEvent.Builder start(String name, String severity, int version, SecurityPeer peer,
            Instant now) {
        return ManagerEvent.of(name, AuthorityClass.SECURITY)
                .header("EventTV", AmiTime.eventTv(now))
                .header("Severity", severity)
                .header("Service", peer.service())
                .header("EventVersion", Integer.toString(version));
    }
}
